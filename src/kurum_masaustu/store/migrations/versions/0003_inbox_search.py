"""Inbox search and sync: edits, deletions and classification reasons on inbox items, their
earlier texts, indexes for the inbox filters, and a Turkish-aware full-text index.

Everything is additive: columns are added with ``ALTER TABLE ADD COLUMN`` (no table copy),
existing rows keep their values, and the new ``search_text`` of every existing item is filled
(by the app's :func:`~kurum_masaustu.store.search.search_document`, about 10 µs an item) before
the index is built from it in one pass.

Full-text search (SQLite only): ``inbox_search`` is an FTS5 table with external content
(``inbox_items``, column ``search_text``), kept current by three triggers. The DDL is written out
here, frozen with this revision (:mod:`kurum_masaustu.store.search` explains the design).
**A later migration that recreates ``inbox_items``** (Alembic batch mode copies the table on
SQLite for most changes) drops these triggers with the old table: it must create them again with
the statements below and run ``INSERT INTO inbox_search(inbox_search) VALUES ('rebuild')``.
On other databases (PostgreSQL by URL) no FTS table is made; the inbox service then searches
``search_text`` with LIKE.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from kurum_masaustu.store.search import fill_missing

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN_ITEMS_SQL = "status IN ('new', 'read') AND deleted_at IS NULL"

FTS_DDL = (
    "CREATE VIRTUAL TABLE inbox_search USING fts5(search_text, content='inbox_items', content_rowid='id',"
    " tokenize=\"unicode61 remove_diacritics 2 categories 'L* N* Co M* So'\")",
    "CREATE TRIGGER inbox_search_after_insert AFTER INSERT ON inbox_items WHEN new.search_text IS NOT NULL BEGIN"
    " INSERT INTO inbox_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER inbox_search_after_delete AFTER DELETE ON inbox_items WHEN old.search_text IS NOT NULL BEGIN"
    " INSERT INTO inbox_search(inbox_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER inbox_search_after_update AFTER UPDATE OF search_text, id ON inbox_items BEGIN"
    " INSERT INTO inbox_search(inbox_search, rowid, search_text)"
    " SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;"
    " INSERT INTO inbox_search(rowid, search_text) SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;"
    " END",
)
FTS_DROP = (
    "DROP TRIGGER IF EXISTS inbox_search_after_update",
    "DROP TRIGGER IF EXISTS inbox_search_after_delete",
    "DROP TRIGGER IF EXISTS inbox_search_after_insert",
    "DROP TABLE IF EXISTS inbox_search",
)

# The list's filters: in list order, covering the other filters' columns.
INDEXES = (
    (
        "ix_inbox_items_channel_id_received_at",
        ["channel_id", "received_at", "id", "category", "unit_id", "kind", "negative", "status"],
    ),
    (
        "ix_inbox_items_category_received_at",
        ["category", "received_at", "id", "channel_id", "unit_id", "kind", "negative", "status"],
    ),
    (
        "ix_inbox_items_unit_id_received_at",
        ["unit_id", "received_at", "id", "category", "channel_id", "kind", "negative", "status"],
    ),
    ("ix_inbox_items_author_handle_received_at", ["author_handle", "received_at"]),
    ("ix_inbox_items_parent_id", ["parent_id"]),
    ("ix_inbox_items_delivery_id", ["delivery_id"]),
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (not batch mode, which would copy a possibly large table).
    for column in (
        sa.Column("parent_remote_id", sa.String(length=300), nullable=True),
        sa.Column("post_remote_id", sa.String(length=300), nullable=True),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("classification_reasons", sa.Text(), server_default="[]", nullable=False),
        sa.Column("category_corrected", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=True),
    ):
        op.add_column("inbox_items", column)
    for name, columns in INDEXES:
        op.create_index(name, "inbox_items", columns, unique=False)
    op.create_index(
        "ix_inbox_items_open",
        "inbox_items",
        ["received_at", "id", "category", "negative", "channel_id", "kind", "unit_id", "status", "deleted_at"],
        unique=False,
        sqlite_where=sa.text(OPEN_ITEMS_SQL),
        postgresql_where=sa.text(OPEN_ITEMS_SQL),
    )
    op.create_index(
        "ix_inbox_items_open_counts",
        "inbox_items",
        ["category", "negative", "kind", "channel_id", "unit_id", "received_at", "status", "deleted_at"],
        unique=False,
        sqlite_where=sa.text(OPEN_ITEMS_SQL),
        postgresql_where=sa.text(OPEN_ITEMS_SQL),
    )
    op.create_table(
        "inbox_item_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inbox_item_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inbox_item_id"],
            ["inbox_items.id"],
            name=op.f("fk_inbox_item_revisions_inbox_item_id_inbox_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_item_revisions")),
    )
    op.create_index("ix_inbox_item_revisions_inbox_item_id", "inbox_item_revisions", ["inbox_item_id"], unique=False)
    op.create_index("ix_replies_inbox_item_id", "replies", ["inbox_item_id"], unique=False)
    op.create_index("ix_replies_remote_id", "replies", ["remote_id"], unique=False)

    connection = op.get_bind()
    fill_missing(connection)  # before the index exists: it is then built once, by 'rebuild'
    if connection.dialect.name == "sqlite":
        for statement in FTS_DDL:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("INSERT INTO inbox_search(inbox_search) VALUES ('rebuild')")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in FTS_DROP:
            connection.exec_driver_sql(statement)
    op.drop_index("ix_replies_remote_id", table_name="replies")
    op.drop_index("ix_replies_inbox_item_id", table_name="replies")
    op.drop_index("ix_inbox_item_revisions_inbox_item_id", table_name="inbox_item_revisions")
    op.drop_table("inbox_item_revisions")
    op.drop_index("ix_inbox_items_open_counts", table_name="inbox_items")
    op.drop_index("ix_inbox_items_open", table_name="inbox_items")
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name="inbox_items")
    with op.batch_alter_table("inbox_items") as batch:
        batch.drop_column("search_text")
        batch.drop_column("category_corrected")
        batch.drop_column("classification_reasons")
        batch.drop_column("deleted_at")
        batch.drop_column("edited_at")
        batch.drop_column("post_remote_id")
        batch.drop_column("parent_remote_id")
