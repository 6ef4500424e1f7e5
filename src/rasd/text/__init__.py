"""Offset-preserving text layer: normalisation, segmentation, tokenisation, clitics."""

from rasd.text.normalise import NormalizedText, normalize
from rasd.text.tokenize import tokenize

__all__ = ["NormalizedText", "normalize", "tokenize"]
