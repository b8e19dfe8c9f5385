"""Two editors open the same article in the admin; the first saves. The
second's save is refused with a plain message saying who changed what, their
input stays in the form, and nothing the first saved is overwritten."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from archive.models import Article, Person, Quote

pytestmark = pytest.mark.django_db

BODY = (
    "The council approved the new bridge on Tuesday.\n\n"
    'Jane Example, the council leader, said: "We will build the bridge by spring."'
)


def editor(name):
    user = User.objects.create_user(name, password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ann():
    return editor("ann")


@pytest.fixture
def bob():
    return editor("bob")


def value(bound):
    """A bound field's value as the browser sends it back."""
    data = bound.value()
    if isinstance(data, bool):
        return "on" if data else None
    if data is None:
        return ""
    return data.isoformat() if isinstance(data, date) else str(data)


def open_form(client, article):
    """GET the change form; the POST data a browser would send back unchanged."""
    response = client.get(f"/admin/archive/article/{article.pk}/change/")
    assert response.status_code == 200
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for bound in form:
            if value(bound) is not None:
                data[bound.html_name] = value(bound)
    return data


def save(client, article, data, **changes):
    return client.post(f"/admin/archive/article/{article.pk}/change/", {**data, **changes})


@pytest.fixture
def plain():
    """An article without quotations."""
    return Article.objects.create(
        headline="Bridge approved", body="The council approved the bridge.", published=date(2021, 3, 4)
    )


@pytest.fixture
def quoted(ann):
    """An article added in the admin, its quotation found by extraction."""
    data = {
        "headline": "Bridge approved",
        "slug": "bridge-approved",
        "body": BODY,
        "outlet": "Gazette",
        "url": "",
        "published": "2021-03-04",
        "precision": "day",
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
        "articleplace_set-TOTAL_FORMS": "0",
        "articleplace_set-INITIAL_FORMS": "0",
    }
    assert ann.post("/admin/archive/article/add/", data).status_code == 302
    article = Article.objects.get()
    assert article.quotes.count() == 1
    return article


def test_a_save_from_a_fresh_form_goes_through(ann, plain):
    response = save(ann, plain, open_form(ann, plain), headline="Bridge approved at last")
    assert response.status_code == 302
    plain.refresh_from_db()
    assert plain.headline == "Bridge approved at last"
    # And again, from the form opened after that save.
    assert save(ann, plain, open_form(ann, plain), outlet="Gazette").status_code == 302
    plain.refresh_from_db()
    assert plain.outlet == "Gazette" and plain.headline == "Bridge approved at last"


def test_the_second_save_of_an_article_is_refused_and_the_first_kept(ann, bob, plain):
    anns, bobs = open_form(ann, plain), open_form(bob, plain)
    assert save(ann, plain, anns, headline="Bridge approved at last").status_code == 302

    response = save(bob, plain, bobs, body="The council approved the bridge on Tuesday.")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This article was changed by ann at " in page and " after you opened it." in page
    assert "What changed: the headline." in page
    assert "The council approved the bridge on Tuesday.</textarea>" in page  # bob's words, to re-apply
    plain.refresh_from_db()
    assert plain.headline == "Bridge approved at last"
    assert plain.body == "The council approved the bridge."


def test_a_refused_form_stays_refused_until_the_article_is_opened_again(ann, bob, plain):
    bobs = open_form(bob, plain)
    assert save(ann, plain, open_form(ann, plain), headline="Bridge approved at last").status_code == 302
    assert save(bob, plain, bobs, outlet="Post").status_code == 200
    assert save(bob, plain, bobs, outlet="Post").status_code == 200  # pressing Save again does not overwrite
    response = save(bob, plain, open_form(bob, plain), outlet="Post")
    assert response.status_code == 302
    plain.refresh_from_db()
    assert (plain.headline, plain.outlet) == ("Bridge approved at last", "Post")


def test_a_stale_save_of_an_article_with_quotations_gets_the_same_message(ann, bob, quoted):
    anns, bobs = open_form(ann, quoted), open_form(bob, quoted)
    assert "quotes-0-id" in bobs
    # A new text: extraction replaces the machine's quotation (new ids).
    new_body = BODY.replace("by spring", "by summer")
    assert save(ann, quoted, anns, body=new_body).status_code == 302
    assert quoted.quotes.get().text == "We will build the bridge by summer."

    response = save(bob, quoted, bobs, headline="Bridge approved, says council")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This article was changed by ann at " in page
    assert "What changed: the body, the quotations." in page
    quoted.refresh_from_db()
    assert quoted.headline == "Bridge approved" and quoted.body == new_body
    assert quoted.quotes.get().text == "We will build the bridge by summer."


def test_a_quotation_corrected_elsewhere_makes_the_article_form_stale(ann, bob, quoted):
    bobs = open_form(bob, quoted)
    quote = quoted.quotes.get()
    janet = Person.objects.create(name="Janet Example")
    response = ann.post(
        f"/admin/archive/quote/{quote.pk}/change/",
        {
            "article": quoted.pk,
            "person": janet.pk,
            "text": quote.text,
            "kind": "direct",
            "position": quote.position,
            "role": "",
        },
    )
    assert response.status_code == 302

    response = save(bob, quoted, bobs, **{"quotes-0-role": "leader of the council"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This article was changed " in page and "What changed: the quotations." in page
    quote.refresh_from_db()
    assert quote.person == janet and quote.role == ""


def test_a_quotation_edited_inline_from_a_fresh_form_is_saved(ann, quoted):
    response = save(ann, quoted, open_form(ann, quoted), **{"quotes-0-role": "leader of the council"})
    assert response.status_code == 302
    quote = Quote.objects.get()
    assert quote.role == "leader of the council" and quote.by_editor


def test_a_form_without_its_opening_state_is_refused(ann, plain):
    data = open_form(ann, plain)
    del data["loaded_state"]
    response = save(ann, plain, data, headline="Changed")
    assert response.status_code == 200
    assert "open the article again" in response.content.decode()
    plain.refresh_from_db()
    assert plain.headline == "Bridge approved"
