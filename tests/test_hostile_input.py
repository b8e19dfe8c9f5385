"""No 500 for anything a user can type: every public URL pattern, with hostile
or odd query parameters and path parts, against a real throwaway Whoosh index.

A request passes when it answers 200, 400 or 404, its body can be read to
the end (exports stream), and, for HTML, a payload typed by the user never
comes back raw."""

import pytest
from django.urls import reverse

OK = {200, 400, 404}
SCRIPT = "<script>alert('x1')</script>"
ATTR = '"><img src=x onerror=alert(2)>'
SURROGATE = "\ud800".encode("utf-8", "surrogatepass")  # a lone surrogate, as a browser could send it


def enc(value):
    """Percent-encode a str (or raw bytes: invalid UTF-8 and lone surrogates
    go through as they are) for a hand-made query string."""
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return "".join(chr(b) if chr(b).isalnum() or chr(b) in "-_.~" else f"%{b:02X}" for b in raw)


def qs(*pairs):
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)


@pytest.fixture(scope="module")
def cast(indexed_cast):
    return indexed_cast


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Hundreds of requests a minute from one client: the limits have tests of their own (test_limits.py)."""
    settings.SEARCH_RATE = settings.AUTOCOMPLETE_RATE = settings.EXPORT_RATE = ""


def fetch(client, url):
    """(status, body, content type) with the body read to the end; an
    exception anywhere (view, template, streamed export) is returned as its
    repr in place of the status."""
    try:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    except Exception as exc:  # the point of the test: report it, with the URL
        return repr(exc)[:300], b"", ""
    return response.status_code, body, response.get("Content-Type", "")


def check(client, urls, allowed=OK):
    """Every URL answers with an allowed status and no raw payload in HTML."""
    failures = []
    for url in urls:
        status, body, content_type = fetch(client, url)
        if status not in allowed:
            failures.append((url[:160], status))
        elif content_type.startswith("text/html") and (SCRIPT.encode() in body or ATTR.encode() in body):
            failures.append((url[:160], "raw payload in HTML"))
    assert not failures, failures


# --- every public page, with hostile query parameters --------------------------------

HOSTILE = [
    qs(("page", "abc")),
    qs(("page", "-1")),
    qs(("page", "0")),
    qs(("page", str(10**30))),
    qs(("page", "9" * 400)),
    qs(("page", "1.5")),
    qs(("page", "last")),
    qs(("page", "")),
    qs(("sort", "bogus")),
    qs(("type", "garbage")),
    qs(("kind", "garbage")),
    qs(("format", "xml")),
    qs(("from", "2019-02-30")),
    qs(("to", "99999-01-01")),
    qs(("from", "0000-00-00")),
    qs(("from", "2019-13")),
    qs(("from", "text"), ("to", "9999-12-31")),
    qs(("speaker", "unknown-slug")),
    qs(("place", "unknown-slug")),
    qs(("speaker", "x" * 5000)),
    qs(("place", "a\x00b")),
    qs(("q", "a\x00b")),
    qs(("speaker", SURROGATE)),
    qs(("q", b"\xff\xfe%")),
    "q=%zz%&speaker=%E2%82&place=%",
    qs(("q", "a"), ("q", "b"), ("page", "1"), ("page", "x")),
    qs(("q", SCRIPT)),
    qs(("speaker", ATTR)),
    qs(("place", SCRIPT)),
    qs(("sort", ATTR)),
    qs(("from", SCRIPT)),
    qs(("p", "abc")),
    qs(("p", "0")),
    qs(("p", "-1")),
    qs(("kind", "other"), ("q", "x" * 300)),
    qs(("q", "mayor"), ("type", "quotes"), ("sort", "oldest"), ("page", str(10**30))),
    qs(("q", "mayor"), ("page", "9" * 400)),
]


PAGES = [
    "/",
    "/healthz",
    "/search/",
    "/search/?format=csv&",
    "/search/?format=json&type=quotes&",
    "/search/autocomplete/",
    "/search/autocomplete/?kind=place&",
    "/people/",
    "/people/{person}/",
    "/people/{person}/quotes.csv",
    "/people/{person}/quotes.json",
    "/people/{person}/feed/",
    "/people/{person}/feed/atom/",
    "/places/",
    "/places/{place}/",
    "/places/{place}/feed/",
    "/places/{place}/feed/atom/",
    "/archive/",
    "/archive/2014/",
    "/archive/2014/06/",
    "/archive/2019/03/14/",
    "{article}",
    "{quote}",
    "/feed/",
    "/feed/atom/",
    "/sitemap.xml",
]


def page_url(template, cast):
    return template.format(
        person=cast["people"]["heseltine"].slug,
        place=cast["places"]["birmingham"].slug,
        article=cast["articles"]["budget"].get_absolute_url(),
        quote=cast["quotes"]["route"].get_absolute_url(),
    )


def test_every_public_page_answers_normally_as_it_is(client, cast, db):
    for template in PAGES:
        url = page_url(template, cast).rstrip("?&")
        status, _, _ = fetch(client, url)
        assert status == 200, (url, status)


@pytest.mark.parametrize("template", PAGES)
def test_hostile_query_parameters_never_break_a_page(client, cast, db, template):
    url = page_url(template, cast)
    joiner = "" if url.endswith("&") else "?"
    check(client, [url + joiner + params for params in HOSTILE])


# --- odd path parts ----------------------------------------------------------------

ODD_PATHS = [
    "/people/unknown-slug/",
    "/people/unknown-slug/quotes.csv",
    "/people/unknown-slug/quotes.json",
    "/people/unknown-slug/feed/",
    "/people/unknown-slug/feed/atom/",
    "/places/unknown-slug/",
    "/places/unknown-slug/feed/",
    "/places/unknown-slug/feed/atom/",
    "/articles/unknown-slug/",
    "/people/%00/",
    "/people/a%00b/",
    "/people/%ED%A0%80/",
    "/places/%FF%FE/",
    "/articles/%3Cscript%3E/",
    "/people/" + "a" * 5000 + "/",
    "/places/" + "b" * 5000 + "/feed/",
    "/articles/..%2F..%2Fetc%2Fpasswd/",
    "/people/%E2%80%AE%F0%9F%99%82/",
    "/people/caf%C3%A9/",
    "/quotes/0/",
    "/quotes/-1/",
    "/quotes/abc/",
    "/quotes/" + "9" * 30 + "/",
    "/quotes/" + "9" * 5000 + "/",
    "/archive/0000/",
    "/archive/0001/",
    "/archive/9999/",
    "/archive/0000/00/",
    "/archive/2019/00/",
    "/archive/2019/13/",
    "/archive/2019/99/",
    "/archive/9999/12/",
    "/archive/0001/01/",
    "/archive/2019/02/30/",
    "/archive/2019/02/00/",
    "/archive/2019/13/01/",
    "/archive/0000/00/00/",
    "/archive/9999/12/31/",
    "/archive/0001/01/01/",
    "/archive/99999/01/01/",
    "/archive/2019/3/14/",
]
# A page number past the end or not a number falls back, as on the search pages.
ODD_PAGES = ["/archive/2019/03/14/?page=" + str(10**30), "/archive/2014/?page=abc", "/archive/?page=-1"]


def test_odd_path_parts_are_404_never_500(client, cast, db):
    # /archive/2019/3/14/ does not match the two-digit pattern: a 404 too.
    check(client, ODD_PATHS, allowed={404})


def test_odd_page_numbers_fall_back_to_a_page_that_exists(client, cast, db):
    check(client, ODD_PAGES, allowed={200})


# --- the search query language -------------------------------------------------------

QUERIES = [
    '"',
    '"mayor',
    'mayor"',
    '"""',
    "(",
    ")",
    "((mayor)",
    "mayor))",
    "()",
    "[mayor]",
    "{mayor}",
    "AND",
    "NOT",
    "OR",
    "OR OR",
    "AND NOT OR",
    "NOT NOT",
    "mayor AND",
    "OR mayor",
    "*",
    "**",
    "?",
    "~",
    "^",
    ":",
    "mayor~",
    "mayor~2",
    "mayor^3",
    "ma?or",
    "m*",
    "*mayor",
    "mayor*",
    "-",
    "--mayor",
    "+",
    "-*",
    "headline:foo",
    "speaker:x",
    "speakers:lord-heseltine",
    "django_ct:archive.quote",
    "published:[2000 TO 2020]",
    "published:>2000",
    "id:*",
    "content:*",
    "text:(a OR b)",
    "*:*",
    "\\",
    "\\\\mayor",
    "'",
    "`",
    "mayor\x00",
    "\x00",
    "\t\n\r",
    "\u200b",
    "\ufeff",
    "\u202e",
    "🙂",
    "مدينة",
    "a" * 500,
    "x" * 10_000,
    " ".join(["mayor"] * 500),
    "OR " * 166,
    "mayor OR " * 55 + "mayor",
    "(" * 240 + ")" * 240,
    "ab* " * 125,
    "NOT " * 120 + "mayor",
    '"' + "mayor " * 80 + '"',
    SCRIPT,
    ATTR,
    "<b>mayor</b>",
    "&amp; &lt;",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "%s %d %(x)s",
]


