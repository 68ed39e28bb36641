"""Alembic environment: runs on the connection handed over by :mod:`kurum_masaustu.store.database`."""

from alembic import context

from kurum_masaustu.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
