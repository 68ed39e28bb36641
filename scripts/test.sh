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
dbus-run-session -- bash -c '
  echo -n "ci-keyring-pass" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cd tests/.. && .venv/bin/python -m pytest "$@"
' pytest-run "$@" 2> >(grep -v "Failed to set fd limit" >&2)
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
