"""TEST-ONLY: store or read a secret through the installed app's own CredentialStore. Never shipped.

Run by smoke_test.sh with the *installed* Python (through wine_run.py):

    keyring_probe.py set NAMESPACE VALUE    → prints the backend, stores channel 1's "smoke-token"
    keyring_probe.py get NAMESPACE          → prints the backend and the stored value (or <none>)

On Windows the backend must be keyring's WinVaultKeyring (Credential Manager).
"""

from __future__ import annotations

import sys

from kurum_masaustu.credentials import CredentialStore

CHANNEL = 1
NAME = "smoke-token"


def main() -> int:
    action, namespace = sys.argv[1], sys.argv[2]
    store = CredentialStore(namespace)
    print(f"backend={store.backend_name()}")
    if action == "set":
        store.set_secret(CHANNEL, NAME, sys.argv[3])
        print("stored")
    elif action == "get":
        value = store.get_secret(CHANNEL, NAME)
        print(f"value={value if value is not None else '<none>'}")
    else:
        print(f"unknown action {action!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
