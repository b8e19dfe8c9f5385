"""Migration 0004 gives the people already stored their name forms and the
quotes already stored their groups."""

from datetime import date

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from archive.models import Person, Quote

BEFORE = [("archive", "0003_reader_reports")]
AFTER = [("archive", "0004_search_names_and_quote_groups")]


def test_existing_people_and_quotes_are_filled_in(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    person = old.get_model("archive", "Person").objects.create(
        name="Michael Heseltine", slug="michael-heseltine", honorific="Lord", aliases=["Hezza"]
    )
    Article, OldQuote = old.get_model("archive", "Article"), old.get_model("archive", "Quote")
    text = "I would not have had referendums, I would have done it."
    for n, outlet in enumerate(["Post", "Mail"]):
        article = Article.objects.create(
            headline=outlet,
            slug=outlet.lower(),
            body=text,
            outlet=outlet,
            published=date(2014, 6, 1 + n),
            fingerprint=str(n),
        )
        OldQuote.objects.create(article=article, person_id=person.pk, text=text[: len(text) - n * 15])
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    try:
        names = Person.objects.get(pk=person.pk).search_names
        assert "|lord heseltine|" in names and "|hezza|" in names and "|heseltine|" in names
        groups = set(Quote.objects.values_list("text_group", flat=True))
        assert len(groups) == 1 and None not in groups
    finally:  # the later migrations back, for the tests that follow
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
