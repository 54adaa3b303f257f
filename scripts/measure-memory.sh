#!/usr/bin/env bash
# Idle memory of Lupaus with its WebKit processes, as summed PSS (RSS double-counts the libraries
# the WebKit processes share). Usage, inside a display:
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#     scripts/measure-memory.sh [DB] [SECONDS_TO_SETTLE] [RUNS]
# LUPAUS_APP picks the binary (default target/debug/lupaus). Environment variables (e.g. the
# WebKit and JavaScriptCore knobs compared in docs/measurements.md) reach the app and, through it,
# its WebKit processes. With several runs the last line is the median of the summed PSS.
# MEMORY_MAPPINGS=N also prints, for each process, its N largest mappings by PSS (libraries by
# file name, anonymous memory as [anon]), to see where the memory is. MEMORY_SCREENSHOT=FILE.png
# saves what the window showed when it was measured (a refused or damaged database shows a much
# smaller page: check it is the case list).
set -euo pipefail
app="${LUPAUS_APP:-target/debug/lupaus}"
db="${1:-$(mktemp -d)/lupaus.db}"
settle="${2:-10}"
runs="${3:-1}"

# The N largest mappings of a process by PSS, grouped by file (or [anon], [heap], ...).
mappings() {
  awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anon]"; sub(/.*\//, "", name); next }
    /^Pss:/ { pss[name] += $2 }
    END { for (n in pss) if (pss[n] > 0) printf "    %7d KiB  %s\n", pss[n], n }
  ' "/proc/$1/smaps" 2>/dev/null | sort -rn | head -n "$2"
}

# One run: start the app, let it settle, sum PSS over it, its children and grandchildren.
measure_once() {
  "$app" --db "$db" >/dev/null 2>&1 &
  local main=$!
  sleep "$settle"
  local pids child
  pids="$main $(pgrep -P "$main" | tr "\n" " " || true)"
  # WebKit's helper processes are started through a bwrap/launcher on some systems: include grandchildren.
  for child in $(pgrep -P "$main" || true); do pids="$pids $(pgrep -P "$child" | tr "\n" " " || true)"; done
  local total=0 pid pss rss
  for pid in $pids; do
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    printf '%-8s %-24s PSS %7d KiB  RSS %7d KiB\n' "$pid" "$(cat "/proc/$pid/comm" 2>/dev/null)" "$pss" "$rss" >&2
    total=$((total + pss))
    [ -n "${MEMORY_MAPPINGS:-}" ] && mappings "$pid" "$MEMORY_MAPPINGS" >&2
  done
  [ -n "${MEMORY_SCREENSHOT:-}" ] && import -window root "$MEMORY_SCREENSHOT"
  kill "$main" 2>/dev/null || true
  wait "$main" 2>/dev/null || true
  echo "$total"
}

totals=()
for run in $(seq 1 "$runs"); do
  total=$(measure_once)
  printf 'run %d: summed PSS %d MiB (%s)\n' "$run" $((total / 1024)) "$db"
  totals+=("$total")
  # Let the killed WebKit processes go before the next run starts.
  sleep 1
done
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
printf 'summed PSS: %d MiB (median of %d, %s)\n' $((median / 1024)) "$runs" "$db"
