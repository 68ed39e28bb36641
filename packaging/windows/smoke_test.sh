#!/usr/bin/env bash
# Smoke test of the Windows installer on Linux, under Wine (wine64 only, a throwaway prefix):
#
#   bash packaging/windows/smoke_test.sh            # builds the MSI first (build_msi.sh)
#   bash packaging/windows/smoke_test.sh --no-build # uses dist/ and the stage of the last build
#
#  1. silent install of dist/kurum-masaustu-<version>-x64.msi; files, ARP entry, shortcut;
#  2. the installed app renders its demo window to PNG (python.exe and pythonw.exe), checked;
#     every module of the app and every compiled extension (.pyd) imports;
#  3. a profile (--demo --profile in %LOCALAPPDATA%) and a keyring entry (the app's own
#     CredentialStore → WinVaultKeyring) are created; nothing may be written in Program Files;
#  4. silent upgrade to an MSI with a higher version (same files): one ARP entry, the profile
#     and the keyring entry unchanged, the upgraded app opens the profile;
#  5. silent uninstall: no file left in Program Files, ARP entry and shortcut gone, the profile
#     and the keyring entry still there.
#
# Wine-only workarounds live in packaging/windows/harness/ and go into the Wine prefix, the
# environment or the command line, never into the MSI:
#   - icuuc.dll stub in the prefix's system32 (Wine 8 has no ICU; Qt6Core imports it);
#   - wine_run.py blocks _wmi (Wine 8 lacks propsys.VariantToString, which platform.* reaches);
#   - WINEDLLOVERRIDES netprofm= (Wine 8's Network List Manager makes Qt's network-information
#     backend spin forever at start-up; without it Qt reports "no backend", as the app handles);
#   - a private Xvfb: with Wine's null display driver no window can be created and
#     QApplication.quit() never returns.
# Artifacts: build/windows/smoke/.
# KEEP_WINEPREFIX=1 keeps the prefix for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
HERE=$REPO/packaging/windows
HARNESS=$HERE/harness
WORK=$REPO/build/windows
OUT=$WORK/smoke
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

T_START=$(date +%s.%N)
declare -a TIMINGS=()
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }
step_start() { STEP_NAME=$1; STEP_T0=$(now); echo; echo "== $1"; }
step_end() { TIMINGS+=("$(printf '%-52s %7s s' "$STEP_NAME" "$(elapsed "$STEP_T0")")"); }
print_timings() {
  echo
  echo "Timings:"
  printf '  %s\n' "${TIMINGS[@]}"
  printf '  %-52s %7s s\n' "total" "$(elapsed "$T_START")"
}
fail() { echo "SMOKE TEST FAILED: $*" >&2; print_timings >&2; exit 1; }
winpath() { local p; p=$(realpath -m "$1"); echo "Z:${p//\//\\}"; }

# ---------------------------------------------------------------- system packages
step_start "apt: wine wine64 mingw-w64 xvfb"
need=(wine wine64 gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 xvfb)
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

# ---------------------------------------------------------------- the two MSIs
if [ "$BUILD" -eq 1 ]; then
  step_start "build MSI (build_msi.sh)"
  bash "$HERE/build_msi.sh"
  step_end
fi
PY=$WORK/venv/bin/python
[ -x "$PY" ] || fail "no build venv at $WORK/venv: run build_msi.sh first"
eval "$(KURUM_MSI_VERSION='' "$PY" "$HERE/buildtool.py" meta)"
MSI1=$REPO/dist/kurum-masaustu-$MSI_VERSION-x64.msi
[ -f "$MSI1" ] || fail "$MSI1 not found"
V1=$MSI_VERSION
V2=$(echo "$V1" | awk -F. '{printf "%d.%d.%d", $1, $2, $3 + 1}')
rm -rf "$OUT"
mkdir -p "$OUT/msi"

step_start "build MSI $V2 for the upgrade (--reuse-stage)"
KURUM_MSI_VERSION=$V2 KURUM_MSI_OUT=$OUT/msi bash "$HERE/build_msi.sh" --reuse-stage > "$OUT/build-$V2.log" 2>&1 \
  || { tail -20 "$OUT/build-$V2.log"; fail "building the $V2 MSI"; }
MSI2=$OUT/msi/kurum-masaustu-$V2-x64.msi
PRODUCT_CODE2=$(msiinfo export "$MSI2" Property | awk -F'\t' '$1=="ProductCode"{print $2}' | tr -d '\r')
echo "$MSI2 (ProductCode $PRODUCT_CODE2)"
# The Wine harness must never ship: no file of it in either MSI.
for msi in "$MSI1" "$MSI2"; do
  if msiinfo export "$msi" File | cut -f3 | grep -i -E 'icuuc|wine_run|keyring_probe|import_all|smoke_checks'; then
    fail "$(basename "$msi") carries a test-only harness file"
  fi
