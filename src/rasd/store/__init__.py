"""Persistence: SQLAlchemy tables, Alembic migrations, and the Store."""

from rasd.store.repository import Store, database_url

__all__ = ["Store", "database_url"]
