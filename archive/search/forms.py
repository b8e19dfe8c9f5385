"""The search form: what the search page and its exports accept."""

import calendar
import re
from datetime import date

from django import forms
from django.db.models import Q

from archive.models import Person, Place, Quote

QUOTES, ARTICLES = "quotes", "articles"
CONTENT_TYPES = {QUOTES: "archive.quote", ARTICLES: "archive.article"}
SORTS = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]

DATE_INPUT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class DateBoundField(forms.Field):
    """YYYY, YYYY-MM or YYYY-MM-DD, as the first (or last) day it covers."""

    def __init__(self, *, end=False, **kwargs):
        self.end = end
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        m = DATE_INPUT.match(value)
        if not m:
            raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            if month is None:
                return date(year, 12, 31) if self.end else date(year, 1, 1)
            if day is None:
                day = calendar.monthrange(year, month)[1] if self.end else 1
            return date(year, month, day)
        except (ValueError, OverflowError):
            raise forms.ValidationError(f"There is no such date as {value}.") from None


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, max_length=500)
    type = forms.ChoiceField(
        label="Show", required=False, choices=[(QUOTES, "Quotations"), (ARTICLES, "Articles")]
    )
    speaker = forms.CharField(label="Speaker", required=False, max_length=200)
    place = forms.CharField(label="Place", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind of quotation", required=False, choices=[("", "Any"), *Quote.KINDS])
    sort = forms.ChoiceField(label="Order", required=False, choices=SORTS)
    format = forms.ChoiceField(
        required=False, choices=[("", "Page"), ("csv", "CSV"), ("json", "JSON")],
        error_messages={"invalid_choice": "Downloads are in format csv or json, not %(value)s."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so these two are added by name.
        self.fields["from"] = DateBoundField(label="From")
        self.fields["to"] = DateBoundField(label="To", end=True)
        self.order_fields(["q", "type", "speaker", "place", "from", "to", "kind", "sort"])

    def clean_speaker(self):
        value = self.cleaned_data["speaker"].strip()
        if not value:
            return None
        person = Person.objects.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
        if person is None:
            raise forms.ValidationError(f"No speaker called “{value}” is in the archive.")
        return person

    def clean_place(self):
        value = self.cleaned_data["place"].strip()
        if not value:
            return None
        place = Place.objects.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk").first()
        if place is None:
            raise forms.ValidationError(f"No place called “{value}” is in the archive.")
        return place

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        if not data.get("type"):
            data["type"] = QUOTES if data.get("speaker") else ARTICLES
        if not data.get("sort"):
            data["sort"] = "relevance" if data.get("q", "").strip() else "newest"
        return data


def is_search(data, parsed):
    """Whether there is anything to search for: words or a filter."""
    return bool(parsed.query or parsed.exclude or any(data.get(k) for k in ("speaker", "place", "from", "to", "kind")))

