"""Scale-out: run the per-document stages on a Ray cluster (``rasd analyze --workers N``)."""

from rasd.distributed.ray_runner import RayRunner

__all__ = ["RayRunner"]
