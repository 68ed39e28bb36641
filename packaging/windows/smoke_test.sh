#!/usr/bin/env bash
# Smoke test of the Windows installer on Linux, under Wine (wine64 only, a throwaway prefix):
#
#   bash packaging/windows/smoke_test.sh            # builds the MSI first (build_msi.sh)
#   bash packaging/windows/smoke_test.sh --no-build # uses dist/ and the stage of the last build
#
#  0. a bad IT property (SYNC_INTERVAL_MINUTES=2) is refused before anything is installed;
#  1. silent install of dist/kurum-masaustu-<version>-x64.msi with IT properties (PROXY,
#     PROVINCE, SYNC_INTERVAL_MINUTES, and the JSON ones CHANNELS and APP_IDS), typed as IT types
#     them in cmd.exe (a .bat: quoted values, inner quotes doubled); files, ARP entry, shortcut to
#     the branded launcher, the policy registry values (only those given), the scheduled sync task;
#  2. the policy as the installed app reads it (registry + a %ProgramData% policy.json with bad
#     keys: reported, the rest applied); Wine's msiexec drops every double quote from a
#     command-line property value (see below), so CHANNELS/APP_IDS arrive as broken JSON: the app
#     must report them and start; then the exact JSON is written as a GPO would (reg add) and the
#     app must read the preset channel and the app id; the launcher's version resource and icon;
#  3. the installed app renders its demo window to PNG (python.exe, and the launcher with a
#     broken policy.json), checked; every module of the app and every .pyd imports; what the
#     trimmed payload keeps on purpose works (Qt's Turkish strings, JPEG/GIF/WebP/PNG decoding,
#     the SVG icon, the Windows style, the About dialog with the notices: qt_probe.py);
#  4. a profile (--demo --profile in %LOCALAPPDATA%) and a keyring entry (the app's own
#     CredentialStore → WinVaultKeyring) are created; the installed CLI (`channel list --json`)
#     on a fresh profile creates the preset channel — awaiting connection, managed by IT, no
#     keyring entry — and a second run creates no duplicate; nothing may be written in Program Files;
#  5. silent upgrade, while the app is running, to a higher version signed with a throwaway
#     certificate (signature verified): one ARP entry, the profile and the keyring entry
#     unchanged, the upgraded app opens the profile and still has the one preset channel;
#     then a downgrade is refused;
#  6. silent uninstall: no file left in Program Files, ARP entry, shortcut, policy values and
#     task gone; the profile, the keyring entry and IT's policy.json still there.
#
# Wine-only workarounds live in packaging/windows/harness/ and go into the Wine prefix, the
# environment or the command line, never into the MSI:
#   - icuuc.dll stub in the prefix's system32 (Wine 8 has no ICU; Qt6Core imports it);
#   - wine_run.py blocks _wmi (Wine 8 lacks propsys.VariantToString, which platform.* reaches);
#   - WINEDLLOVERRIDES netprofm= (Wine 8's Network List Manager makes Qt's network-information
#     backend spin forever at start-up; without it Qt reports "no backend", as the app handles);
#   - WINEDLLOVERRIDES _wmi.pyd=d: the same _wmi block for processes started without wine_run.py
#     (the launcher, the MSI's custom actions);
#   - a private Xvfb: with Wine's null display driver no window can be created and
#     QApplication.quit() never returns;
#   - `reg add` of CHANNELS/APP_IDS after each msiexec: Wine 8's msi_parse_command_line ends with
#     remove_quotes(), which deletes every '"' from a command-line property value, so no JSON can
#     pass through Wine's msiexec (Windows keeps the doubled quotes: the Command-Line Options page
#     of the Windows Installer docs, PROPERTY="Embedded ""Quotes"" White Space"). The harness
#     checks that the MSI wrote exactly the quote-less text Wine gives it, then writes the exact
#     JSON as a GPO would.
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

