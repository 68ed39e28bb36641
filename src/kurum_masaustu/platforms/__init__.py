"""Platform adapters: one module per platform behind :class:`base.Adapter`. No Qt here.

``sandbox/`` holds in-process implementations of each platform's HTTP API (httpx transports)
for the demo, training mode and the adapters' contract tests.
"""
