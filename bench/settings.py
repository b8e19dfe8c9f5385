"""The archive's settings with the bench's URLconf, which adds a minimal view
beside the app's pages. bench.build.configure points the paths at var/bench/."""

from archive.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
