#!/usr/bin/env bash
# Runs the end-to-end journeys against the built app. Call it inside a display and a session bus:
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash tests/e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")"
app="${LUPAUS_APP:-../../target/debug/lupaus}"
[ -x "$app" ] || { echo "e2e: $app is missing; build the app first (make build)" >&2; exit 1; }
mkdir -p artifacts

# The app inherits tauri-driver's environment. Desks are Finnish first, so the journeys run in Finnish.
export LANG=fi_FI.UTF-8
# tauri-driver listens on fixed ports 4444/4445: only one run per machine at a time, under the
# same lock as scripts/measure-cold-start.sh.
exec 9>/tmp/lupaus-e2e.lock
flock 9
# Screenshots are taken from the X display (harness.mjs): keep the app's OS notifications
# (dunst, started by D-Bus on the first one) queued instead of painted over the window.
dunstctl set-paused true >/dev/null 2>&1 || true
tauri-driver --port 4444 --native-driver /usr/bin/WebKitWebDriver >artifacts/tauri-driver.log 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true; wait $driver 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  (echo >/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
  sleep 0.2
done
node --test --test-concurrency=1 ${E2E_ONLY:-journeys/}
