#!/usr/bin/env bash
# Idle memory of Lupaus with its WebKit processes, as summed PSS (RSS double-counts the libraries
# the WebKit processes share). Usage, inside a display:
#   xvfb-run -a dbus-run-session -- scripts/measure-memory.sh [DB] [SECONDS_TO_SETTLE]
set -euo pipefail
app="${LUPAUS_APP:-target/debug/lupaus}"
db="${1:-$(mktemp -d)/lupaus.db}"
settle="${2:-10}"
"$app" --db "$db" >/dev/null 2>&1 &
main=$!
trap 'kill $main 2>/dev/null || true' EXIT
sleep "$settle"
pids="$main $(pgrep -P "$main" | tr "\n" " " || true)"
# WebKit's helper processes are started through a bwrap/launcher on some systems: include grandchildren.
for child in $(pgrep -P "$main" || true); do pids="$pids $(pgrep -P "$child" | tr "\n" " " || true)"; done
total=0
for pid in $pids; do
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
  printf '%-8s %-24s PSS %7d KiB  RSS %7d KiB\n' "$pid" "$(cat /proc/$pid/comm 2>/dev/null)" "$pss" "$rss"
  total=$((total + pss))
done
printf 'summed PSS: %d MiB (%s)\n' $((total / 1024)) "$db"
