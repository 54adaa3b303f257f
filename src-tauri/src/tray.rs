//! The tray icon: the count of overdue promises, "Open Lupaus" and "Quit", in the language of
//! the person at the keyboard (rewritten when it changes).
//!
//! Where a tray host shows the icon, closing the window only hides it and Lupaus keeps running
//! (and reminding) in the tray. Where none does (a desktop without a status notifier host, Xvfb),
//! closing quits as usual: a hidden window with no icon to bring it back would be lost.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use tauri::menu::{Menu, MenuEvent, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

use crate::language::Spoken;
use crate::reminders::texts::Texts;

const TRAY_ID: &str = "lupaus";
const MAIN_WINDOW: &str = "main";

/// Whether the tray can bring the window back; only then does closing the window hide it.
struct TrayShown(Arc<AtomicBool>);

/// The overdue count last shown, so the tooltip can be said again in another language.
#[derive(Default)]
struct OverdueShown(AtomicU64);

/// Creates the tray icon. Never fails the start: without a tray Lupaus works as a plain window.
pub fn install<R: Runtime>(app: &AppHandle<R>, spoken: Spoken) {
    let shown = Arc::new(AtomicBool::new(false));
    app.manage(TrayShown(Arc::clone(&shown)));
    app.manage(OverdueShown::default());
    let (open, quit) = match build(app, spoken.texts()) {
        Ok(items) => items,
        Err(error) => {
            tracing::warn!(%error, "no tray icon; closing the window quits Lupaus");
            return;
        }
    };
    follow_language(app, spoken, open, quit);
    // Asking the session bus can hang like any D-Bus call, so it runs in its own thread; until
    // it answers yes, closing the window quits.
    let probe = std::thread::Builder::new().name("lupaus-tray-probe".into()).spawn(move || {
        if host::present() {
            shown.store(true, Ordering::SeqCst);
            tracing::info!("tray icon shown; closing the window keeps Lupaus running in the tray");
        } else {
            tracing::warn!("no tray host on this desktop; closing the window quits Lupaus");
        }
    });
    if let Err(error) = probe {
        tracing::warn!(%error, "cannot look for a tray host; closing the window quits Lupaus");
    }
}

/// Rewrites the menu and the tooltip whenever the language spoken changes.
fn follow_language<R: Runtime>(app: &AppHandle<R>, spoken: Spoken, open: MenuItem<R>, quit: MenuItem<R>) {
    let app = app.clone();
    let mut changes = spoken.watch();
    tauri::async_runtime::spawn(async move {
        while changes.changed().await.is_ok() {
            let texts = spoken.texts();
            let count = app.state::<OverdueShown>().0.load(Ordering::SeqCst);
            let rewritten = open.set_text(texts.tray_open).and_then(|()| quit.set_text(texts.tray_quit));
            if let Err(error) = rewritten {
                tracing::warn!(%error, "could not say the tray menu in the new language");
            }
            show_overdue(&app, texts, count);
        }
    });
}

/// The icon with its menu; the menu items are returned to be rewritten in another language.
fn build<R: Runtime>(app: &AppHandle<R>, texts: &'static Texts) -> tauri::Result<(MenuItem<R>, MenuItem<R>)> {
    let open = MenuItem::with_id(app, "open", texts.tray_open, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", texts.tray_quit, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Lupaus")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(on_menu_event)
        .on_tray_icon_event(|tray, event| {
            // Windows and macOS report clicks; Linux tray hosts only open the menu.
            if let TrayIconEvent::Click { button: MouseButton::Left, button_state: MouseButtonState::Up, .. } = event {
                show_main_window(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok((open, quit))
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match event.id().as_ref() {
        "open" => show_main_window(app),
        "quit" => app.exit(0),
        _ => {}
    }
}

/// Shows the overdue count as the tooltip on every platform and, where the host shows one, the
/// icon's label; on the taskbar button as an overlay (Windows) or the window's badge.
pub fn show_overdue<R: Runtime>(app: &AppHandle<R>, texts: &Texts, count: u64) {
    if let Some(shown) = app.try_state::<OverdueShown>() {
        shown.0.store(count, Ordering::SeqCst);
    }
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        show_on_taskbar(&window, count);
    }
    let Some(tray) = app.tray_by_id(TRAY_ID) else { return };
    let label = (count > 0).then(|| count.to_string());
    if let Err(error) = tray.set_tooltip(Some(texts.tray_tooltip(count))).and_then(|()| tray.set_title(label)) {
        tracing::warn!(%error, "could not update the tray icon");
    }
}

/// Windows paints an overlay icon on the taskbar button; it has no badge count.
#[cfg(windows)]
fn show_on_taskbar<R: Runtime>(window: &tauri::WebviewWindow<R>, count: u64) {
    let overlay = crate::badge::overdue_overlay(count)
        .map(|pixels| tauri::image::Image::new_owned(pixels, crate::badge::SIZE, crate::badge::SIZE));
    if let Err(error) = window.set_overlay_icon(overlay) {
        tracing::debug!(%error, "no overlay on the taskbar button");
    }
}

/// macOS's dock and the Linux docks that support it show a badge count.
#[cfg(not(windows))]
fn show_on_taskbar<R: Runtime>(window: &tauri::WebviewWindow<R>, count: u64) {
    if let Err(error) = window.set_badge_count((count > 0).then_some(count as i64)) {
        tracing::debug!(%error, "no badge on the taskbar");
    }
}

pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else { return };
    let shown = window.show().and_then(|()| window.unminimize()).and_then(|()| window.set_focus());
    if let Err(error) = shown {
        tracing::warn!(%error, "could not bring the window forward");
    }
}

/// Closing the main window hides it while the tray can bring it back.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let in_tray = window.try_state::<TrayShown>().is_some_and(|shown| shown.0.load(Ordering::SeqCst));
    if window.label() == MAIN_WINDOW && in_tray {
        api.prevent_close();
        if let Err(error) = window.hide() {
            tracing::warn!(%error, "could not hide the window");
        }
    }
}

#[cfg(target_os = "linux")]
mod host {
    //! On Linux the tray is a StatusNotifierItem: it is only seen if a host (the panel) has
    //! registered with the session's StatusNotifierWatcher.

    pub fn present() -> bool {
        let asked = zbus::block_on(async {
            let connection = zbus::Connection::session().await?;
            let watcher = zbus::Proxy::new(
                &connection,
                "org.kde.StatusNotifierWatcher",
                "/StatusNotifierWatcher",
                "org.kde.StatusNotifierWatcher",
            )
            .await?;
            watcher.get_property::<bool>("IsStatusNotifierHostRegistered").await
        });
        match asked {
            Ok(present) => present,
            Err(error) => {
                tracing::debug!(%error, "no status notifier watcher");
                false
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod host {
    /// Windows and macOS always have a tray (notification area, menu bar).
    pub fn present() -> bool {
        true
    }
}
