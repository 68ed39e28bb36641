"""Application services: what the UI asks of the store, as plain dataclasses (no ORM objects leak)."""
