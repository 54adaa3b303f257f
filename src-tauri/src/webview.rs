//! WebKitGTK settings for a small desk app, made before GTK starts (issue 8: idle memory).
//!
//! Lupaus shows forms and a list: it needs no GPU. Yet WebKitGTK 2.50 composites the page with
//! OpenGL and GTK probes GL when it opens the display; without a GPU (a virtual desktop, a thin
//! client, Xvfb) that GL is Mesa's llvmpipe, and each process that starts it holds libLLVM's
//! relocated pages and code. Measured with the app and its WebKit processes as summed PSS
//! (docs/measurements.md, release build, under Xvfb):
//!
//! - compositing and the DMA-BUF renderer off: the page is painted on the CPU into shared memory,
//!   and the web process drops llvmpipe's buffers and threads: 315 → 250 MiB with 1 M cases. The
//!   window paints correctly, and the first case row and a click on it came no later (0.93 s and
//!   0.24 s warm, against 1.08–1.31 s and 0.31–0.42 s with compositing on); WebKitWebDriver then
//!   never answers a screenshot, so the end-to-end journeys take theirs from the X display.
//! - with compositing off, nothing in the app's own process paints with GL, so GTK's GL probe is
//!   turned off (`GDK_GL=disable`) and, when the machine has no GPU render node, WebKit is told so
//!   instead of starting Mesa to look for one: libLLVM leaves the app's process, 250 → 234 MiB
//!   with 1 M cases (230 → 213 MiB empty). The web process still loads Mesa: it cannot start
//!   without EGL.
//! - Skia painting on the CPU is kept for a desk that turns compositing back on: 349 → 315 MiB.
//! - JavaScriptCore without its JIT compilers: 220 → 213 MiB with 1 M cases. The first case row
//!   came as fast, a click on a case perhaps 0.05 s slower, both inside the run-to-run noise; the
//!   page's scripts are small and event-driven, rarely hot enough for the JIT to pay back.
//!
//! WebKit and GTK read these variables once, when the display opens and the first web view is
//! made, so they can only be set in the environment, before any thread starts. A desk that sets one
//! itself keeps its own value; one that turns compositing back on
//! (`WEBKIT_DISABLE_COMPOSITING_MODE=0`) gets GL in both processes again, as WebKit needs it then.

/// Each variable WebKitGTK (and its JavaScriptCore) reads, with the value Lupaus wants and why.
const WEBKIT_ENVIRONMENT: [(&str, &str); 4] = [
    // Paint the page on the CPU into shared memory: no GL compositor in the web process.
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    // No GPU buffers shared between the processes either.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // Skia paints on the CPU also when a desk turns compositing back on.
    ("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1"),
    // The page's scripts run in JavaScriptCore's interpreter: no JIT code or compiler memory.
    ("JSC_useJIT", "0"),
];

/// Only with compositing off: then the app's own process draws the page without GL.
const WITHOUT_COMPOSITING: [(&str, &str); 1] = [
    // GTK opens GL on an X display only to pick visuals for GL drawing, which nothing here does.
    ("GDK_GL", "disable"),
];

/// Only with compositing off and no GPU render node: WebKit would otherwise start Mesa's
/// software GL in the app's process just to ask which render node to hand the web process.
const NO_RENDER_NODE: (&str, &str) = ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/null");

/// Sets the WebKit variables the person has not set themselves. Call it first thing in `main`.
pub fn prepare_environment() {
    let desk = |name: &str| std::env::var(name).ok();
    for (name, value) in to_set(desk, has_render_node()) {
        // SAFETY: `main` calls this before it starts any thread (GTK, tokio, logging), so nothing
        // reads the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(name, value);
        }
    }
}

/// Whether the machine has a GPU render node (`/dev/dri/renderD128` and so on).
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| entries.flatten().any(|entry| entry.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

/// The variables to set, given the desk's own (`desk` reads one) and whether a GPU is there.
fn to_set(desk: impl Fn(&str) -> Option<String>, has_render_node: bool) -> Vec<(&'static str, &'static str)> {
    let mut wanted = WEBKIT_ENVIRONMENT.to_vec();
    let compositing_off = desk("WEBKIT_DISABLE_COMPOSITING_MODE").is_none_or(|value| value == "1");
    if compositing_off {
        wanted.extend(WITHOUT_COMPOSITING);
        if !has_render_node {
            wanted.push(NO_RENDER_NODE);
        }
    }
    wanted.into_iter().filter(|(name, _)| desk(name).is_none()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A desk environment holding `pairs`.
    fn desk(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
    }

    fn names(set: &[(&str, &str)]) -> Vec<String> {
        set.iter().map(|(name, value)| format!("{name}={value}")).collect()
    }

    #[test]
    fn nothing_set_and_no_gpu_means_no_gl_in_the_apps_process() {
        assert_eq!(
            names(&to_set(desk(&[]), false)),
            [
                "WEBKIT_DISABLE_COMPOSITING_MODE=1",
                "WEBKIT_DISABLE_DMABUF_RENDERER=1",
                "WEBKIT_SKIA_ENABLE_CPU_RENDERING=1",
                "JSC_useJIT=0",
                "GDK_GL=disable",
                "WEBKIT_WEB_RENDER_DEVICE_FILE=/dev/null",
            ]
        );
    }

    #[test]
    fn a_gpu_render_node_is_left_for_webkit_to_find() {
        let set = names(&to_set(desk(&[]), true));
        assert!(set.contains(&"GDK_GL=disable".to_owned()), "{set:?}");
        assert!(!set.iter().any(|pair| pair.starts_with("WEBKIT_WEB_RENDER_DEVICE_FILE")), "{set:?}");
    }

    #[test]
    fn a_desks_own_setting_is_kept() {
        let set = names(&to_set(desk(&[("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "0"), ("GDK_GL", "always")]), false));
        assert!(!set.iter().any(|pair| pair.starts_with("WEBKIT_SKIA_ENABLE_CPU_RENDERING")), "{set:?}");
        assert!(!set.iter().any(|pair| pair.starts_with("GDK_GL")), "{set:?}");
        assert!(set.contains(&"WEBKIT_DISABLE_COMPOSITING_MODE=1".to_owned()), "{set:?}");
    }

    #[test]
    fn a_desk_that_turns_compositing_back_on_keeps_gl() {
        assert_eq!(
            names(&to_set(desk(&[("WEBKIT_DISABLE_COMPOSITING_MODE", "0")]), false)),
            ["WEBKIT_DISABLE_DMABUF_RENDERER=1", "WEBKIT_SKIA_ENABLE_CPU_RENDERING=1", "JSC_useJIT=0"]
        );
    }
}
