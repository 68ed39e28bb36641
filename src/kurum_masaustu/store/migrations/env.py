"""Alembic environment: runs on the connection handed over by :mod:`kurum_masaustu.store.database`."""

from alembic import context

from kurum_masaustu.store.models import Base
from kurum_masaustu.store.search import include_name

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # The FTS5 index (a virtual table and its shadow tables) is made by migration 0003, not by models.
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
