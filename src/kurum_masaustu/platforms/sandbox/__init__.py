"""In-process platform APIs (httpx transports): demo, training mode and contract tests.

Nothing here opens a socket: a sandbox channel's client is built on a transport from this
package, so no request can reach the internet.
"""
