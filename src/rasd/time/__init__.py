"""Time expressions: recognition and TIMEX3 normalisation against the publication date."""

from rasd.time.recognise import find_timexes

__all__ = ["find_timexes"]
