"""Planning: campaign presets, goals, recurring posts, the institution's own days, engagement.

New tables only, plus two columns on ``campaigns`` (``ALTER TABLE ADD COLUMN``): no table is
copied and existing rows keep their values. An occurrence of a recurring post is an ordinary
post; ``series_posts`` links it to its series (a table of its own, so ``posts`` is not copied to
add a foreign key).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-13
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.add_column(sa.Column("channel_ids", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("template_key", sa.String(length=100), nullable=True))
    op.create_table(
        "plan_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_plan_goals_campaign_id_campaigns"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"], ["channels.id"], name=op.f("fk_plan_goals_channel_id_channels"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goals")),
    )
    op.create_table(
        "recurrences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("channel_ids", sa.Text(), nullable=False),
        sa.Column("frequency", sa.String(length=16), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("month_day", sa.Integer(), nullable=True),
        sa.Column("at_time", sa.String(length=5), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("skip_holidays", sa.Boolean(), nullable=False),
        sa.Column("exceptions", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_recurrences_campaign_id_campaigns"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recurrences")),
    )
    op.create_table(
        "series_posts",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("occurs_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_series_posts_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["recurrences.id"], name=op.f("fk_series_posts_series_id_recurrences"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_series_posts")),
    )
    op.create_index("ix_series_posts_series_id", "series_posts", ["series_id"])
    op.create_table(
        "custom_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("tone", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("day_off", sa.Boolean(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_days")),
        sa.UniqueConstraint("key", name=op.f("uq_custom_days_key")),
    )
    op.create_table(
        "delivery_metrics",
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("reactions", sa.Integer(), nullable=False),
        sa.Column("comments", sa.Integer(), nullable=False),
        sa.Column("shares", sa.Integer(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=True),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["deliveries.id"],
            name=op.f("fk_delivery_metrics_delivery_id_deliveries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("delivery_id", name=op.f("pk_delivery_metrics")),
    )


def downgrade() -> None:
    op.drop_table("delivery_metrics")
    op.drop_table("custom_days")
    op.drop_index("ix_series_posts_series_id", table_name="series_posts")
    op.drop_table("series_posts")
    op.drop_table("recurrences")
    op.drop_table("plan_goals")
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("template_key")
        batch.drop_column("channel_ids")
