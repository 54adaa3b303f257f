#!/usr/bin/env bash
# Installs what Lupaus needs on Debian 12 that is not there yet: WebKitGTK 4.1 and friends for the
# app, libvoikko and its Finnish dictionary for search, Xvfb, D-Bus, WebKitWebDriver and dunst for
# the end-to-end tests (xdotool answers their file dialogs), PostgreSQL for the team mode tests (only the binaries; no server is started
# or enabled), mingw-w64 and Wine for the Windows build and its tests (scripts/windows/test.sh), the
# Rust target for Windows, and tauri-driver.
# Idempotent: when everything is present it only checks, in well under a second.
set -euo pipefail

packages=(
  build-essential pkg-config curl file
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libayatana-appindicator3-dev libssl-dev libxdo-dev
  xvfb xauth webkit2gtk-driver dbus dbus-x11 dunst imagemagick x11-utils
  # xdg-open: the app opens attachments through it; a journey drives it with its own handler.
  xdg-utils
  # The import/export journey answers GTK's real file dialogs with the keyboard (harness.mjs).
  xdotool
  # ...and drags a file onto the window from a small GTK drag source (tests/e2e/drag-source.py).
  python3-gi gir1.2-gtk-3.0
  libvoikko1 voikko-fi
  # Team mode's tests start their own throw-away PostgreSQL server (lupaus-sync test_server.rs).
  postgresql
  # ...and the TLS tests make their own certificate authority with the openssl CLI (test_tls.rs).
  openssl
  # The OS keyring for a desk's team secret (keyring's Secret Service client links libdbus).
  libdbus-1-dev
  # The Windows build (x86_64-pc-windows-gnu) links with mingw-w64; its tests run under Wine.
  gcc-mingw-w64-x86-64 wine64 wine
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

windows_target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$windows_target"; then
  rustup target add "$windows_target"
fi

# tauri-driver bridges WebDriver clients to WebKitWebDriver for the end-to-end journeys.
tauri_driver_version=2.1.0
if ! tauri-driver --version 2>/dev/null | grep -q "$tauri_driver_version"; then
  cargo install tauri-driver --locked --version "$tauri_driver_version"
fi
