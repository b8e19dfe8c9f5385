from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from archive.models import Article, Person, Quote

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
        {"article": article.pk, "person": right.pk, "text": machine.text, "kind": "direct",
         "position": machine.position, "role": ""},
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
