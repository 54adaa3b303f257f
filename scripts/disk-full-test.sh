#!/usr/bin/env bash
# Disk-full test through lupaus-cli on a 2 MB tmpfs: saves fail with disk_full and a clear
# message, what was stored stays intact (integrity ok, every earlier case there), the file still
# opens to be read while the disk is full, and saving works again once space is freed.
# Needs root to mount; otherwise it says so and exits 0 (skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p lupaus-cli --bin lupaus-cli >&2
CLI="$PWD/target/debug/lupaus-cli"
WORK="$(mktemp -d)"
MNT="$WORK/small"
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=2m tmpfs "$MNT" 2>"$WORK/mount.err"; then
  echo "SKIPPED: cannot mount a 2 MB tmpfs ($(cat "$WORK/mount.err")); run as root to test a full disk." >&2
  rm -rf "$WORK"
  exit 0
fi
trap 'umount "$MNT" 2>/dev/null || true; rm -rf "$WORK"' EXIT
DB="$MNT/lupaus.db"
NOW="2026-11-23T07:00:00Z"
cli() { "$CLI" --db "$DB" --json --now "$NOW" --person "Aino" "$@"; }

cli check >/dev/null
dd if=/dev/zero of="$MNT/ballast" bs=1k count=1200 status=none
saved=0
while :; do
  if cli case create --customer "Asiakas Äijälä $saved" --phone "040 123 4567" \
      --description "Pesukone vuotaa vettä lattialle, tilaus $saved. $(printf 'Lisätietoa. %.0s' {1..20})" \
      --requested-remedy "Uusi kone" >"$WORK/out.json" 2>"$WORK/err.json"; then
    saved=$((saved + 1))
  else
    break
  fi
  if [ "$saved" -gt 100000 ]; then echo "FAILED: the disk never filled up" >&2; exit 1; fi
done
echo "disk full after $saved saved cases; the refused save said:" >&2
cat "$WORK/err.json" >&2
grep -q '"code":"disk_full"' "$WORK/err.json" || { echo "FAILED: expected code disk_full" >&2; exit 1; }
grep -q 'Free some space' "$WORK/err.json" || { echo "FAILED: the message does not say what to do" >&2; exit 1; }

cli check >"$WORK/check.json" || { echo "FAILED: the database does not open or check ok on the full disk" >&2; cat "$WORK/check.json" >&2; exit 1; }
cases=$(grep -o '"cases": [0-9]*' "$WORK/check.json" | grep -o '[0-9]*$')
grep -q '"integrity": "ok"' "$WORK/check.json" || { echo "FAILED: integrity not ok" >&2; exit 1; }
[ "$cases" -eq "$saved" ] || { echo "FAILED: $saved cases were acknowledged, $cases are in the file" >&2; exit 1; }
last=$(printf 'R-2026-%06d' "$saved")
cli case verify "$last" >/dev/null || { echo "FAILED: the last saved case $last does not verify" >&2; exit 1; }

rm "$MNT/ballast"
cli case create --customer "Asiakas vapautuksen jälkeen" --description "Toimii taas" --requested-remedy "Ei mitään" >/dev/null \
  || { echo "FAILED: saving does not work after space was freed" >&2; exit 1; }
cli check >"$WORK/check.json"
grep -q '"integrity": "ok"' "$WORK/check.json" || { echo "FAILED: integrity not ok after freeing space" >&2; exit 1; }
echo "disk-full test passed: $saved cases saved before the disk filled, refused with disk_full, all intact, saving works again after freeing space" >&2
