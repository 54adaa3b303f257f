#!/usr/bin/env bash
# Crash test: a writer saving cases is killed with SIGKILL at random moments ITERATIONS times;
# after each kill every acknowledged save must be in the file and the file must check ok.
# Usage: scripts/crash-test.sh [ITERATIONS] [SEED] [MAX_DELAY_MS]   (defaults: 1000, time-based, 80)
set -euo pipefail
cd "$(dirname "$0")/.."
ITERATIONS="${1:-1000}"
SEED="${2:-$(date +%s)}"
MAX_DELAY_MS="${3:-80}"
cargo build -p lupaus-cli --bin crash-writer >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "crash test: $ITERATIONS kills, seed $SEED, kill within ${MAX_DELAY_MS} ms, database $WORK/lupaus.db" >&2
if target/debug/crash-writer torture --db "$WORK/lupaus.db" --iterations "$ITERATIONS" --seed "$SEED" \
    --max-delay-ms "$MAX_DELAY_MS" | tee "$WORK/report.json"; then
  echo "crash test passed" >&2
else
  echo "crash test FAILED: see the report above" >&2
  exit 1
fi
