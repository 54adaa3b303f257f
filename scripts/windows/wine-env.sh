# Sourced by the Windows scripts (test.sh, package.sh): a private Wine prefix ready to run Rust
# programs built for x86_64-pc-windows-gnu, and cargo's runner pointed at Wine for this shell only.
# The prefix is private to this checkout (target/wine-prefix; LUPAUS_WINEPREFIX overrides it).

wine=/usr/lib/wine/wine64 # Debian 12 puts no wine64 on PATH.
wineserver=/usr/lib/wine/wineserver
export WINEPREFIX="${LUPAUS_WINEPREFIX:-$PWD/target/wine-prefix}"
export WINEDEBUG=-all
# No Mono or Gecko install prompts: nothing here needs .NET or a browser engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
# Only these scripts run Windows executables through Wine; Linux runs stay untouched.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$wine"
trap '"$wineserver" -k 2>/dev/null || true' EXIT

if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  "$wine" wineboot -i
fi
# Rust's Windows std needs ProcessPrng, which Wine 8.0 lacks (scripts/windows/bcryptprimitives.c).
prng_dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
prng_source=scripts/windows/bcryptprimitives.c
if [ ! -f "$prng_dll" ] || [ "$prng_source" -nt "$prng_dll" ]; then
  x86_64-w64-mingw32-gcc -shared -O2 -s -Wall -Werror -o "$prng_dll" "$prng_source" -ladvapi32
fi
