"""event arguments as mention ids, and the figures behind fatalities

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("events", "corpus_events")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("location_mention_id", sa.String(), nullable=True))
            batch.add_column(sa.Column("actor_mention_ids", sa.JSON(), nullable=True))
            batch.add_column(sa.Column("target_mention_ids", sa.JSON(), nullable=True))
            batch.add_column(sa.Column("quantity_ids", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for column in ("quantity_ids", "target_mention_ids", "actor_mention_ids", "location_mention_id"):
                batch.drop_column(column)
