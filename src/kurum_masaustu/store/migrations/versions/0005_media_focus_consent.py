"""Media focus and consent, the spelling word list: a focal point on each media asset (the
pipeline crops around it), the consent facts about the people it shows (KVKK: recognisable
people, children with their parents' written consent or blurred faces), and the institution's
own words for the spelling check (mahalle and institution names).

Additive only (``ALTER TABLE ADD COLUMN`` with server defaults; existing files get the centre
as focal point and "not answered yet" for people).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("media_assets") as batch:
        batch.add_column(sa.Column("focal_x", sa.Float(), nullable=False, server_default="0.5"))
        batch.add_column(sa.Column("focal_y", sa.Float(), nullable=False, server_default="0.5"))
        batch.add_column(sa.Column("shows_people", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("people_consent", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("shows_children", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("children_consent", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("children_blurred", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("consent_note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "spelling_words",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spelling_words")),
        sa.UniqueConstraint("word", name=op.f("uq_spelling_words_word")),
    )


def downgrade() -> None:
    op.drop_table("spelling_words")
    with op.batch_alter_table("media_assets") as batch:
        for column in (
            "consent_note",
            "children_blurred",
            "children_consent",
            "shows_children",
            "people_consent",
            "shows_people",
            "focal_y",
            "focal_x",
        ):
            batch.drop_column(column)
