import warnings
from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.core.paginator import UnorderedObjectListWarning

from archive.models import Article, ArticlePerson, ArticlePlace, Person, Place, Quote

pytestmark = pytest.mark.django_db

BODY = (
    "The council approved the new bridge on Tuesday.\n\n"
    'Jane Example, the council leader, said: "We will build the bridge by spring."'
)


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def add_form(**extra):
    data = {
        "headline": "Bridge approved",
        "slug": "bridge-approved",
        "body": BODY,
        "outlet": "The Example Gazette",
        "url": "https://example.org/bridge",
        "published": "2021-03-04",
        "precision": "day",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "articleplace_set-TOTAL_FORMS": "0",
        "articleplace_set-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def test_the_editors_group_may_add_and_change_content_and_nothing_else():
    perms = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    for model in ["article", "quote", "person", "place"]:
        assert {f"add_{model}", f"change_{model}"} <= perms
        assert f"delete_{model}" not in perms
    assert not any(p.endswith("_user") or p.endswith("_group") for p in perms)


def test_an_editor_adds_an_article_and_its_quotation_is_extracted(client, editor):
    response = client.post("/admin/archive/article/add/", add_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="bridge-approved")
    assert article.body == BODY
    quote = article.quotes.get()
    assert quote.text == "We will build the bridge by spring."
    assert quote.person.name == "Jane Example"
    assert not quote.by_editor


def test_the_body_is_kept_exactly_as_entered(client, editor):
    body = "  Indented first line.\r\n\r\nSecond paragraph with trailing spaces.   \r\n"
    client.post("/admin/archive/article/add/", add_form(body=body))
    # Browsers send CRLF; Django's form field keeps it, and so do we.
    assert Article.objects.get().body == body


def test_an_editor_quote_added_inline_is_marked_as_theirs(client, editor):
    speaker = Person.objects.create(name="Jane Example")
    data = add_form(
        **{
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-person": str(speaker.pk),
            "quotes-0-kind": "direct",
            "quotes-0-text": "The council approved the new bridge",
            "quotes-0-role": "council leader",
            "quotes-0-position": "0",
        }
    )
    response = client.post("/admin/archive/article/add/", data)
    assert response.status_code == 302
    article = Article.objects.get()
    mine = article.quotes.get(by_editor=True)
    assert mine.person == speaker and mine.role == "council leader"
    # The machine's quote elsewhere in the text is still found.
    assert article.quotes.filter(by_editor=False, text__startswith="We will build").exists()


def test_an_editor_cannot_delete_articles_or_manage_users(client, editor):
    article = Article.objects.create(headline="H", body="B", published=date(2020, 1, 1))
    assert client.get(f"/admin/archive/article/{article.pk}/delete/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/archive/article/").status_code == 200
    assert client.get("/admin/archive/person/").status_code == 200


def test_the_article_list_has_search_filters_and_a_date_hierarchy(admin_client):
    Article.objects.create(headline="Bridge news", body="B", outlet="Gazette", published=date(2020, 1, 1))
    Article.objects.create(headline="Other news", body="C", outlet="Post", published=date(2019, 1, 1))
    page = admin_client.get("/admin/archive/article/", {"q": "bridge"}).content.decode()
    assert "Bridge news" in page and "Other news" not in page
    page = admin_client.get("/admin/archive/article/", {"year": "2019"}).content.decode()
    assert "Other news" in page and "Bridge news" not in page
    page = admin_client.get("/admin/archive/article/", {"outlet": "Gazette"}).content.decode()
    assert "Bridge news" in page and "Other news" not in page
    assert "published__year" in admin_client.get("/admin/archive/article/").content.decode()


def test_rerunning_extraction_keeps_editor_corrections(admin_client):
    admin_client.post("/admin/archive/article/add/", add_form())
    article = Article.objects.get()
    machine = article.quotes.get()
    right = Person.objects.create(name="Janet Example")
    # The editor corrects the speaker in the admin's quote form.
    response = admin_client.post(
        f"/admin/archive/quote/{machine.pk}/change/",
        {
            "article": article.pk,
            "person": right.pk,
            "text": machine.text,
            "kind": "direct",
            "position": machine.position,
            "role": "",
        },
    )
    assert response.status_code == 302
    admin_client.post(
        "/admin/archive/article/",
        {"action": "rerun_extraction", "_selected_action": [article.pk]},
    )
    quotes = list(article.quotes.all())
    assert len(quotes) == 1
    assert quotes[0].person == right and quotes[0].by_editor


def test_merging_two_people_in_the_admin(admin_client):
    article = Article.objects.create(headline="H", body="B", published=date(2020, 1, 1))
    keep = Person.objects.create(name="Greg Clark")
    dup = Person.objects.create(name="Gregory Clark")
    Quote.objects.create(article=article, person=keep, text="one")
    Quote.objects.create(article=article, person=keep, text="two")
    Quote.objects.create(article=article, person=dup, text="three")
    admin_client.post(
        "/admin/archive/person/",
        {"action": "merge_people", "_selected_action": [keep.pk, dup.pk]},
    )
    assert list(Person.objects.values_list("name", flat=True)) == ["Greg Clark"]
    keep.refresh_from_db()
    assert keep.quotes.count() == 3
    assert "Gregory Clark" in keep.aliases


# --- an admin an editor cannot hurt themselves with --------------------------------


def test_the_article_form_speaks_to_editors(client, editor):
    page = client.get("/admin/archive/article/add/").content.decode()
    assert "Where in the text" in page and "Character offset" not in page
    assert "Web address" in page and "How exact the date is" in page
    assert "as in /articles/council-backs-the-bridge/" in page  # admin help texts are HTML: no <placeholders>
    assert "Fingerprint" not in page


def test_links_between_records_read_as_words(admin_client):
    article = Article.objects.create(headline="Bridge approved", body=BODY, published=date(2021, 3, 4))
    place = Place.objects.create(name="Birmingham")
    link = ArticlePlace.objects.create(article=article, place=place)
    assert str(link) == "Birmingham in “Bridge approved”"
    person = Person.objects.create(name="Jane Example")
    assert str(ArticlePerson.objects.create(article=article, person=person)) == "Jane Example in “Bridge approved”"
    page = admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    assert "ArticlePlace object" not in page and "Birmingham in “Bridge approved”" in page


def test_no_widget_offers_to_delete_a_quotes_speaker_or_an_articles_place(admin_client):
    article = Article.objects.create(headline="Bridge approved", body=BODY, published=date(2021, 3, 4))
    person = Person.objects.create(name="Jane Example")
    quote = Quote.objects.create(article=article, person=person, text="We will build the bridge by spring.")
    ArticlePlace.objects.create(article=article, place=Place.objects.create(name="Birmingham"))
    for url in [f"/admin/archive/article/{article.pk}/change/", f"/admin/archive/quote/{quote.pk}/change/"]:
        page = admin_client.get(url).content.decode()
        assert "change-related" in page, url  # the pencil to edit the person stays
        assert "delete-related" not in page, url


def test_the_speaker_lookup_pages_through_an_ordered_list(admin_client):
    for name in ["Jane Example", "Janet Example", "Jan Other"]:
        Person.objects.create(name=name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = admin_client.get(
            "/admin/autocomplete/",
            {
                "app_label": "archive",
                "model_name": "quote",
                "field_name": "person",
                "term": "jan",
            },
        )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Jan Other", "Jane Example", "Janet Example"]


def test_the_same_text_twice_gets_a_plain_message_not_a_server_error(client, editor):
    assert client.post("/admin/archive/article/add/", add_form()).status_code == 302
    response = client.post("/admin/archive/article/add/", add_form(slug="bridge-again", headline="Bridge again"))
    assert response.status_code == 200
    assert "This text is already in the archive, as “Bridge approved”." in response.content.decode()
    response = client.post("/admin/archive/article/add/", add_form(body="Other words entirely."))
    assert "Another article already has this web address; add a word to it." in response.content.decode()
    assert "Article with this" not in response.content.decode()


def test_an_editor_types_aliases_one_a_line_not_json(client, editor):
    data = {
        "name": "Lord Heseltine",
        "slug": "lord-heseltine",
        "honorific": "Lord",
        "kind": "person",
        "aliases": "Michael Heseltine\r\n\r\nHezza\r\n",
    }
    assert client.post("/admin/archive/person/add/", data).status_code == 302
    person = Person.objects.get()
    assert person.aliases == ["Michael Heseltine", "Hezza"]
    page = client.get(f"/admin/archive/person/{person.pk}/change/").content.decode()
    assert "Michael Heseltine\nHezza</textarea>" in page


@pytest.fixture
def extractions(monkeypatch):
    """Whether a transaction was open (SQLite's write lock taken) at each
    extraction the admin ran."""
    from django.db import connection

    from archive import admin, ingest
    from archive.extraction.parts import extract_text

    seen = []

    def spy(text):
        seen.append(connection.in_atomic_block)
        return extract_text(text)

    monkeypatch.setattr(admin, "extract_text", spy)
    monkeypatch.setattr(ingest, "extract_text", spy)
    return seen


@pytest.mark.django_db(transaction=True)
def test_the_admin_extracts_a_new_text_before_its_transaction_opens(admin_client, extractions):
    assert admin_client.post("/admin/archive/article/add/", add_form()).status_code == 302
    article = Article.objects.get()
    assert article.quotes.get().person.name == "Jane Example"
    url = f"/admin/archive/article/{article.pk}/change/"

    def change():  # the form as opened now: a stale one is refused (archive/editing.py)
        opened = admin_client.get(url).context["adminform"].form["loaded_state"].value()
        return add_form(body=BODY.replace("by spring", "by summer"), loaded_state=opened)

    assert admin_client.post(url, change()).status_code == 302
    assert article.quotes.get().text == "We will build the bridge by summer."
    assert admin_client.post(url, change()).status_code == 302  # the text unchanged: not extracted again
    assert extractions == [False, False]


@pytest.mark.django_db(transaction=True)
def test_finding_the_quotations_again_extracts_outside_any_transaction(admin_client, extractions):
    admin_client.post("/admin/archive/article/add/", add_form())
    article = Article.objects.get()
    admin_client.post("/admin/archive/article/", {"action": "rerun_extraction", "_selected_action": [article.pk]})
    assert extractions == [False, False]
    assert article.quotes.get().person.name == "Jane Example"
