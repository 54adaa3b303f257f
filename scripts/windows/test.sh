#!/usr/bin/env bash
# Builds Lupaus for Windows (x86_64-pc-windows-gnu with Debian's mingw-w64) and runs its test
# suites under Wine: core, store, desk, CLI and the shell's mock-runtime tests; then links the app
# and the CLI. `make setup` installs what it needs (scripts/install-deps.sh).
#   scripts/windows/test.sh                 every suite
#   scripts/windows/test.sh -p lupaus-store  one crate (arguments go to `cargo test`)
set -euo pipefail
cd "$(dirname "$0")/../.."

target=x86_64-pc-windows-gnu
source scripts/windows/wine-env.sh

# libvoikko is a Debian package here, not in the Wine prefix: Windows desks search with the Snowball
# stems (README, "Search"), and that path is what the Windows suite tests.
unset LUPAUS_REQUIRE_VOIKKO

# Every suite unless the arguments name packages. lupaus-sync's own tests all need a PostgreSQL
# server (Unix only); its code is built and used through the CLI's tests.
case " $* " in
  *" -p "* | *" --package "*) ;;
  *) set -- -p lupaus-core -p lupaus-store -p lupaus-desk -p lupaus-cli -p lupaus "$@" ;;
esac
# The shell's test programs sit in deps/ and import WebView2Loader.dll, which the build puts one
# folder up (beside lupaus.exe): Wine looks for DLLs along WINEPATH too.
WINEPATH="$("$wine" winepath -w "$PWD/target/$target/debug" 2>/dev/null | tr -d '\r')"
export WINEPATH
cargo test --locked --target "$target" "$@"
# The app links (its window needs Microsoft's WebView2 runtime, which Wine lacks: see README).
cargo build --locked --target "$target" -p lupaus -p lupaus-cli
