"""HTTP clients as institutions need them: TLS always verified against the OS trust store
(so a TLS-inspecting proxy with the institution's root CA works), the system's proxy settings,
and timeouts on every request. Sandbox channels get a client whose transport never opens a
socket.
"""

from __future__ import annotations

import ssl
import urllib.request
from collections.abc import Mapping

import httpx

from kurum_masaustu import __version__

USER_AGENT = f"KurumMasaustu/{__version__}"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def system_proxies() -> dict[str, str]:
    """Proxies from the environment and, on Windows, the Internet Options in the registry."""
    found = urllib.request.getproxies()
    return {scheme: url for scheme, url in found.items() if scheme in ("http", "https", "no") and url}


def _ssl_context() -> ssl.SSLContext:
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _bypass_patterns(no_proxy: str | None) -> list[str]:
    """httpx mount patterns for hosts that skip the proxy: loopback always, plus NO_PROXY."""
    hosts = ["127.0.0.1", "localhost", "[::1]"]
    for entry in (no_proxy or "").replace(";", ",").split(","):
        entry = entry.strip().lstrip(".")
        if entry and entry != "*" and entry != "<local>":
            hosts += [entry, f"*.{entry}"]
    return [f"all://{host}" for host in hosts]


def network_client(
    proxy_override: str | None = None,
    proxies: Mapping[str, str] | None = None,
    no_proxy: str | None = None,
) -> httpx.AsyncClient:
    """A client for the real platforms. ``proxy_override`` (IT policy) wins over the system's."""
    if proxy_override is None:
        from kurum_masaustu.policy import managed_proxy

        proxy_override = managed_proxy()
    context = _ssl_context()
    chosen = dict(proxies if proxies is not None else system_proxies())
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    for scheme in ("http", "https"):
        url = proxy_override or chosen.get(scheme)
        if url:
            mounts[f"{scheme}://"] = httpx.AsyncHTTPTransport(proxy=url, verify=context)
    if mounts:
        bypass = no_proxy if no_proxy is not None else chosen.get("no", urllib.request.getproxies().get("no"))
        for pattern in _bypass_patterns(bypass):
            mounts[pattern] = None
    return httpx.AsyncClient(
        verify=context,
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
        mounts=mounts or None,
        trust_env=False,  # proxies were read above; NO_PROXY handling stays with urllib's rules
        follow_redirects=False,
    )


def sandbox_client(transport: httpx.AsyncBaseTransport, base_url: str) -> httpx.AsyncClient:
    """A client that can only reach the given in-process transport."""
    return httpx.AsyncClient(
        transport=transport, base_url=base_url, timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}
    )
