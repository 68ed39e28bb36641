"""Post kinds and hand-off: a post's poll and link card, a delivery's choice of the platform's own
scheduler and the thread parts it already published, and the order of hashtag sets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("link", sa.Text(), nullable=True))
        batch.add_column(sa.Column("poll", sa.Text(), nullable=True))
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("native_schedule", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("thread_remote_ids", sa.Text(), nullable=False, server_default="[]"))
    with op.batch_alter_table("hashtag_sets") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE hashtag_sets SET position = id")


def downgrade() -> None:
    with op.batch_alter_table("hashtag_sets") as batch:
        batch.drop_column("position")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("thread_remote_ids")
        batch.drop_column("native_schedule")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("poll")
        batch.drop_column("link")
