"""The public, read-only JSON API (/api/...), documented at /api/.

Django REST framework supplies what a hand-written API would get wrong:
cursor pagination that stays stable while articles are added, validation
errors as 400s, and throttling. It shows exactly what the pages show:
published articles and the quotations in them."""

from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

from archive.formats import DateError, last_day, parse_partial_date
from archive.models import Article, Person, Place, Quote


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


# --- pagination ---------------------------------------------------------------------


class Cursor(CursorPagination):
    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not value.isdigit() or not 1 <= int(value) <= self.max_page_size:
            raise ValidationError({"page_size": f"A whole number from 1 to {self.max_page_size}."})
        return int(value)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except NotFound:
            # DRF answers 404; a cursor is a parameter, and a bad one is the client's error.
            raise ValidationError({"cursor": "Not a cursor from this API: follow the `next` and `previous` links."})


class ByName(Cursor):
    ordering = ("name", "id")


class NewestFirst(Cursor):
    ordering = ("-published", "-id")


class NewestAdded(Cursor):
    ordering = ("-id",)


# --- filters ------------------------------------------------------------------------


class Filters(serializers.Serializer):
    """The query parameters a list accepts; anything else is a 400, so a typo
    ("?speker=") is not silently ignored."""

    paging = {"cursor", "page_size"}

    def __init__(self, request):
        params = request.query_params
        unknown = sorted(set(params) - set(self.fields) - self.paging)
        if unknown:
            known = ", ".join(sorted(set(self.fields) | self.paging))
            raise ValidationError({name: f"Unknown parameter; this list takes: {known}." for name in unknown})
        super().__init__(data={k: params.get(k) for k in self.fields if k in params})
        self.is_valid(raise_exception=True)


def slug_of(model, label):
    def check(value):
        if not model.objects.filter(slug=value).exists():
            raise ValidationError(f"No {label} with the slug “{value}”: see /api/{label}s/ for the slugs.")

    return check


class PartialDate(serializers.Field):
    """YYYY, YYYY-MM or YYYY-MM-DD, as the search page takes them: `since`
    from the first day they cover, `until` to the last."""

    def __init__(self, end=False, **kwargs):
        self.end = end
        super().__init__(required=False, **kwargs)

    def to_internal_value(self, data):
        try:
            first, precision = parse_partial_date(str(data)[:40])
        except DateError as exc:
            raise ValidationError(str(exc)) from None
        return last_day(first, precision) if self.end else first


class QuoteFilters(Filters):
    speaker = serializers.SlugField(required=False, validators=[slug_of(Person, "person")], help_text="a person's slug")
    place = serializers.SlugField(required=False, validators=[slug_of(Place, "place")])
    since = PartialDate()
    until = PartialDate(end=True)
    q = serializers.CharField(required=False, max_length=200, help_text="words the quotation contains")
    kind = serializers.ChoiceField(required=False, choices=[k for k, _ in Quote.KINDS])


class ArticleFilters(Filters):
    person = serializers.SlugField(required=False, validators=[slug_of(Person, "person")])
    place = serializers.SlugField(required=False, validators=[slug_of(Place, "place")])
    since = PartialDate()
    until = PartialDate(end=True)
    q = serializers.CharField(required=False, max_length=200, help_text="words of the headline")


class PersonFilters(Filters):
    q = serializers.CharField(required=False, max_length=200, help_text="part of a name or alias")
    kind = serializers.ChoiceField(required=False, choices=[k for k, _ in Person.KINDS])


class PlaceFilters(Filters):
    q = serializers.CharField(required=False, max_length=200)
    kind = serializers.ChoiceField(required=False, choices=[k for k, _ in Place.KINDS])


def words_filter(field, text):
    """Every word must occur (case-insensitive), as in the search box."""
    condition = Q()
    for word in text.split():
        condition &= Q(**{f"{field}__icontains": word})
    return condition


def place_and_inside(slug):
    """A place and the places inside it, as its page counts them."""
    found = set(Place.objects.filter(slug=slug).values_list("pk", flat=True))
    frontier = set(found)
    for _ in range(5):
        frontier = set(Place.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


# --- serializers -------------------------------------------------------------------


class Link(serializers.Serializer):
    """Name, slug and page of a related person or place."""

    name = serializers.CharField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj):
        return absolute(obj.get_absolute_url())


class ArticleLink(serializers.Serializer):
    headline = serializers.CharField()
    slug = serializers.SlugField()
    published = serializers.CharField(source="date_iso")
    outlet = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj):
        return absolute(obj.get_absolute_url())


