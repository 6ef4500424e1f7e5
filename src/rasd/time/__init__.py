"""Time expressions: recognition and TIMEX3 normalisation against the publication date."""

from rasd.time.anchor import AnchorGuess, infer_anchor
from rasd.time.recognise import find_timexes

__all__ = ["AnchorGuess", "find_timexes", "infer_anchor"]