@pytest.mark.parametrize(
    "extra", ["", "&type=quotes", "&type=articles&sort=oldest&page=2", "&format=csv", "&format=json&type=quotes"]
)
def test_hostile_queries_never_break_search_or_its_exports(client, cast, db, extra):
    check(client, ["/search/?" + qs(("q", q)) + extra for q in QUERIES])


@pytest.mark.parametrize("q", [SCRIPT, ATTR, "<b>mayor</b>"])
def test_markup_in_a_query_comes_back_escaped(client, cast, db, q):
    response = client.get(reverse("search"), {"q": q})
    html = response.content.decode()
    assert response.status_code == 200
    assert q not in html
    assert (
        q.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")
        in html
    )


def test_a_query_too_long_is_a_clear_error_on_the_page_and_a_400_for_an_export(client, cast, db):
    response = client.get(reverse("search"), {"q": "x" * 10_000})
    assert response.status_code == 200
    assert response.context["form"].errors["q"]
    assert 'id="q-errors"' in response.content.decode()
    assert response.context["searched"] is False
    export = client.get(reverse("search"), {"q": " ".join(["mayor"] * 500), "format": "csv"})
    assert export.status_code == 400
    assert b"q:" in export.content


def test_an_unknown_format_is_a_clear_error_on_the_page(client, cast, db):
    response = client.get(reverse("search"), {"q": "mayor", "format": "xml"})
    assert response.status_code == 200
    assert "xml" in response.content.decode()
    assert response.context["form"].errors["format"]
    assert 'role="alert"' in response.content.decode()


