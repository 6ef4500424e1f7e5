"""claim groups: the places their figures are about

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_groups") as batch:
        batch.add_column(sa.Column("place_entity_ids", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claim_groups") as batch:
        batch.drop_column("place_entity_ids")
