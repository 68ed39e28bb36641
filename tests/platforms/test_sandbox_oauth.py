"""The sandbox platforms' sign-in endpoints answer as Mastodon (Doorkeeper) and X document them."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from kurum_masaustu.platforms.sandbox.core import SandboxState
from kurum_masaustu.platforms.sandbox.mastodon import MastodonSandbox
from kurum_masaustu.platforms.sandbox.x import XSandbox

pytestmark = pytest.mark.asyncio

VERIFIER = "v" * 50
CHALLENGE = base64.urlsafe_b64encode(hashlib.sha256(VERIFIER.encode()).digest()).rstrip(b"=").decode()


def _hidden(page: str) -> dict[str, str]:
    import re

    form = page.split("</form>")[0]
    return dict(re.findall(r"name='([^']*)' value='([^']*)'", form))


async def test_mastodon_app_registration_authorize_and_token(tmp_path: Path) -> None:
    sandbox = MastodonSandbox(state=SandboxState(tmp_path / "m.json", {}))
    async with httpx.AsyncClient(transport=sandbox, base_url="https://mastodon.sandbox.invalid") as http:
        blank = await http.post("/api/v1/apps", json={"client_name": "", "redirect_uris": ["http://127.0.0.1/cb"]})
        assert (blank.status_code, blank.json()["error"]) == (422, "Validation failed: Application name can't be blank")
        relative = await http.post("/api/v1/apps", data={"client_name": "K", "redirect_uris": "/cb"})
        assert relative.status_code == 422
        app = (
            await http.post(
                "/api/v1/apps",
                data={"client_name": "K", "redirect_uris": "http://127.0.0.1:4000/cb", "scopes": "read write"},
            )
        ).json()
        assert app["client_secret_expires_at"] == 0
        assert app["redirect_uris"] == ["http://127.0.0.1:4000/cb"]
        base = {"response_type": "code", "client_id": app["client_id"], "scope": "read write", "state": "s1"}

        unknown = await http.get(
            "/oauth/authorize", params={**base, "client_id": "nope", "redirect_uri": "http://127.0.0.1:4000/cb"}
        )
        assert unknown.status_code == 401
        elsewhere = await http.get("/oauth/authorize", params={**base, "redirect_uri": "https://evil.example/cb"})
        assert elsewhere.status_code == 400  # an error page, never a redirect to an unregistered address
        plain = await http.get(
            "/oauth/authorize",
            params={
                **base,
                "redirect_uri": "http://127.0.0.1:4000/cb",
                "code_challenge": "x",
                "code_challenge_method": "plain",
            },
        )
        assert plain.status_code == 302
        assert parse_qs(urlsplit(plain.headers["location"]).query)["error"] == ["invalid_request"]
        too_much = await http.get(
            "/oauth/authorize", params={**base, "scope": "read admin:write", "redirect_uri": "http://127.0.0.1:4000/cb"}
        )
        assert parse_qs(urlsplit(too_much.headers["location"]).query)["error"] == ["invalid_scope"]

        # Another loopback port is the same registered address (RFC 8252 §7.3, as Doorkeeper does).
        redirect = "http://127.0.0.1:51234/cb"
        params = {**base, "redirect_uri": redirect, "code_challenge": CHALLENGE, "code_challenge_method": "S256"}
        page = await http.get("/oauth/authorize", params=params)
        assert page.status_code == 200
        approved = await http.post("/oauth/authorize", data=_hidden(page.text))
        location = urlsplit(approved.headers["location"])
        assert (approved.status_code, location.port) == (302, 51234)
        code = parse_qs(location.query)["code"][0]
        assert parse_qs(location.query)["state"] == ["s1"]

        token_form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
            "redirect_uri": redirect,
        }
        bad_secret = await http.post(
            "/oauth/token", data={**token_form, "client_secret": "x", "code_verifier": VERIFIER}
        )
        assert (bad_secret.status_code, bad_secret.json()["error"]) == (401, "invalid_client")
        wrong_verifier = await http.post("/oauth/token", data={**token_form, "code_verifier": "w" * 50})
        assert (wrong_verifier.status_code, wrong_verifier.json()["error"]) == (400, "invalid_grant")
        # A new code for the successful exchange (the sandbox spends a code on any attempt).
        page = await http.get("/oauth/authorize", params=params)
        approved = await http.post("/oauth/authorize", data=_hidden(page.text))
        token_form["code"] = parse_qs(urlsplit(approved.headers["location"]).query)["code"][0]
        token = await http.post("/oauth/token", json={**token_form, "code_verifier": VERIFIER})
        assert token.status_code == 200
        assert token.json()["token_type"] == "Bearer"
        again = await http.post("/oauth/token", json={**token_form, "code_verifier": VERIFIER})
        assert again.json()["error"] == "invalid_grant"  # a code works once
        me = await http.get(
            "/api/v1/accounts/verify_credentials", headers={"Authorization": f"Bearer {token.json()['access_token']}"}
        )
        assert me.status_code == 200

        page = await http.get("/oauth/authorize", params=params)
        denied = await http.post("/oauth/authorize", data={**_hidden(page.text), "_method": "delete"})
        assert parse_qs(urlsplit(denied.headers["location"]).query)["error"] == ["access_denied"]
    assert token.json()["access_token"] not in (tmp_path / "m.json").read_text()


async def test_x_authorize_needs_the_exact_callback_and_the_code_needs_the_verifier(tmp_path: Path) -> None:
    sandbox = XSandbox(state=SandboxState(tmp_path / "x.json", {}))
    callback = "http://127.0.0.1:47615/callback"
    params = {
        "response_type": "code",
        "client_id": "app-1",
        "redirect_uri": callback,
        "scope": "tweet.read tweet.write users.read offline.access",
        "state": "s",
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
    }
    async with httpx.AsyncClient(transport=sandbox, base_url="https://x.sandbox.invalid") as http:
        page = await http.get("/i/oauth2/authorize", params=params)  # the first app seen is the institution's
        assert page.status_code == 200
        other_port = await http.get(
            "/i/oauth2/authorize", params={**params, "redirect_uri": "http://127.0.0.1:47616/callback"}
        )
        assert other_port.status_code == 400  # X compares callback URLs exactly
        other_app = await http.get("/i/oauth2/authorize", params={**params, "client_id": "app-2"})
        assert other_app.status_code == 400
        no_state = await http.get("/i/oauth2/authorize", params={**params, "state": ""})
        assert no_state.status_code == 400
        approved = await http.post("/i/oauth2/authorize", data=_hidden(page.text))
        code = parse_qs(urlsplit(approved.headers["location"]).query)["code"][0]
        form = {"grant_type": "authorization_code", "code": code, "client_id": "app-1", "redirect_uri": callback}
        missing = await http.post("/2/oauth2/token", data=form)
        assert missing.json() == {
            "error": "invalid_request",
            "error_description": "Missing required parameter [code_verifier].",
        }
        tokens = await http.post("/2/oauth2/token", data={**form, "code_verifier": VERIFIER})
        assert tokens.status_code == 200
        body = tokens.json()
        assert (body["token_type"], body["expires_in"]) == ("bearer", 7200)
        assert body["refresh_token"]  # offline.access was asked for
        me = await http.get("/2/users/me", headers={"Authorization": f"Bearer {body['access_token']}"})
        assert me.status_code == 200
        renewed = await http.post(
            "/2/oauth2/token",
            data={"grant_type": "refresh_token", "refresh_token": body["refresh_token"], "client_id": "app-1"},
        )
        assert renewed.status_code == 200
