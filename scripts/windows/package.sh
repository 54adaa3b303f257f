#!/usr/bin/env bash
# Builds the Windows installer, target/windows-installer/Lupaus-<version>-setup.exe (lupaus.nsi,
# Debian's makensis), then checks it under Wine: a silent per-user install, `lupaus-cli check`
# from the installed folder on the default database (which must land in Local AppData), the
# Start-menu entry and the uninstall entry, then a silent uninstall that leaves the data alone.
#   scripts/windows/package.sh           release build (what a desk gets)
#   scripts/windows/package.sh --debug   the debug build `make test-windows` made (quicker)
set -euo pipefail
cd "$(dirname "$0")/../.."

target=x86_64-pc-windows-gnu
profile=release
build_flags=(--release)
if [ "${1:-}" = --debug ]; then
  profile=debug
  build_flags=()
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
bin="$PWD/target/$target/$profile"
out="$PWD/target/windows-installer"
setup="$out/Lupaus-$version-setup.exe"

# CI does not build the installer (make test stops at linking the app), so `make setup` does not
# install NSIS; this release script needs it once: `sudo apt-get install nsis`.
command -v makensis >/dev/null || { echo "package: makensis is missing; install Debian's nsis package (sudo apt-get install nsis)" >&2; exit 1; }
# ui/dist is embedded in the app, so it must be built first (make ui).
[ -f ui/dist/index.html ] || { echo "package: ui/dist is missing; run make ui first" >&2; exit 1; }
cargo build --locked "${build_flags[@]}" --target "$target" -p lupaus -p lupaus-cli
mkdir -p "$out"
makensis -V2 -DVERSION="$version" -DBIN="$bin" -DICON="$PWD/icons/icon.ico" -DOUTFILE="$setup" scripts/windows/lupaus.nsi
echo "package: built $setup ($(du -h "$setup" | cut -f1))"

source scripts/windows/wine-env.sh
fail() { echo "package: $*" >&2; exit 1; }
unix_path() { "$wine" winepath -u "$1" 2>/dev/null | tr -d '\r'; }
windows_var() { "$wine" cmd /c "echo %$1%" 2>/dev/null | tr -d '\r'; }

local_appdata=$(unix_path "$(windows_var LOCALAPPDATA)")
start_menu=$(unix_path "$(windows_var APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs")
installed="$local_appdata/Programs/Lupaus"
data="$local_appdata/Lupaus/Lupaus/data"
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Lupaus'
app_id_key='HKCU\Software\Classes\AppUserModelId\fi.lupaus.desk'

"$wine" "$setup" /S
"$wineserver" -w
for file in lupaus.exe lupaus-cli.exe WebView2Loader.dll lupaus.ico uninstall.exe; do
  [ -f "$installed/$file" ] || fail "the silent install did not put $file into $installed"
done
[ -f "$start_menu/Lupaus.lnk" ] || fail "no Start-menu entry in $start_menu"
"$wine" reg query "$uninstall_key" /v QuietUninstallString >/dev/null 2>&1 || fail "no uninstall entry"
# Toasts carry Lupaus's app id; Windows names them after this registration.
"$wine" reg query "$app_id_key" /v DisplayName 2>/dev/null | grep -q Lupaus || fail "the app id fi.lupaus.desk is not registered"
# The Start-menu shortcut carries the id too (app-id.nsh): here every COM step must succeed; Wine
# does not store the property in the .lnk, so the file is read back on Windows only (README).
probe="$out/app-id-probe.exe"
probe_file="$(unix_path "$(windows_var TEMP)")/lupaus-app-id-probe.txt"
rm -f "$probe_file"
makensis -V2 -DOUTFILE="$probe" scripts/windows/app-id-probe.nsi
"$wine" "$probe"
"$wineserver" -w
probe_result=$(cat "$probe_file" 2>/dev/null || echo "no outcome written")
[ "$probe_result" = result=0 ] || fail "writing the app id onto a shortcut failed: $probe_result"

rm -f "$data/lupaus.db" "$data/lupaus.db-wal" "$data/lupaus.db-shm"
check=$("$wine" "$installed/lupaus-cli.exe" --json check | tr -d '\r')
echo "package: lupaus-cli check from the installed folder: $check"
grep -q '"integrity": "ok"' <<<"$check" || fail "lupaus-cli check did not pass"
[ -f "$data/lupaus.db" ] || fail "the default database is not in Local AppData ($data)"

"$wine" "$installed/uninstall.exe" /S
"$wineserver" -w
[ ! -e "$installed" ] || fail "the silent uninstall left $installed"
[ ! -e "$start_menu/Lupaus.lnk" ] || fail "the silent uninstall left the Start-menu entry"
"$wine" reg query "$uninstall_key" >/dev/null 2>&1 && fail "the silent uninstall left its registry entry"
"$wine" reg query "$app_id_key" >/dev/null 2>&1 && fail "the silent uninstall left the app id's registration"
[ -f "$data/lupaus.db" ] || fail "the uninstall removed the desk's database"
rm -f "$data/lupaus.db" "$data/lupaus.db-wal" "$data/lupaus.db-shm"
echo "package: silent install, lupaus-cli check and silent uninstall passed under Wine"
