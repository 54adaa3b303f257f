// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before anything starts a thread: WebKit reads these once (see webview.rs).
    #[cfg(target_os = "linux")]
    lupaus_app::webview::prepare_environment();
    lupaus_app::run();
}
