from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.models import IndexChange
from archive.search import consistency, signals


class Command(BaseCommand):
    help = (
        "Compare the search index with the database, per model: documents missing from the index, "
        "stale (out of date), or ghosts (no longer public). --repair fixes them. Exits non-zero "
        "when it finds differences it did not repair. Run it daily: it also indexes articles whose "
        "publication date has come and removes those whose date moved into the future. It first "
        "applies changes that processes left in the outbox, and reports a damaged index folder (gone, "
        "no table of contents, unreadable segment, empty while articles are published): --repair "
        "rebuilds that. --quick (what `make run` does at every start) stops after the outbox: no "
        "document is compared, so it costs the same at any size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="index missing and stale documents, remove ghosts")
        parser.add_argument(
            "--quick", action="store_true", help="only check the index folder and apply the outbox; compare nothing"
        )

    def handle(self, *args, repair=False, quick=False, **options):
        broken = consistency.damage(quick=quick)
        if broken:
            if not repair:
                raise CommandError(f"{broken}; run with --repair to rebuild it")
            self.stdout.write(f"{broken}: rebuilding it")
            call_command("rebuild_search_index", stdout=self.stdout)
            return
        applied = signals.flush()
        if applied:
            self.stdout.write(
                f"Applied {applied} change(s) left in the outbox by processes that stopped before writing them."
            )
        if IndexChange.objects.exists():
            raise CommandError("the search index cannot be written: changes wait in the outbox (see the log)")
        if quick:
            done = "The index is readable and the outbox empty (documents not compared: run check_index daily)."
            self.stdout.write(self.style.SUCCESS(done))
            return
        try:
            report = consistency.index_differences()
        except Exception as exc:  # damage the folder checks did not catch
            if not repair:
                raise CommandError(f"the search index cannot be read: {type(exc).__name__}: {exc}"[:300]) from exc
            self.stdout.write(f"the search index cannot be read ({type(exc).__name__}): rebuilding it")
            call_command("rebuild_search_index", stdout=self.stdout)
            return
        problems = 0
        for label, part in report.items():
            if label == "other" and not part["ghost"]:
                continue
            found = len(part["missing"]) + len(part["stale"]) + len(part["ghost"])
            problems += found
            self.stdout.write(
                f"{label}: {part['database']} in database, {part['index']} in index; "
                f"missing {len(part['missing'])}, stale {len(part['stale'])}, ghost {len(part['ghost'])}"
            )
            for kind in ("missing", "stale", "ghost"):
                if part[kind]:
                    shown = ", ".join(str(x) for x in part[kind][:20])
                    more = f" and {len(part[kind]) - 20} more" if len(part[kind]) > 20 else ""
                    self.stdout.write(f"  {kind}: {shown}{more}")
        if not problems:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return
        if not repair:
            raise CommandError(f"{problems} difference(s) between the index and the database; run with --repair")
        consistency.repair(report)
        self.stdout.write(self.style.SUCCESS(f"Repaired {problems} difference(s)."))
