"""A reply-time goal may be limited to the messages routed to one unit ("Fen İşleri") — a channel
already had its column. One column added; existing goals keep counting what they counted.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_goals") as batch:
        batch.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_plan_goals_unit_id_units", "units", ["unit_id"], ["id"], ondelete="CASCADE")


def downgrade() -> None:
    # A unit's goal would become a goal of the whole inbox: drop it rather than change its meaning.
    op.execute("DELETE FROM plan_goals WHERE unit_id IS NOT NULL")
    with op.batch_alter_table("plan_goals") as batch:
        batch.drop_constraint("fk_plan_goals_unit_id_units", type_="foreignkey")
        batch.drop_column("unit_id")
