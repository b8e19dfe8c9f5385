"""Two editors on one article: the change form carries a digest of each part
of the article it was opened from (its fields, its quotations, its places),
and a save whose digests no longer match the database is refused, saying who
changed what. Digests rather than a version number: they catch a change made
by any route (this form, the quotation's own form, a reader's report fixed, the
re-extraction action, people merged) without each remembering to count it."""

import hashlib
import json
from datetime import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from archive.models import Article

# What the article form's inlines show of each quotation and place.
QUOTE_FIELDS = ("pk", "person_id", "text", "kind", "position", "role", "by_editor")
PLACE_FIELDS = ("pk", "place_id", "mentions")
PARTS = {"quotes": "the quotations", "places": "the places mentioned"}


def digest(value):
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:16]


def state(article, fields):
    """{part: digest} for the article's `fields`, its quotations and its places."""
    parts = {name: digest(getattr(article, name)) for name in fields}
    parts["quotes"] = digest(list(article.quotes.order_by("pk").values_list(*QUOTE_FIELDS)))
    parts["places"] = digest(list(article.articleplace_set.order_by("pk").values_list(*PLACE_FIELDS)))
    return parts


def opened(article, fields):
    """The token the change form carries: when it was opened, and from what."""
    return json.dumps({"opened": timezone.now().isoformat(), "parts": state(article, fields)})


def read(token):
    """(opened, parts) from a token, or None when it is missing or garbled."""
    try:
        data = json.loads(token)
        return datetime.fromisoformat(data["opened"]), dict(data["parts"])
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def changed_parts(article, fields, parts):
    """The names of the parts that differ from the digests `parts`, in form order."""
    now = state(article, fields)
    return [name for name in now if parts.get(name) != now[name]]


def last_change(article, since):
    """(user or None, time or None) of the latest change after `since`: the
    admin's history says who; the article's own timestamp says when, for a
    change made outside the article's form."""
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Article), object_id=str(article.pk), action_time__gt=since
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is not None:
        return entry.user, entry.action_time
    return None, article.updated if article.updated > since else None


def conflict_message(article, changed, labels, since):
    """The plain words shown at the top of a refused form."""
    user, when = last_change(article, since)
    by = f" by {user.get_full_name() or user.get_username()}" if user else ""
    at = ""
    if when is not None:
        local = timezone.localtime(when)
        at = f" at {local:%H:%M:%S} on {local.day} {local:%B %Y}"
    what = ", ".join(PARTS.get(name) or f"the {labels[name].lower()}" for name in changed)
    return format_html(
        "This article was changed{}{} after you opened it. What changed: {}. Nothing was saved; your version "
        'is below. <a href="{}" target="_blank">Open the current version</a> and apply your changes to it.',
        by,
        at,
        what,
        reverse("admin:archive_article_change", args=[article.pk]),
    )
