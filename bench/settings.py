"""The archive's settings with the bench's URLconf, which adds a minimal view
beside the app's pages. bench.build.configure points the paths at var/bench/."""

from archive.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The bench measures speed: its load would be refused by the per-client limits.
SEARCH_RATE = AUTOCOMPLETE_RATE = EXPORT_RATE = ""
