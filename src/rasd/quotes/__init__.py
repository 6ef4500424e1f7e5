"""Quotes, direct and indirect, with their speakers (who said what)."""

from rasd.quotes.extract import find_quotes
from rasd.quotes.stage import QuoteStage

__all__ = ["QuoteStage", "find_quotes"]
