#!/usr/bin/env bash
# Installs Kurum Masaüstü into .venv and starts it on a demo profile (a month of sample content).
# Extra arguments go to the app, e.g.: bash scripts/demo.sh --lang en
set -euo pipefail
source "$(dirname "$0")/setup_env.sh"
install_system_packages demo
install_python ""
exec .venv/bin/kurum-masaustu --demo "$@"
