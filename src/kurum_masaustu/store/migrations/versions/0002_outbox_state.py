"""Outbox state: idempotency keys and the in-flight marker on deliveries, channel health and
inbox cursors, profile-wide flags (publishing paused).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_flags",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_flags")),
    )
    with op.batch_alter_table("channels") as batch:
        batch.add_column(sa.Column("auth_problem", sa.Text(), nullable=True))
        batch.add_column(sa.Column("token_expires_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("inbox_cursor", sa.Text(), nullable=True))
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("sending_since", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
    # Existing deliveries get their own keys before the column becomes required and unique.
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM deliveries"))]
    for delivery_id in ids:
        connection.execute(
            sa.text("UPDATE deliveries SET idempotency_key = :key WHERE id = :id"),
            {"key": uuid.uuid4().hex, "id": delivery_id},
        )
    with op.batch_alter_table("deliveries") as batch:
        batch.alter_column("idempotency_key", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(op.f("uq_deliveries_idempotency_key"), ["idempotency_key"])


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_constraint(op.f("uq_deliveries_idempotency_key"), type_="unique")
        batch.drop_column("next_attempt_at")
        batch.drop_column("sending_since")
        batch.drop_column("idempotency_key")
    with op.batch_alter_table("channels") as batch:
        batch.drop_column("inbox_cursor")
        batch.drop_column("token_expires_at")
        batch.drop_column("auth_problem")
    op.drop_table("app_flags")
