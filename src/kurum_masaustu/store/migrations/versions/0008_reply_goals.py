"""Goals of a second kind: the share of citizens' messages answered within the response target
("yanıt süresi"), next to the post-count goals. One column added (``ALTER TABLE ADD COLUMN``);
existing goals are post-count goals.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_goals") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="posts"))


def downgrade() -> None:
    op.execute("DELETE FROM plan_goals WHERE kind != 'posts'")
    with op.batch_alter_table("plan_goals") as batch:
        batch.drop_column("kind")
