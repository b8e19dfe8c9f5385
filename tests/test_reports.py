"""Readers report wrong attributions; editors fix them from the admin queue."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from archive.ingest import apply_extraction
from archive.models import Quote, Report


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", password="a-long-test-password-7", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def report_url(quote):
    return f"/quotes/{quote.pk}/report/"


def send(client, quote, note="These are the reporter's words.", suggested=""):
    return client.post(report_url(quote), {"note": note, "suggested_speaker": suggested})


def test_the_quote_page_offers_a_report_link(client, cast):
    quote = cast["quotes"]["route"]
    page = client.get(quote.get_absolute_url()).content.decode()
    assert report_url(quote) in page
    assert "Report a wrong attribution" in page


def test_a_reader_report_is_saved_and_thanked(client, cast):
    quote = cast["quotes"]["route"]
    response = send(client, quote, suggested="Lord Heseltine")
    assert response.status_code == 302
    assert response["Location"] == quote.get_absolute_url()
    report = Report.objects.get()
    assert (report.quote, report.suggested_speaker, report.state) == (quote, "Lord Heseltine", Report.OPEN)
    assert "Thank you" in client.get(quote.get_absolute_url()).content.decode()


def test_an_empty_or_overlong_note_is_refused_with_a_message(client, cast):
    quote = cast["quotes"]["route"]
    empty = send(client, quote, note="  ")
    assert empty.status_code == 400
    assert "say in a few words what is wrong" in empty.content.decode()
    long = send(client, quote, note="x" * 2001)
    assert long.status_code == 400
    assert "under 2,000 characters" in long.content.decode()
    assert not Report.objects.exists()


def test_a_report_on_an_unknown_or_hidden_quote_is_a_404(client, cast):
    assert client.get("/quotes/999999/report/").status_code == 404
    quote = cast["quotes"]["route"]
    quote.withdraw()
    assert send(client, quote).status_code == 404


def test_reports_are_rate_limited_per_client(client, cast, settings):
    quote = cast["quotes"]["route"]
    codes = [send(client, quote).status_code for _ in range(7)]
    assert codes == [302] * 5 + [429] * 2
    assert Report.objects.count() == 5
    assert "Too many requests" in send(client, quote).content.decode()
    other = send(client.__class__(REMOTE_ADDR="10.9.9.9"), quote)
    assert other.status_code == 302


def test_editors_see_the_queue_with_the_quote_and_the_note(client, cast, editor):
    send(client, cast["quotes"]["route"], note="Wrong councillor")
    client.force_login(editor)
    page = client.get("/admin/archive/report/").content.decode()
    assert "Wrong councillor" in page
    assert "I think that our aspirations" in page
    assert "Roger Lawrence" in page


def fix(client, report, button, **fields):
    return client.post(f"/admin/archive/report/{report.pk}/change/", {button: "1", **fields})


def test_one_click_reassigns_the_speaker_and_marks_the_quote_corrected(client, cast, editor):
    quote = cast["quotes"]["route"]
    send(client, quote, suggested="Michael Heseltine")
    report = Report.objects.get()
    client.force_login(editor)
    page = client.get(f"/admin/archive/report/{report.pk}/change/").content.decode()
    assert "Reassign to Lord Heseltine" in page
    assert fix(client, report, "_reassign_suggested").status_code == 302
    quote.refresh_from_db()
    report.refresh_from_db()
    assert quote.person == cast["people"]["heseltine"]
    assert quote.by_editor and quote.corrected is not None
    assert report.state == Report.FIXED
    public = client.get(quote.get_absolute_url()).content.decode()
    assert "Corrected on" in public


def test_reassigning_to_the_speaker_the_editor_chose(client, cast, editor):
    quote = cast["quotes"]["route"]
    send(client, quote)
    report = Report.objects.get()
    client.force_login(editor)
    fix(client, report, "_reassign", new_speaker=cast["people"]["marshall"].pk)
    quote.refresh_from_db()
    assert quote.person == cast["people"]["marshall"]


def test_reassigning_without_a_speaker_changes_nothing_and_says_why(client, cast, editor):
    quote = cast["quotes"]["route"]
    send(client, quote)
    report = Report.objects.get()
    client.force_login(editor)
    response = client.post(f"/admin/archive/report/{report.pk}/change/", {"_reassign": "1"}, follow=True)
    assert "Choose who said it" in response.content.decode()
    quote.refresh_from_db()
    report.refresh_from_db()
    assert quote.person == cast["people"]["lawrence"] and report.state == Report.OPEN


def test_not_a_quotation_hides_it_and_reextraction_does_not_bring_it_back(client, cast, editor):
    article = cast["articles"]["heseltine"]
    result = {
        "people": [{"name": "Roger Lawrence"}],
        "places": [],
        "quotes": [
            {
                "text": "I think that our aspirations would lead us down that particular route.",
                "speaker": "Roger Lawrence",
                "kind": "direct",
                "start": 420,
                "end": 490,
            }
        ],
    }
    apply_extraction(article, result)
    quote = article.quotes.get(text__startswith="I think that our")
    send(client, quote)
    client.force_login(editor)
    fix(client, Report.objects.get(), "_withdraw")
    assert client.get(quote.get_absolute_url()).status_code == 404
    apply_extraction(article, result)
    again = article.quotes.filter(text__startswith="I think that our")
    assert list(again.values_list("withdrawn", flat=True)) == [True]
    assert not Quote.objects.published().filter(text__startswith="I think that our").exists()


def test_dismissing_leaves_the_quote_alone(client, cast, editor):
    quote = cast["quotes"]["route"]
    send(client, quote)
    client.force_login(editor)
    fix(client, Report.objects.get(), "_dismiss")
    quote.refresh_from_db()
    assert Report.objects.get().state == Report.DISMISSED
    assert quote.corrected is None and not quote.by_editor


def test_editors_cannot_add_or_delete_reports(client, cast, editor):
    send(client, cast["quotes"]["route"])
    client.force_login(editor)
    assert client.get("/admin/archive/report/add/").status_code == 403
    assert client.get(f"/admin/archive/report/{Report.objects.get().pk}/delete/").status_code == 403
