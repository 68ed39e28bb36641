"""Storage: SQLAlchemy models, the engine, migrations and backups. No Qt here."""
