#!/usr/bin/env bash
# Installs everything the tests need and runs the whole suite: ruff, mypy, translation
# completeness, then pytest offscreen with a real Secret Service keyring (gnome-keyring on a
# private D-Bus session), in throwaway XDG folders.
set -euo pipefail
source "$(dirname "$0")/setup_env.sh"
install_system_packages test
install_python "[test]"

echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== reference Bluesky PDS (npm; compiled once, then cached in tests/servers/pds)"
bash tests/servers/pds/install.sh
echo "== translations"
.venv/bin/python tools/update_translations.py --check

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" QT_API=pyside6
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
export XDG_RUNTIME_DIR=$TMPD/run XDG_DATA_HOME=$TMPD/data XDG_CACHE_HOME=$TMPD/cache XDG_CONFIG_HOME=$TMPD/config
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

echo "== pytest"
set +e
# The keyring daemon runs in the foreground as a child of this session (a forked one has been
# seen to vanish mid-run), and pytest starts only once it owns org.freedesktop.secrets and its
# default collection is unlocked: a test asking earlier would make D-Bus start a second, locked
# daemon, or find no collection (no display for either prompt).
dbus-run-session -- bash -c '
  echo -n "ci-keyring-pass" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>"$XDG_RUNTIME_DIR/gnome-keyring.log" &
  owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.GetNameOwner string:org.freedesktop.secrets >/dev/null 2>&1
  }
  unlocked() {  # the default collection exists and is unlocked (the daemon may own its name first)
    .venv/bin/python -c "
import sys, secretstorage
try:
    collection = secretstorage.Collection(secretstorage.dbus_init(), \"/org/freedesktop/secrets/aliases/default\")
    sys.exit(1 if collection.is_locked() else 0)
except Exception:
    sys.exit(1)
" 2>/dev/null
  }
  for _ in $(seq 1 300); do owner && unlocked && break; sleep 0.1; done
  unlocked || { echo "the test keyring (gnome-keyring-daemon) did not start unlocked:" >&2; cat "$XDG_RUNTIME_DIR/gnome-keyring.log" >&2; exit 3; }
  cd tests/.. && .venv/bin/python -m pytest "$@"
' pytest-run "$@" 2> >(grep -v "Failed to set fd limit" >&2)
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
