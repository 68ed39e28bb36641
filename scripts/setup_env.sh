#!/usr/bin/env bash
# Shared by scripts/demo.sh and scripts/test.sh: system packages (Debian/Ubuntu), a virtual
# environment in .venv and the app installed into it. Re-running is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian/Ubuntu packages: $1 = "demo" (a real window) or "test" (offscreen + a real keyring).
need_packages() {
  case "$1" in
    demo) echo "libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 fonts-dejavu-core" ;;
    test) echo "gnome-keyring dbus-daemon dbus-bin openssl poppler-utils libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 fonts-dejavu-core" ;;
  esac
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian-like: see README
  local missing=()
  for pkg in $(need_packages "$1"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
}

install_python() {
  local extra="$1"
  PYTHON="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  # setuptools copies the package into build/lib and never removes a file that was renamed or
  # deleted since (a renamed migration would be installed twice): start that copy afresh.
  rm -rf build/lib
  .venv/bin/python -m pip install -q ".${extra}"
}
