# Lupaus developer commands. The two that matter are in README.md:
#   make run    installs what is missing, builds, and starts the app on its default database
#   make test   installs what is missing, builds, and runs every test
SHELL := /bin/bash
.DEFAULT_GOAL := run
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"
APP := target/debug/lupaus

.PHONY: run test test-windows setup build ui lint fmt bindings demo package clean fuzz

run: setup build
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display found: starting Lupaus inside Xvfb (invisible). Set DISPLAY to see the window."; \
	  $(XVFB) dbus-run-session -- $(APP) $(ARGS); \
	else \
	  $(APP) $(ARGS); \
	fi

test: setup build
	cargo test --workspace --locked
	cd ui && npm test
	$(XVFB) dbus-run-session -- bash tests/e2e/run.sh
	$(MAKE) test-windows

# The Windows build: core, store, desk, CLI and the shell's mock-runtime tests under Wine, then
# the app and the CLI linked (scripts/windows/test.sh; README, "Windows").
test-windows: setup ui
	scripts/windows/test.sh

setup: ui/node_modules/.installed tests/e2e/node_modules/.installed
	@scripts/install-deps.sh

ui/node_modules/.installed: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

tests/e2e/node_modules/.installed: tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund
	@touch $@

# The front end is embedded in the binary, so it is built first.
ui: ui/node_modules/.installed
	cd ui && npm run build

build: ui
	cargo build --locked -p lupaus -p lupaus-cli

lint: setup ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --workspace --all-targets --locked --target x86_64-pc-windows-gnu -- -D warnings
	cd ui && npm run check

fmt:
	cargo fmt --all

# Regenerates ui/src/lib/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p lupaus --lib bindings

# A short run of every fuzz target (FUZZ_SECONDS each, default 60); needs cargo-fuzz, not
# nightly. Not part of `test`: see docs/fuzzing.md.
fuzz:
	bash fuzz/run.sh

demo: build
	target/debug/lupaus-cli demo --cases 300

package: setup ui
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules tests/e2e/artifacts
