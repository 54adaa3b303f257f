#!/usr/bin/env bash
# Cold start of Lupaus: from process spawn to the case list's first row, and a click on it opening
# the case, timed in the real window through tauri-driver (scripts/measure-cold-start.mjs).
# Usage, from the repository root (it takes the e2e lock and a display itself):
#   scripts/measure-cold-start.sh DB [warm|cold] [RUNS]
# warm: one unmeasured warm-up run, then RUNS runs with the file cache hot.
# cold: the page cache is dropped before each run (needs root; it slows everyone's disk for a
#       moment, so use it sparingly on a shared machine).
# LUPAUS_APP picks the binary (default target/debug/lupaus). The app's log goes to a temporary
# XDG_DATA_HOME so its start-up phases can be printed beside each run.
set -euo pipefail
db="${1:?usage: scripts/measure-cold-start.sh DB [warm|cold] [RUNS]}"
mode="${2:-warm}"
runs="${3:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
export LUPAUS_APP="$(realpath "${LUPAUS_APP:-$root/target/debug/lupaus}")"
[ -x "$LUPAUS_APP" ] || { echo "measure-cold-start: $LUPAUS_APP is missing; build the app first" >&2; exit 1; }
[ -f "$db" ] || { echo "measure-cold-start: $db does not exist" >&2; exit 1; }

if [ "${COLD_START_INSIDE:-}" != 1 ]; then
  # tauri-driver listens on fixed ports: one run per machine, under the same lock as the journeys.
  exec env COLD_START_INSIDE=1 flock /tmp/lupaus-e2e.lock \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$0" "$@"
fi

data_home="$(mktemp -d)"
export XDG_DATA_HOME="$data_home" COLD_START_LOG_DIR="$data_home/lupaus/logs"
export COLD_START_DB="$(realpath "$db")" COLD_START_RUNS="$runs" COLD_START_DROP=$([ "$mode" = cold ] && echo 1 || echo 0)
export LANG="${LANG:-fi_FI.UTF-8}"
tauri-driver --port 4444 --native-driver /usr/bin/WebKitWebDriver >"$data_home/tauri-driver.log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true; wait $driver 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  (echo >/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
  sleep 0.2
done
node "$root/scripts/measure-cold-start.mjs"
