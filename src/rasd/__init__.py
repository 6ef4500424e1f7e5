"""Rasd (رصد): Arabic news → an evidence-linked knowledge base."""

from rasd.api import analyze, analyze_corpus, open_store, update_corpus
from rasd.model import Document

__version__ = "0.1.0"
__all__ = ["Document", "__version__", "analyze", "analyze_corpus", "open_store", "update_corpus"]