def test_repeated_parameters_use_the_last_value(client, cast, db):
    response = client.get("/search/?q=zzzz&q=referendum")
    assert response.status_code == 200
    assert response.context["parsed"].text == "referendum"
    assert response.context["total"] == 1


# --- dates and filters ----------------------------------------------------------------

BAD_DATES = [
    "2019-02-30",
    "99999-01-01",
    "0000-00-00",
    "0000",
    "2019-13",
    "2019-00",
    "2019-1-32",
    "text",
    "2019/02/03",
    "-2019",
    "1e4",
    "2019-02-03T00:00",
    " ",
    "\x00",
    "2019-02-3\x00",
]


@pytest.mark.parametrize("name", ["from", "to"])
def test_impossible_dates_are_a_form_error_or_a_400_export(client, cast, db, name):
    for value in BAD_DATES:
        response = client.get(reverse("search"), {name: value, "q": "mayor"})
        assert response.status_code == 200, value
        if value.strip():
            assert response.context["form"].errors.get(name), value
            assert f'id="{name}-errors"' in response.content.decode(), value
        export = client.get(reverse("search"), {name: value, "q": "mayor", "format": "json"})
        assert export.status_code == (400 if value.strip() else 200), value


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "9999", "0001", "9999-12", "0001-01"])
def test_dates_at_the_ends_of_the_calendar_search(client, cast, db, value):
    # Year 1 once reached Whoosh as "10101000000" (day 0 of October 1010): a 500.
    every = len(cast["quotes"])
    for name, expected in (("from", every if value < "5" else 0), ("to", 0 if value < "5" else every)):
        response = client.get(reverse("search"), {name: value, "type": "quotes"})
        assert response.status_code == 200
        assert not response.context["form"].errors
        assert response.context["total"] == expected, (name, value)
        export = client.get(reverse("search"), {name: value, "type": "quotes", "format": "csv"})
        assert len(b"".join(export.streaming_content).splitlines()) == expected + 1


