"""Benchmarks, kept outside the app: `python -m bench` (see README, Benchmarks)."""