step_start "build MSI $V2 for the upgrade (--reuse-stage), signed with a throwaway certificate"
# A self-signed code-signing certificate made here, as IT's .pfx would be given to the build.
SIGN_DIR=$OUT/sign
mkdir -p "$SIGN_DIR"
head -c 24 /dev/urandom | base64 > "$SIGN_DIR/password.txt"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout "$SIGN_DIR/key.pem" -out "$SIGN_DIR/cert.pem" \
  -subj "/CN=Kurum Masaustu smoke test/O=Throwaway test certificate" -addext "extendedKeyUsage=codeSigning" 2> /dev/null
openssl pkcs12 -export -inkey "$SIGN_DIR/key.pem" -in "$SIGN_DIR/cert.pem" -out "$SIGN_DIR/test.pfx" \
  -passout "file:$SIGN_DIR/password.txt"
rm -f "$SIGN_DIR/key.pem"
KURUM_SIGN_PFX=$SIGN_DIR/test.pfx KURUM_SIGN_PASSWORD_FILE=$SIGN_DIR/password.txt \
KURUM_MSI_VERSION=$V2 KURUM_MSI_OUT=$OUT/msi bash "$HERE/build_msi.sh" --reuse-stage > "$OUT/build-$V2.log" 2>&1 \
  || { tail -20 "$OUT/build-$V2.log"; fail "building the $V2 MSI"; }
MSI2=$OUT/msi/kurum-masaustu-$V2-x64.msi
"$PY" "$HERE/buildtool.py" check-signature "$MSI2" "$SIGN_DIR/cert.pem" || fail "the $V2 MSI's signature"
"$PY" "$HERE/buildtool.py" check-signature "$WORK/stage/kurum-masaustu.exe" "$SIGN_DIR/cert.pem" || fail "the launcher's signature"
if "$PY" "$HERE/buildtool.py" check-signature "$MSI1" > /dev/null 2>&1; then fail "$MSI1 is signed, but no certificate was given"; fi
# A byte changed after signing must be caught.
cp "$WORK/stage/kurum-masaustu.exe" "$SIGN_DIR/tampered.exe"
printf 'X' | dd of="$SIGN_DIR/tampered.exe" bs=1 seek=2000 conv=notrunc status=none
if "$PY" "$HERE/buildtool.py" check-signature "$SIGN_DIR/tampered.exe" "$SIGN_DIR/cert.pem" > /dev/null 2>&1; then
  fail "a launcher modified after signing passed the signature check"
fi
echo "signatures: MSI $V2 and its launcher verify against the test certificate; a modified copy does not"
PRODUCT_CODE2=$(msiinfo export "$MSI2" Property | awk -F'\t' '$1=="ProductCode"{print $2}' | tr -d '\r')
echo "$MSI2 (ProductCode $PRODUCT_CODE2)"
# The Wine harness must never ship: no file of it in either MSI.
for msi in "$MSI1" "$MSI2"; do
  if msiinfo export "$msi" File | cut -f3 | grep -i -E 'icuuc|wine_run|_probe|import_all|smoke_checks'; then
    fail "$(basename "$msi") carries a test-only harness file"
  fi
done
step_end

# ---------------------------------------------------------------- Wine prefix
step_start "Xvfb + Wine prefix (win10) + icuuc stub"
TMP_ROOT=$(mktemp -d /tmp/kurum-smoke.XXXXXX)
export WINEPREFIX=$TMP_ROOT/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml,netprofm=;_wmi.pyd=d"
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

