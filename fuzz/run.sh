#!/usr/bin/env bash
# Runs the fuzz targets for FUZZ_SECONDS each (default 60): every target, or those named.
#   bash fuzz/run.sh                       short run of every target (what `make fuzz` does)
#   FUZZ_SECONDS=3600 bash fuzz/run.sh import_csv
# Each run starts from the committed seeds (seeds/<target>) and the corpus earlier runs grew
# (corpus/<target>, not committed); a crash leaves its input in artifacts/<target>/ and stops.
# libFuzzer needs -Z flags; RUSTC_BOOTSTRAP=1 lets the stable compiler accept them, so no
# nightly toolchain is needed. Not part of `make test` or CI. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${FUZZ_SECONDS:-60}"
all=(import_csv import_xlsx case_command intake search_query cell_values)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all[@]}"); fi

if ! command -v cargo-fuzz >/dev/null; then
  echo "cargo-fuzz is not installed; install it with: cargo install cargo-fuzz --locked" >&2
  exit 1
fi
export RUSTC_BOOTSTRAP=1
mkdir -p logs
for target in "${targets[@]}"; do
  dict=()
  case "$target" in
    import_csv) dict=(-dict=dicts/import.dict) ;;
    case_command) dict=(-dict=dicts/case_command.dict) ;;
    cell_values) dict=(-dict=dicts/values.dict) ;;
  esac
  mkdir -p "corpus/$target"
  echo "== $target for ${seconds}s (log: fuzz/logs/$target.log)"
  # -O -a: optimised, with debug assertions (integer overflow panics) and AddressSanitizer.
  cargo fuzz run -O -a "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
    >"logs/$target.log" 2>&1 || { tail -n 40 "logs/$target.log"; echo "== $target FAILED: input in fuzz/artifacts/$target/" >&2; exit 1; }
  grep -E '^#[0-9]+[[:space:]]+DONE|stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
    "logs/$target.log" || true
done
