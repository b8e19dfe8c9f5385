"""Quotations, speakers, people and places in English news text.

Pure Python, no Django: text in, plain data out, so the rules can be tested
and scored without a database. `extract(text)` is the entry point."""

from archive.extraction.pipeline import extract

__all__ = ["extract"]
