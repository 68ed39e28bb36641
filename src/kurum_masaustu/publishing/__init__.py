"""Publishing: the outbox worker, retries and back-off, reconciliation after crashes, sync."""
