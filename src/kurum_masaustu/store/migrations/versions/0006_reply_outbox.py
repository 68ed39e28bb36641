"""Replies go through the outbox exactly once: idempotency key, in-flight marker, attempts and
back-off on replies; the audit log indexed by the thing it is about (an inbox item's history).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("replies") as batch:
        batch.add_column(sa.Column("idempotency_key", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("sending_since", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    connection = op.get_bind()
    for (reply_id,) in connection.execute(sa.text("SELECT id FROM replies")):
        connection.execute(
            sa.text("UPDATE replies SET idempotency_key = :key WHERE id = :id"),
            {"key": uuid.uuid4().hex, "id": reply_id},
        )
    with op.batch_alter_table("replies") as batch:
        batch.alter_column("idempotency_key", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(op.f("uq_replies_idempotency_key"), ["idempotency_key"])
    op.create_index("ix_replies_state", "replies", ["state"])
    op.create_index("ix_audit_log_entity_entity_id", "audit_log", ["entity", "entity_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity_entity_id", table_name="audit_log")
    op.drop_index("ix_replies_state", table_name="replies")
    with op.batch_alter_table("replies") as batch:
        batch.drop_constraint(op.f("uq_replies_idempotency_key"), type_="unique")
        batch.drop_column("attempts")
        batch.drop_column("next_attempt_at")
        batch.drop_column("sending_since")
        batch.drop_column("idempotency_key")
