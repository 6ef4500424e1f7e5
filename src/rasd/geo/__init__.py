"""Gazetteer and geocoding (offline, no search server)."""
