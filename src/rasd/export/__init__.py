"""Exports: the JSON contract (v1)."""

from rasd.export.contract import export_dict, write_json

__all__ = ["export_dict", "write_json"]