done
step_end

# ---------------------------------------------------------------- Wine prefix
step_start "Xvfb + Wine prefix (win10) + icuuc stub"
TMP_ROOT=$(mktemp -d /tmp/kurum-smoke.XXXXXX)
export WINEPREFIX=$TMP_ROOT/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml,netprofm="
export PATH=/usr/lib/wine:$PATH
unset WAYLAND_DISPLAY
XVFB_PID=""
cleanup() {
  wineserver -k 2>/dev/null || true
  [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true
  if [ "${KEEP_WINEPREFIX:-0}" = 1 ]; then echo "Wine prefix kept: $WINEPREFIX"; else rm -rf "$TMP_ROOT"; fi
}
trap cleanup EXIT
# A private X server for the app's real window (the PNG is QWidget.grab() of that window).
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3> "$TMP_ROOT/display" 2> "$OUT/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$TMP_ROOT/display" ] && break; sleep 0.1; done
[ -s "$TMP_ROOT/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(cat "$TMP_ROOT/display")"
# Every Wine call: stdin from /dev/null, output through a pipe (else Python's std streams are
# invalid handles), a time limit, and CRs dropped.
wrun() {
  local limit=$1; shift
  timeout "$limit" wine64 "$@" < /dev/null 2>&1 | tr -d '\r'
}
wrun 120 wineboot -i > "$OUT/wineboot.log" || fail "wineboot"
wrun 60 reg add 'HKCU\Software\Wine' /v Version /t REG_SZ /d win10 /f > /dev/null || fail "setting win10"
wineserver -w
WIN_VER=$(wrun 30 cmd /c ver | tr -d '\n')
echo "prefix $WINEPREFIX: $WIN_VER, DISPLAY $DISPLAY (Xvfb)"
WIN_USER=$(ls "$WINEPREFIX/drive_c/users" | grep -v -x Public | head -1)
LOCALAPPDATA_UNIX=$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Local
PF=$WINEPREFIX/drive_c/Program\ Files/Kurum\ Masaustu
PF_WIN='C:\Program Files\Kurum Masaustu'

mkdir -p "$WORK/harness-bin"
STUB=$WORK/harness-bin/icuuc.dll
if [ ! -f "$STUB" ] || [ "$HARNESS/icuuc_stub.c" -nt "$STUB" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$STUB" "$HARNESS/icuuc_stub.c"
fi
# The stub must export everything Qt6Core.dll imports from icuuc.dll.
QTCORE=$WORK/stage/python/Lib/site-packages/PySide6/Qt6Core.dll
x86_64-w64-mingw32-objdump -p "$QTCORE" | awk '/DLL Name: icuuc.dll/{f=1;next} /DLL Name/{f=0} f && NF==3 {print $3}' \
  | sort > "$OUT/icuuc-needed.txt"
x86_64-w64-mingw32-objdump -p "$STUB" | sed -n '/Ordinal\/Name Pointer/,/^$/p' | awk 'NF>=2 {print $NF}' \
  | sort > "$OUT/icuuc-stub.txt"
missing_syms=$(comm -23 "$OUT/icuuc-needed.txt" "$OUT/icuuc-stub.txt")
[ -z "$missing_syms" ] || fail "icuuc stub lacks: $missing_syms"
cp "$STUB" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
echo "icuuc stub: $(wc -l < "$OUT/icuuc-needed.txt") symbols Qt6Core imports, all exported"
step_end

arp_entries() { wineserver -w; "$PY" "$HARNESS/smoke_checks.py" arp "$WINEPREFIX" "$APP_NAME"; }
find_shortcuts() { find "$WINEPREFIX/drive_c" -name "$APP_NAME.lnk" 2>/dev/null || true; }

# ---------------------------------------------------------------- install
step_start "install $V1 (msiexec /i /qn)"
rc=0
wrun 600 msiexec /i "$(winpath "$MSI1")" /qn /l*v "$(winpath "$OUT/install.log")" > "$OUT/msiexec-install.out" || rc=$?
wineserver -w
step_end
[ "$rc" -eq 0 ] || fail "msiexec /i returned $rc (log: $OUT/install.log)"
n_files=$(find "$PF" -type f | wc -l)
n_stage=$(find "$WORK/stage" -type f | wc -l)
[ "$n_files" -eq "$n_stage" ] || fail "installed $n_files files, the MSI has $n_stage"
echo "installed $n_files files into $PF_WIN ($(du -sh "$PF" | cut -f1))"
arp_entries > "$OUT/arp-v1.jsonl"
cat "$OUT/arp-v1.jsonl"
[ "$(wc -l < "$OUT/arp-v1.jsonl")" -eq 1 ] || fail "expected one ARP entry"
grep -q "\"DisplayVersion\": \"$V1\"" "$OUT/arp-v1.jsonl" || fail "ARP DisplayVersion is not $V1"
grep -q "\"Publisher\": \"$ORGANIZATION\"" "$OUT/arp-v1.jsonl" || fail "ARP Publisher is not $ORGANIZATION"
# Programs and Features takes an MSI product's icon from Installer\Products\<packed code>\ProductIcon.
icon=$("$PY" "$HARNESS/smoke_checks.py" product-icon "$WINEPREFIX" "$APP_NAME") || fail "no ARP icon"
echo "ARP icon: $icon"
SHORTCUT=$(find_shortcuts)
[ -n "$SHORTCUT" ] || fail "no Start-menu shortcut"
echo "shortcut: ${SHORTCUT#"$WINEPREFIX"/}"
"$PY" "$HARNESS/smoke_checks.py" snapshot "$PF" "$OUT/pf-before-runs.txt"

PYEXE="$PF_WIN\\python\\python.exe"
PYWEXE="$PF_WIN\\python\\pythonw.exe"
RUNNER=$(winpath "$HARNESS/wine_run.py")
app() {  # app LIMIT EXE ARGS… : the installed app through the Wine harness
  local limit=$1 exe=$2; shift 2
  wrun "$limit" "$exe" "$RUNNER" -m kurum_masaustu "$@"
}
check_png() { "$PY" "$HERE/buildtool.py" check-png "$1" 800 500; }

# ---------------------------------------------------------------- run the installed app
step_start "installed app: --demo --screenshot (python.exe)"
rc=0
app 300 "$PYEXE" --demo --screenshot "$(winpath "$OUT/demo.png")" > "$OUT/run-demo.out" || rc=$?
step_end
cat "$OUT/run-demo.out"
[ "$rc" -eq 0 ] || fail "the installed app exited with $rc"
grep -q 'demo.png' "$OUT/run-demo.out" || fail "the app did not print the screenshot path"
check_png "$OUT/demo.png" || fail "demo screenshot"

step_start "installed app: --demo --screenshot (pythonw.exe)"
rc=0
app 300 "$PYWEXE" --demo --lang en --screenshot "$(winpath "$OUT/demo-pythonw-en.png")" > "$OUT/run-pythonw.out" || rc=$?
step_end
[ "$rc" -eq 0 ] || fail "pythonw.exe run exited with $rc"
check_png "$OUT/demo-pythonw-en.png" || fail "pythonw screenshot"

step_start "installed python: import every app module and .pyd"
wrun 300 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/import_all.py")" > "$OUT/import-all.out" || { cat "$OUT/import-all.out"; fail "imports"; }
step_end
grep "^imported" "$OUT/import-all.out"

# ---------------------------------------------------------------- profile and keyring entry
PROFILE_WIN="C:\\users\\$WIN_USER\\AppData\\Local\\kurum-masaustu\\profile"
PROFILE=$LOCALAPPDATA_UNIX/kurum-masaustu/profile
step_start "profile: --demo --profile %LOCALAPPDATA%"
rc=0
app 300 "$PYEXE" --demo --profile "$PROFILE_WIN" --screenshot "$(winpath "$OUT/profile-v1.png")" \
  > "$OUT/run-profile-v1.out" || rc=$?
step_end
[ "$rc" -eq 0 ] || { cat "$OUT/run-profile-v1.out"; fail "profile run exited with $rc"; }
[ -f "$PROFILE/kurum.sqlite3" ] || fail "no database in $PROFILE"
check_png "$OUT/profile-v1.png" || fail "profile screenshot"
DB_HASH1=$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")
echo "profile: $(find "$PROFILE" -type f | wc -l) files, kurum.sqlite3 sha256 ${DB_HASH1:0:16}…"

SECRET="smoke-$(date +%s)-$RANDOM"
NAMESPACE=smoke-test
PROBE=$(winpath "$HARNESS/keyring_probe.py")
step_start "keyring: set a secret (installed python)"
wrun 120 "$PYEXE" "$RUNNER" "$PROBE" set "$NAMESPACE" "$SECRET" > "$OUT/keyring-set.out" || { cat "$OUT/keyring-set.out"; fail "keyring set"; }
step_end
cat "$OUT/keyring-set.out"
grep -q 'backend=keyring.backends.Windows.WinVaultKeyring' "$OUT/keyring-set.out" || fail "keyring backend is not WinVaultKeyring"

"$PY" "$HARNESS/smoke_checks.py" snapshot "$PF" "$OUT/pf-after-runs.txt"
"$PY" "$HARNESS/smoke_checks.py" compare "$OUT/pf-before-runs.txt" "$OUT/pf-after-runs.txt" \
  || fail "the app wrote into Program Files"
echo "nothing was written into Program Files by the runs above"

# ---------------------------------------------------------------- upgrade
step_start "upgrade $V1 → $V2 (msiexec /i /qn)"
rc=0
wrun 600 msiexec /i "$(winpath "$MSI2")" /qn /l*v "$(winpath "$OUT/upgrade.log")" > "$OUT/msiexec-upgrade.out" || rc=$?
wineserver -w
step_end
[ "$rc" -eq 0 ] || fail "upgrade returned $rc (log: $OUT/upgrade.log)"
arp_entries > "$OUT/arp-v2.jsonl"
cat "$OUT/arp-v2.jsonl"
[ "$(wc -l < "$OUT/arp-v2.jsonl")" -eq 1 ] || fail "expected one ARP entry after the upgrade"
grep -q "\"DisplayVersion\": \"$V2\"" "$OUT/arp-v2.jsonl" || fail "ARP DisplayVersion is not $V2"
grep -a -q 'Action ended .*RemoveExistingProducts. Return value 1' "$OUT/upgrade.log" || fail "the upgrade log shows no RemoveExistingProducts"
[ "$(find "$PF" -type f | wc -l)" -eq "$n_stage" ] || fail "file count changed by the upgrade"
[ "$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")" = "$DB_HASH1" ] || fail "the upgrade changed the database"
echo "profile database unchanged by the upgrade"

step_start "after upgrade: keyring get + app opens profile"
wrun 120 "$PYEXE" "$RUNNER" "$PROBE" get "$NAMESPACE" > "$OUT/keyring-get.out" || { cat "$OUT/keyring-get.out"; fail "keyring get"; }
rc=0
app 300 "$PYEXE" --profile "$PROFILE_WIN" --screenshot "$(winpath "$OUT/profile-v2.png")" > "$OUT/run-profile-v2.out" || rc=$?
step_end
grep -q "value=$SECRET" "$OUT/keyring-get.out" || { cat "$OUT/keyring-get.out"; fail "the keyring entry did not survive the upgrade"; }
echo "keyring entry survived the upgrade"
[ "$rc" -eq 0 ] || { cat "$OUT/run-profile-v2.out"; fail "the upgraded app could not open the profile ($rc)"; }
check_png "$OUT/profile-v2.png" || fail "post-upgrade screenshot"
DB_HASH2=$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")
PROFILE_FILES=$(find "$PROFILE" -type f | wc -l)

# ---------------------------------------------------------------- uninstall
step_start "uninstall (msiexec /x /qn)"
rc=0
wrun 600 msiexec /x "$PRODUCT_CODE2" /qn /l*v "$(winpath "$OUT/uninstall.log")" > "$OUT/msiexec-uninstall.out" || rc=$?
wineserver -w
step_end
[ "$rc" -eq 0 ] || fail "uninstall returned $rc (log: $OUT/uninstall.log)"
left_files=$(find "$PF" -type f 2>/dev/null | wc -l)
left_dirs=$(find "$PF" -type d 2>/dev/null | wc -l)
[ "$left_files" -eq 0 ] || { find "$PF" -type f | head; fail "$left_files files left in Program Files"; }
if [ "$left_dirs" -gt 0 ]; then
  echo "Program Files: no file left; Wine left $left_dirs empty folder(s) (Windows removes them; see README)"
else
  echo "Program Files: the folder is gone"
fi
arp_entries > "$OUT/arp-after-uninstall.jsonl"
[ ! -s "$OUT/arp-after-uninstall.jsonl" ] || fail "ARP entry left after uninstall"
[ "$("$PY" "$HARNESS/smoke_checks.py" reg-key "$WINEPREFIX" HKLM 'Software\Kurum Masaustu')" = absent ] \
  || fail "HKLM\\Software\\Kurum Masaustu left after uninstall"
[ -z "$(find_shortcuts)" ] || fail "Start-menu shortcut left after uninstall"
[ "$(find "$PROFILE" -type f | wc -l)" -eq "$PROFILE_FILES" ] || fail "the uninstall touched the profile"
[ "$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")" = "$DB_HASH2" ] || fail "the uninstall changed the database"
creds=$("$PY" "$HARNESS/smoke_checks.py" credentials "$WINEPREFIX" "$NAMESPACE")
[ -n "$creds" ] || fail "the keyring entry is gone after uninstall"
echo "after uninstall: profile ($PROFILE_FILES files, database unchanged) and keyring entry ($(echo "$creds" | head -1)) kept"

echo
echo "SMOKE TEST PASSED: $APP_NAME $V1 installed, ran, upgraded to $V2 keeping profile and keyring, uninstalled."
echo "Screenshots: $OUT/demo.png $OUT/demo-pythonw-en.png $OUT/profile-v1.png $OUT/profile-v2.png"
print_timings | tee "$OUT/timings.txt"
