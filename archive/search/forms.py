"""The search form: what the search page and its exports accept."""

from django import forms

from archive.formats import DateError, last_day, parse_partial_date
from archive.models import Article, Quote
from archive.search.names import resolve_person, resolve_place

QUOTES, ARTICLES = "quotes", "articles"
CONTENT_TYPES = {QUOTES: "archive.quote", ARTICLES: "archive.article"}
SORTS = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]


class DateBoundField(forms.Field):
    """YYYY, YYYY-MM or YYYY-MM-DD, as the first (or last) day it covers."""

    def __init__(self, *, end=False, **kwargs):
        self.end = end
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value or len(value) > 40:
            if value:
                raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")
            return None
        try:
            first, precision = parse_partial_date(value)
        except DateError as exc:
            if exc.impossible:
                raise forms.ValidationError(f"There is no such date as {value}.") from None
            raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.") from None
        return last_day(first, precision) if self.end else first


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, max_length=500)
    type = forms.ChoiceField(label="Show", required=False, choices=[(QUOTES, "Quotations"), (ARTICLES, "Articles")])
    speaker = forms.CharField(label="Speaker", required=False, max_length=200)
    place = forms.CharField(label="Place", required=False, max_length=200)
    outlet = forms.CharField(label="Outlet", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind of quotation", required=False, choices=[("", "Any"), *Quote.KINDS])
    sort = forms.ChoiceField(label="Order", required=False, choices=SORTS)
    # Set by the link "search these words everywhere": names in the query are words then.
    everywhere = forms.BooleanField(required=False)
    format = forms.ChoiceField(
        required=False,
        choices=[("", "Page"), ("csv", "CSV"), ("json", "JSON")],
        error_messages={"invalid_choice": "Downloads are in format csv or json, not %(value)s."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so these two are added by name.
        self.fields["from"] = DateBoundField(label="From")
        self.fields["to"] = DateBoundField(label="To", end=True)
        self.order_fields(["q", "type", "speaker", "place", "outlet", "from", "to", "kind", "sort"])
        self.choices = {}  # field -> the people or places an ambiguous name could mean

    def clean_speaker(self):
        return self.resolved("speaker", resolve_person, "speaker")

    def clean_place(self):
        return self.resolved("place", resolve_place, "place")

    def resolved(self, name, resolve, noun):
        value = self.cleaned_data[name].strip()
        if not value:
            return None
        found, choices = resolve(value)
        if found is not None:
            return found
        if choices:
            self.choices[name] = choices
            raise forms.ValidationError(f"Several {noun}s match “{value}”: choose one below.")
        raise forms.ValidationError(f"No {noun} called “{value}” is in the archive.")

    def clean_outlet(self):
        value = self.cleaned_data["outlet"].strip()
        if not value:
            return ""
        outlet = Article.objects.filter(outlet__iexact=value).values_list("outlet", flat=True).first()
        if outlet is None:
            raise forms.ValidationError(f"No outlet called “{value}” is in the archive.")
        return outlet

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        data["type"] = data.get("type") or QUOTES
        if not data.get("sort"):
            data["sort"] = "relevance" if data.get("q", "").strip() else "newest"
        return data


FILTERS = ("speaker", "place", "outlet", "from", "to", "kind")


def is_search(data, parsed):
    """Whether there is anything to search for: words or a filter."""
    return bool(parsed.query or parsed.exclude or any(data.get(k) for k in FILTERS))