class QuoteSerializer(serializers.ModelSerializer):
    speaker = Link(source="person", allow_null=True)
    article = ArticleLink()
    url = serializers.SerializerMethodField()
    citation = serializers.CharField()

    class Meta:
        model = Quote
        fields = ["id", "text", "kind", "speaker", "role", "article", "url", "citation", "corrected"]

    def get_url(self, obj):
        return obj.permalink()


class PersonSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    quotations = serializers.SerializerMethodField()

    class Meta:
        model = Person
        fields = ["slug", "name", "honorific", "aliases", "kind", "url", "quotations"]

    def get_url(self, obj):
        return absolute(obj.get_absolute_url())

    def get_quotations(self, obj):
        return absolute(f"/api/quotations/?speaker={obj.slug}")


class PlaceSerializer(serializers.ModelSerializer):
    parent = Link(allow_null=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Place
        fields = ["slug", "name", "kind", "parent", "latitude", "longitude", "url"]

    def get_url(self, obj):
        return absolute(obj.get_absolute_url())


class ArticleSerializer(serializers.ModelSerializer):
    published = serializers.CharField(source="date_iso")
    source_url = serializers.URLField(source="url")
    url = serializers.SerializerMethodField()
    places = Link(many=True)
    people = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "slug",
            "headline",
            "outlet",
            "published",
            "precision",
            "source_url",
            "url",
            "body",
            "people",
            "places",
        ]

    def get_url(self, obj):
        return absolute(obj.get_absolute_url())

    def get_people(self, obj):
        return Link(obj.people.all(), many=True).data


# --- views -------------------------------------------------------------------------


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only list and detail of what the public may see. A list takes
    the parameters of `filters`; `lookups` turns each into a filter: a field
    lookup given the value, or a function of (rows, value)."""

    filters = Filters
    lookups = {}

    def public(self):
        raise NotImplementedError

    def get_queryset(self):
        rows = self.public()
        if self.action != "list":
            return rows
        for name, value in self.filters(self.request).validated_data.items():
            lookup = self.lookups[name]
            rows = lookup(rows, value) if callable(lookup) else rows.filter(**{lookup: value})
        return rows


def in_place(path):
    """A place filter: rows whose `path` is the place or a place inside it."""
    return lambda rows, slug: rows.filter(**{f"{path}__in": place_and_inside(slug)}).distinct()


def has_words(field):
    return lambda rows, text: rows.filter(words_filter(field, text))


class QuoteViewSet(PublicViewSet):
    serializer_class = QuoteSerializer
    pagination_class = NewestAdded
    filters = QuoteFilters
    lookups = {
        "speaker": "person__slug",
        "place": in_place("article__places"),
        "since": "article__published__gte",
        "until": "article__published__lte",
        "q": has_words("text"),
        "kind": "kind",
    }

    def public(self):
        return Quote.objects.published().with_related()


class ArticleViewSet(PublicViewSet):
    serializer_class = ArticleSerializer
    pagination_class = NewestFirst
    lookup_field = "slug"
    filters = ArticleFilters
    lookups = {
        "person": "people__slug",
        "place": in_place("places"),
        "since": "published__gte",
        "until": "published__lte",
        "q": has_words("headline"),
    }

    def public(self):
        return Article.objects.published().prefetch_related("people", "places")


class PersonViewSet(PublicViewSet):
    serializer_class = PersonSerializer
    pagination_class = ByName
    lookup_field = "slug"
    filters = PersonFilters
    lookups = {
        "q": lambda rows, text: rows.filter(Q(name__icontains=text) | Q(aliases__icontains=text)),
        "kind": "kind",
    }

    def public(self):
        return Person.objects.filter(
            Q(pk__in=Quote.objects.published().values("person"))
            | Q(pk__in=Article.objects.published().values("people"))
        )


class PlaceViewSet(PublicViewSet):
    serializer_class = PlaceSerializer
    pagination_class = ByName
    lookup_field = "slug"
    filters = PlaceFilters
    lookups = {"q": "name__icontains", "kind": "kind"}

    def public(self):
        return Place.objects.filter(pk__in=Article.objects.published().values("places")).select_related("parent")


def documentation(request):
    """/api/: what each endpoint gives and takes, with examples to paste."""
    return render(request, "archive/api.html", {"base": settings.SITE_URL.rstrip("/")})