POLICY_KEY='Software\Policies\Kurum Masaustu'
TASK_FILE="$WINEPREFIX/drive_c/windows/system32/tasks/Kurum Masaustu/Sync"
IT_PROPERTIES=(PROXY=http://vekil.kurum.local:8080 PROVINCE=Izmir SYNC_INTERVAL_MINUTES=15)
# The JSON properties, as IT would give them: one Mastodon preset and an X client id (public ids,
# no secret). Compact JSON: no blank outside the strings, so the value is one argument in cmd.exe.
CHANNELS_JSON='[{"platform":"mastodon","name":"Belediye Mastodon","base_url":"https://sosyal.example","handle":"@belediye@sosyal.example"}]'
APP_IDS_JSON='{"x":"a3VydW0tbWFzYXVzdHUtc21va2U6MTpjaQ"}'
msi_quoted() { local v=${1//\"/\"\"}; printf '"%s"' "$v"; }  # MSI's rule: "…", inner quotes doubled
# msiexec /i as IT types it in cmd.exe, from a .bat run by cmd /c (the command line reaches
# msiexec exactly as written; passing it as Unix argv would make Wine re-quote it with \").
it_msiexec() {  # it_msiexec MSI NAME → $OUT/NAME.bat, $OUT/NAME.log; the exit code is msiexec's
  local bat=$OUT/$2.bat
  printf '@echo off\r\nmsiexec /i "%s" /qn /l*v "%s" %s CHANNELS=%s APP_IDS=%s\r\nexit /b %%ERRORLEVEL%%\r\n' \
    "$(winpath "$1")" "$(winpath "$OUT/$2.log")" "${IT_PROPERTIES[*]}" \
    "$(msi_quoted "$CHANNELS_JSON")" "$(msi_quoted "$APP_IDS_JSON")" > "$bat"
  wrun 600 cmd /c "$(winpath "$bat")"
}
# The policy values the MSI must write: exactly the properties given (STRIPPED=1: with every '"'
# removed, which is what Wine's msiexec passes on).
expected_policy_values() {
  "$PY" - "$1" "$CHANNELS_JSON" "$APP_IDS_JSON" <<'PYEXPECT'
import json, sys
channels, app_ids = (v.replace('"', "") if sys.argv[1] == "1" else v for v in sys.argv[2:4])
print(json.dumps({"APP_IDS": app_ids, "CHANNELS": channels, "PROVINCE": "Izmir",
                  "PROXY": "http://vekil.kurum.local:8080", "SYNC_INTERVAL_MINUTES": "15"}, ensure_ascii=False, sort_keys=True))
PYEXPECT
}
# What a GPO (Registry preference, REG_SZ) writes: the JSON itself, no doubling.
gpo_json_values() {
  wrun 60 reg add "HKLM\\$POLICY_KEY" /v CHANNELS /t REG_SZ /d "$CHANNELS_JSON" /f > /dev/null || fail "reg add CHANNELS"
  wrun 60 reg add "HKLM\\$POLICY_KEY" /v APP_IDS /t REG_SZ /d "$APP_IDS_JSON" /f > /dev/null || fail "reg add APP_IDS"
  wineserver -w
  [ "$("$PY" "$HARNESS/smoke_checks.py" reg-values "$WINEPREFIX" HKLM "$POLICY_KEY")" = "$(expected_policy_values 0)" ] \
    || fail "the policy values written as a GPO would are not the JSON given"
}

# ---------------------------------------------------------------- bad IT property
step_start "install with SYNC_INTERVAL_MINUTES=2: refused"
rc=0
wrun 300 msiexec /i "$(winpath "$MSI1")" /qn /l*v "$(winpath "$OUT/bad-property.log")" SYNC_INTERVAL_MINUTES=2 \
  > "$OUT/msiexec-bad-property.out" || rc=$?
wineserver -w
step_end
[ "$rc" -ne 0 ] || fail "an out-of-range SYNC_INTERVAL_MINUTES was accepted"
# Wine's msiexec does not write a launch condition's message into the log (Windows does, and
# shows it): check that LaunchConditions stopped the install, and the message the MSI carries.
# (no grep -q: it would stop reading early, tr would die of SIGPIPE and pipefail fail the check)
launch_conditions_failed() { tr -d '\0' < "$1" | grep -a -E 'Action ended [0-9:]+: LaunchConditions\. Return value [^1]' > /dev/null; }
launch_conditions_failed "$OUT/bad-property.log" || fail "the install was not stopped by its launch conditions (log: $OUT/bad-property.log)"
msiinfo export "$MSI1" LaunchCondition > "$OUT/msi-launch-conditions.idt"
grep -q 'must be 5 to 1440 minutes' "$OUT/msi-launch-conditions.idt" || fail "the MSI lacks the SYNC_INTERVAL_MINUTES message"
[ ! -d "$PF" ] || [ "$(find "$PF" -type f | wc -l)" -eq 0 ] || fail "the refused install left files"
echo "refused by the launch conditions, msiexec exit code $rc (1603 mod 256 = 67); message: $(grep -o '[^	]*must be 5 to 1440 minutes.' "$OUT/msi-launch-conditions.idt")"

# ---------------------------------------------------------------- install
step_start "install $V1 (msiexec /i /qn ${IT_PROPERTIES[*]} CHANNELS=… APP_IDS=…, from cmd)"
rc=0
it_msiexec "$MSI1" install > "$OUT/msiexec-install.out" || rc=$?
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
grep -a -q 'kurum-masaustu.exe' "$SHORTCUT" || fail "the shortcut does not start kurum-masaustu.exe"
policy_values=$("$PY" "$HARNESS/smoke_checks.py" reg-values "$WINEPREFIX" HKLM "$POLICY_KEY")
echo "HKLM\\$POLICY_KEY: $policy_values"
if [ "$policy_values" = "$(expected_policy_values 0)" ]; then
  WINE_STRIPS_QUOTES=0
  echo "policy values: exactly the properties given, JSON included"
elif [ "$policy_values" = "$(expected_policy_values 1)" ]; then
  WINE_STRIPS_QUOTES=1
  echo "policy values: exactly the properties given, except that Wine's msiexec removed every '\"' from"
  echo "  CHANNELS and APP_IDS (msi_parse_command_line → remove_quotes); Windows keeps them"
else
  fail "the policy registry values are not exactly the properties given"
fi
[ -f "$TASK_FILE" ] || fail "no scheduled task \\Kurum Masaustu\\Sync"
grep -q 'IgnoreNew' "$TASK_FILE" && grep -q 'Kurum Masaüstü: zamanı gelen' "$TASK_FILE" || fail "the task is not ours"
echo "scheduled task: C:\\windows\\system32\\tasks\\Kurum Masaustu\\Sync registered by the MSI's custom action"
"$PY" "$HARNESS/smoke_checks.py" snapshot "$PF" "$OUT/pf-before-runs.txt"

PYEXE="$PF_WIN\\python\\python.exe"
RUNNER=$(winpath "$HARNESS/wine_run.py")
app() {  # app LIMIT EXE ARGS… : the installed app through the Wine harness
  local limit=$1 exe=$2; shift 2
  wrun "$limit" "$exe" "$RUNNER" -m kurum_masaustu "$@"
}
check_png() { "$PY" "$HERE/buildtool.py" check-png "$1" 800 500; }

# ---------------------------------------------------------------- IT policy as the app reads it
if [ "$WINE_STRIPS_QUOTES" = 1 ]; then
  # What the app does with what Wine gave it (also what Windows gives when IT forgets to double
  # the quotes): the two keys are reported, everything else applies, nothing stops.
  step_start "installed app: policy as Wine's msiexec wrote it (JSON without quotes)"
  wrun 120 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/policy_probe.py")" > "$OUT/policy-stripped.out" \
    || { cat "$OUT/policy-stripped.out"; fail "policy probe"; }
  step_end
  "$PY" - "$OUT/policy-stripped.out" <<'PYCHECK' || fail "the app did not report the quote-less JSON values"
import json, sys
found = json.loads(open(sys.argv[1], encoding="utf-8").read().strip().splitlines()[-1])
assert found["values"] == {"province": "Izmir", "proxy": "http://vekil.kurum.local:8080", "sync_interval_minutes": 15}, found["values"]
problems = " | ".join(found["problems"])
assert "CHANNELS: not valid JSON" in problems and "APP_IDS: not valid JSON" in problems, problems
PYCHECK
  echo "policy: the quote-less CHANNELS and APP_IDS are reported as not valid JSON, the rest applied"
  gpo_json_values
  echo "policy: CHANNELS and APP_IDS written as a GPO would (reg add, REG_SZ, the exact JSON)"
fi
POLICY_DIR="$WINEPREFIX/drive_c/ProgramData/Kurum Masaustu"
mkdir -p "$POLICY_DIR"
printf '%s' '{"district": "Konak", "proxi": "http://yazim-hatasi:8080", "sync_interval_minutes": 1}' > "$POLICY_DIR/policy.json"
step_start "installed app: policy (registry + %ProgramData% policy.json)"
wrun 120 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/policy_probe.py")" > "$OUT/policy.out" || { cat "$OUT/policy.out"; fail "policy probe"; }
step_end
cat "$OUT/policy.out"
"$PY" - "$OUT/policy.out" <<'PYCHECK' || fail "the installed app did not read the policy as expected"
import json, sys
found = json.loads(open(sys.argv[1], encoding="utf-8").read().strip().splitlines()[-1])
assert found["values"] == {
    "district": "Konak", "province": "Izmir", "proxy": "http://vekil.kurum.local:8080", "sync_interval_minutes": 15,
    "app_ids": {"x": "a3VydW0tbWFzYXVzdHUtc21va2U6MTpjaQ"},
    "channels": [{"platform": "mastodon", "name": "Belediye Mastodon", "handle": "@belediye@sosyal.example",
                  "settings": [["base_url", "https://sosyal.example"]], "sandbox": False}],
}, found["values"]
assert found["sources"]["district"].endswith("policy.json") and found["sources"]["proxy"].startswith("registry")
assert found["sources"]["channels"].startswith("registry") and found["sources"]["app_ids"].startswith("registry")
problems = " | ".join(found["problems"])
assert "proxi: unknown key" in problems and "sync_interval_minutes: must be between 5 and 1440" in problems, problems
PYCHECK
echo "policy: registry values (the preset channel and the X client id included) and the file's good key applied, its two bad keys reported"

step_start "launcher: version resource and icon"
wrun 60 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/launcher_probe.py")" "$PF_WIN\\kurum-masaustu.exe" > "$OUT/launcher.out" \
  || { cat "$OUT/launcher.out"; fail "launcher probe"; }
step_end
cat "$OUT/launcher.out"
grep -q "ProductName=$APP_NAME .*FileVersion=$V1 OriginalFilename=kurum-masaustu.exe" "$OUT/launcher.out" || fail "launcher version resource"
grep -q "icons=[1-9]" "$OUT/launcher.out" || fail "the launcher has no icon"

# ---------------------------------------------------------------- run the installed app
step_start "installed app: --demo --screenshot (python.exe)"
rc=0
app 300 "$PYEXE" --demo --screenshot "$(winpath "$OUT/demo.png")" > "$OUT/run-demo.out" || rc=$?
step_end
cat "$OUT/run-demo.out"
[ "$rc" -eq 0 ] || fail "the installed app exited with $rc"
grep -q 'demo.png' "$OUT/run-demo.out" || fail "the app did not print the screenshot path"
check_png "$OUT/demo.png" || fail "demo screenshot"

LAUNCHER="$PF_WIN\\kurum-masaustu.exe"
printf '%s' '{ bu bir JSON değil' > "$POLICY_DIR/policy.json"
step_start "launcher: --demo --lang en --screenshot, with a broken policy.json"
rc=0
wrun 300 "$LAUNCHER" --demo --lang en --screenshot "$(winpath "$OUT/demo-launcher-en.png")" > "$OUT/run-launcher.out" || rc=$?
step_end
[ "$rc" -eq 0 ] || { cat "$OUT/run-launcher.out"; fail "the launcher exited with $rc"; }
check_png "$OUT/demo-launcher-en.png" || fail "launcher screenshot"
echo "the launcher started the app (GUI subsystem, no console) despite the broken policy file"

step_start "installed python: import every app module and .pyd"
wrun 300 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/import_all.py")" > "$OUT/import-all.out" || { cat "$OUT/import-all.out"; fail "imports"; }
step_end
grep "^imported" "$OUT/import-all.out"

# What payload.py keeps on purpose must work in the trimmed install.
step_start "installed Qt: Turkish strings, image formats, SVG icon, style, About + notices"
wrun 120 "$PYEXE" "$RUNNER" "$(winpath "$HARNESS/qt_probe.py")" "$(winpath "$OUT/about.png")" > "$OUT/qt-probe.out" \
  || { cat "$OUT/qt-probe.out"; fail "Qt probe"; }
step_end
tail -1 "$OUT/qt-probe.out"
"$PY" "$HERE/buildtool.py" check-png "$OUT/about.png" 600 400 || fail "About dialog screenshot"

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

# ---------------------------------------------------------------- preset channel through the CLI
IT_PROFILE_WIN="C:\\users\\$WIN_USER\\AppData\\Local\\kurum-masaustu\\it-presets"
IT_PROFILE=$LOCALAPPDATA_UNIX/kurum-masaustu/it-presets
[ ! -e "$IT_PROFILE" ] || fail "$IT_PROFILE exists before the first run"
channel_list() {  # channel_list OUTNAME: `channel list --json` of the installed app on IT_PROFILE
  app 300 "$PYEXE" channel list --json --profile "$IT_PROFILE_WIN" > "$OUT/$1.out" || { cat "$OUT/$1.out"; fail "channel list ($1)"; }
}
check_preset() {  # check_preset OUTNAME [ID]: exactly the one preset channel (with ID: that one)
  "$PY" - "$OUT/$1.out" "${2:-}" <<'PYCHECK'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = next(i for i, line in enumerate(lines) if line in ("[", "[]"))  # the JSON, after any stray output
rows = json.loads("\n".join(lines[start:]))
assert len(rows) == 1, f"expected one channel, got {len(rows)}: {rows}"
row = rows[0]
expected = {"platform": "mastodon", "display_name": "Belediye Mastodon", "handle": "@belediye@sosyal.example",
            "base_url": "https://sosyal.example", "auth_problem": "awaiting_connection", "managed": True,
            "sandbox": False, "token_expires_at": None}
assert {k: row.get(k) for k in expected} == expected, row
assert not any(word in json.dumps(row).lower() for word in ("token\":", "secret", "password")), row
assert not sys.argv[2] or row["id"] == int(sys.argv[2]), (row["id"], sys.argv[2])
print(row["id"])
PYCHECK
}
wineserver -w
CREDS_BEFORE=$("$PY" "$HARNESS/smoke_checks.py" credentials "$WINEPREFIX" "" | sort)
step_start "installed CLI: channel list --json on a fresh profile, twice (preset channel)"
channel_list channels-1
channel_list channels-2
step_end
PRESET_ID=$(check_preset channels-1) || fail "the first run did not create the preset channel as expected"
check_preset channels-2 "$PRESET_ID" > /dev/null || fail "the second run changed the preset channel (or created another)"
wineserver -w
[ "$("$PY" "$HARNESS/smoke_checks.py" credentials "$WINEPREFIX" "" | sort)" = "$CREDS_BEFORE" ] \
  || fail "creating the preset channel wrote to Credential Manager"
echo "preset channel $PRESET_ID \"Belediye Mastodon\" (mastodon, @belediye@sosyal.example): awaiting connection, managed by IT,"
echo "  no keyring entry; the second run found it and created nothing"

"$PY" "$HARNESS/smoke_checks.py" snapshot "$PF" "$OUT/pf-after-runs.txt"
"$PY" "$HARNESS/smoke_checks.py" compare "$OUT/pf-before-runs.txt" "$OUT/pf-after-runs.txt" \
  || fail "the app wrote into Program Files"
echo "nothing was written into Program Files by the runs above"

# ---------------------------------------------------------------- upgrade while the app runs
step_start "start the app (launcher, demo window) and keep it running"
USERS_UNIX=$WINEPREFIX/drive_c/users/$WIN_USER
demo_databases() { find "$USERS_UNIX" -maxdepth 5 -path '*kurum-masaustu-demo-*/kurum.sqlite3' 2>/dev/null; }
[ -z "$(demo_databases)" ] || fail "a demo profile was left behind by an earlier run"
# Through a pipe, as every Wine call here (a file as stdout is an invalid handle for Python).
( timeout 600 wine64 "$PF_WIN\\kurum-masaustu.exe" --demo < /dev/null 2>&1 | tr -d '\r' > "$OUT/running-app.out" ) &
RUNNING_PID=$!
running=0
for _ in $(seq 120); do
  if [ -n "$(demo_databases)" ]; then running=1; break; fi
  sleep 1
done
[ "$running" -eq 1 ] || { cat "$OUT/running-app.out"; fail "the app did not start (no demo profile in %TEMP%)"; }
sleep 5
step_end
echo "kurum-masaustu.exe is running (its demo profile is open; Wine 8's tasklist lists no processes)"

step_start "upgrade $V1 → $V2 while the app runs (msiexec /i /qn)"
rc=0
it_msiexec "$MSI2" upgrade > "$OUT/msiexec-upgrade.out" || rc=$?
step_end
wrun 30 taskkill /f /im kurum-masaustu.exe > "$OUT/taskkill.out" || true
wait "$RUNNING_PID" 2>/dev/null || true
wineserver -w
# A Unix exit status keeps msiexec's code modulo 256: 3010 (restart needed) arrives as 194.
pending=$("$PY" "$HARNESS/smoke_checks.py" pending-renames "$WINEPREFIX")
if [ "$rc" -eq $((3010 % 256)) ]; then
  echo "upgrade with the app running: msiexec exit code 3010 (restart required); $pending file(s) in use are replaced at the restart:"
  "$PY" "$HARNESS/smoke_checks.py" pending-renames "$WINEPREFIX" --list | sed 's/^/  /' 
  [ "$pending" -gt 0 ] || fail "3010 without any pending file replacement"
  step_start "restart (wineboot -r): the pending replacements happen"
  wrun 300 wineboot -r > "$OUT/wineboot-restart.log" || fail "wineboot -r"
  wineserver -w
  step_end
  [ "$("$PY" "$HARNESS/smoke_checks.py" pending-renames "$WINEPREFIX")" -eq 0 ] || fail "replacements still pending after the restart"
elif [ "$rc" -eq 0 ]; then
  echo "upgrade with the app running: msiexec exit code 0, every file replaced at once ($pending pending)"
else
  fail "upgrade returned $rc (log: $OUT/upgrade.log)"
fi
UPGRADE_RC=$([ "$rc" -eq 0 ] && echo 0 || echo 3010)
arp_entries > "$OUT/arp-v2.jsonl"
cat "$OUT/arp-v2.jsonl"
[ "$(wc -l < "$OUT/arp-v2.jsonl")" -eq 1 ] || fail "expected one ARP entry after the upgrade"
grep -q "\"DisplayVersion\": \"$V2\"" "$OUT/arp-v2.jsonl" || fail "ARP DisplayVersion is not $V2"
grep -a -q 'Action ended .*RemoveExistingProducts. Return value 1' "$OUT/upgrade.log" || fail "the upgrade log shows no RemoveExistingProducts"
[ "$(find "$PF" -type f | wc -l)" -eq "$n_stage" ] || fail "file count changed by the upgrade"
[ "$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")" = "$DB_HASH1" ] || fail "the upgrade changed the database"
echo "profile database unchanged by the upgrade"
"$PY" "$HERE/buildtool.py" check-signature "$PF/kurum-masaustu.exe" "$SIGN_DIR/cert.pem" || fail "the installed launcher is not the signed one"
[ -f "$TASK_FILE" ] || fail "the scheduled task is gone after the upgrade (the properties were given again)"
[ "$("$PY" "$HARNESS/smoke_checks.py" reg-values "$WINEPREFIX" HKLM "$POLICY_KEY")" = "$policy_values" ] \
  || fail "the policy values after the upgrade differ from the properties given"
[ "$WINE_STRIPS_QUOTES" = 0 ] || gpo_json_values  # the upgrade wrote Wine's quote-less text again

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
step_start "after upgrade: channel list --json (the preset channel kept, none added)"
channel_list channels-3
step_end
check_preset channels-3 "$PRESET_ID" > /dev/null || fail "after the upgrade the preset channel changed or was created again"
echo "after the upgrade: preset channel $PRESET_ID still the only one, still awaiting connection"

# ---------------------------------------------------------------- downgrade
step_start "downgrade $V2 → $V1 (msiexec /i /qn): refused"
rc=0
wrun 300 msiexec /i "$(winpath "$MSI1")" /qn /l*v "$(winpath "$OUT/downgrade.log")" > "$OUT/msiexec-downgrade.out" || rc=$?
wineserver -w
step_end
[ "$rc" -ne 0 ] || fail "installing the older $V1 over $V2 was accepted"
launch_conditions_failed "$OUT/downgrade.log" || fail "the downgrade was not stopped by its launch conditions (log: $OUT/downgrade.log)"
grep -q 'NOT WIX_DOWNGRADE_DETECTED.*A newer version of Kurum' "$OUT/msi-launch-conditions.idt" || fail "the MSI lacks the downgrade message"
arp_entries > "$OUT/arp-after-downgrade.jsonl"
grep -q "\"DisplayVersion\": \"$V2\"" "$OUT/arp-after-downgrade.jsonl" && [ "$(wc -l < "$OUT/arp-after-downgrade.jsonl")" -eq 1 ] \
  || fail "the refused downgrade changed the installed product"
echo "downgrade refused (msiexec exit code $rc, \"A newer version of Kurum Masaüstü is already installed.\"); $V2 still installed"

# ---------------------------------------------------------------- uninstall
step_start "uninstall (msiexec /x /qn)"
rc=0
wrun 600 msiexec /x "$PRODUCT_CODE2" /qn /l*v "$(winpath "$OUT/uninstall.log")" > "$OUT/msiexec-uninstall.out" || rc=$?
wineserver -w
step_end
[ "$rc" -eq 0 ] || fail "uninstall returned $rc (log: $OUT/uninstall.log)"
# (find fails once the folder is gone; with pipefail that would end the script silently)
left_files=$( { find "$PF" -type f 2>/dev/null || true; } | wc -l)
left_dirs=$( { find "$PF" -type d 2>/dev/null || true; } | wc -l)
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
# The values must go; Wine may leave the emptied key itself (as it leaves empty folders).
[ "$("$PY" "$HARNESS/smoke_checks.py" reg-values "$WINEPREFIX" HKLM "$POLICY_KEY")" = '{}' ] || fail "policy values left after uninstall"
[ ! -f "$TASK_FILE" ] || fail "the scheduled task is left after uninstall"
[ -f "$POLICY_DIR/policy.json" ] || fail "the uninstall removed IT's policy.json"
[ "$(find "$PROFILE" -type f | wc -l)" -eq "$PROFILE_FILES" ] || fail "the uninstall touched the profile"
[ "$("$PY" "$HARNESS/smoke_checks.py" sha256 "$PROFILE/kurum.sqlite3")" = "$DB_HASH2" ] || fail "the uninstall changed the database"
creds=$("$PY" "$HARNESS/smoke_checks.py" credentials "$WINEPREFIX" "$NAMESPACE")
[ -n "$creds" ] || fail "the keyring entry is gone after uninstall"
echo "after uninstall: profile ($PROFILE_FILES files, database unchanged) and keyring entry ($(echo "$creds" | head -1)) kept"

echo
echo "SMOKE TEST PASSED: $APP_NAME $V1 installed with IT properties (preset channel and app id included), ran,"
echo "created the preset channel once, upgraded to $V2 (signed, app running: exit code $UPGRADE_RC) keeping profile,"
echo "keyring and preset channel, downgrade refused, uninstalled (task and policy values removed)."
[ "$WINE_STRIPS_QUOTES" = 0 ] || echo "Wine's msiexec dropped the quotes of CHANNELS/APP_IDS: the JSON was written with reg add (see README)."
echo "Screenshots: $OUT/demo.png $OUT/demo-launcher-en.png $OUT/profile-v1.png $OUT/profile-v2.png"
print_timings | tee "$OUT/timings.txt"