@pytest.mark.parametrize(
    "q, same_as",
    [
        ("NOT NOT referendum", "referendum"),
        ("mayor AND NOT NOT referendum", "mayor AND referendum"),
        ("mayor NOT NOT NOT referendum", "mayor NOT referendum"),
        ("mayor NOT -referendum", "mayor referendum"),
        ("NOT " * 120 + "mayor", "mayor"),
    ],
)
def test_a_double_negation_cancels_out(client, cast, db, q, same_as):
    # Whoosh's own parser raised IndexError on "NOT NOT x": a 500.
    def found(text):
        response = client.get(reverse("search"), {"q": text, "type": "articles"})
        assert response.status_code == 200
        return {item["article"].pk for item in response.context["items"]}

    assert found(q) == found(same_as) != set()


@pytest.mark.parametrize("name", ["speaker", "place"])
@pytest.mark.parametrize("value", ["unknown-slug", "z" * 201, "a\x00b", SCRIPT, "%00%ff", "\ufffd", "lord%2Dheseltine"])
def test_unknown_speakers_and_places_are_a_form_error(client, cast, db, name, value):
    response = client.get(reverse("search"), {name: value})
    assert response.status_code == 200
    assert response.context["form"].errors[name]
    assert f'id="{name}-errors"' in response.content.decode()
    assert SCRIPT not in response.content.decode()


# --- autocomplete and the people filter ----------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        qs(("q", "a\x00b")),
        qs(("q", "x" * 10_000)),
        qs(("q", SURROGATE)),
        qs(("q", "%")),
        qs(("q", "_")),
        qs(("q", "hes"), ("q", "bir")),
        qs(("kind", "place"), ("kind", "garbage"), ("q", "bir")),
        qs(("kind", "garbage"), ("q", "bir")),
        qs(("kind", ""), ("q", "bir")),
        qs(("kind", "\x00")),
        qs(("q", SCRIPT)),
    ],
)
def test_autocomplete_answers_json(client, cast, db, params):
    response = client.get("/search/autocomplete/?" + params)
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert ("results" in data) if response.status_code == 200 else ("error" in data)


@pytest.mark.parametrize("q", ["a\x00b", "x" * 5000, SCRIPT, "%", "_", "\ud800"])
def test_the_people_filter_takes_anything(client, cast, db, q):
    response = client.get("/people/?" + qs(("q", q)))
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html and 'action="/people/"' in html
    if q in ("a\x00b", "x" * 5000):  # not a filter the form takes: said, and not "matching" it
        assert 'class="field-errors" role="alert"' in html
        assert "matching" not in html.split("<main")[-1].split("</form>")[-1]
