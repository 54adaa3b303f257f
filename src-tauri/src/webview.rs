//! WebKitGTK settings for a small desk app, made before GTK starts (issue 8: idle memory).
//!
//! WebKitGTK 2.46+ paints page content with Skia on the GPU through OpenGL. Without a GPU (a
//! virtual desktop, a thin client, Xvfb) that GL is Mesa's llvmpipe, whose buffers and code the
//! web process then holds: measured, painting with Skia on the CPU takes the web process from
//! 203 to 161 MiB PSS, and the app with its WebKit processes from 341 to 298 MiB
//! (docs/measurements.md). Lupaus shows forms and a list; with 1 M cases a click still opened a
//! case in 0.6 s (median; 0.46 s painting on the GPU, on a loaded machine). Switching compositing
//! off altogether saved twice as much, but WebKitWebDriver then never answers a screenshot, so the
//! end-to-end journeys could not run: not done.
//!
//! WebKit reads these variables once, when its first web view is made, so they can only be set in
//! the environment, before any thread starts. A desk that sets one itself keeps its own value.

/// Each variable WebKitGTK reads, with the value Lupaus wants and why.
const WEBKIT_ENVIRONMENT: [(&str, &str); 1] = [
    // Skia paints on the CPU: no GL rendering contexts or GPU tiles in the web process.
    ("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1"),
];

/// Sets the WebKit variables the person has not set themselves. Call it first thing in `main`.
pub fn prepare_environment() {
    for (name, value) in to_set(|name| std::env::var_os(name).is_some()) {
        // SAFETY: `main` calls this before it starts any thread (GTK, tokio, logging), so nothing
        // reads the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(name, value);
        }
    }
}

/// The variables to set: those not already in the environment.
fn to_set(is_set: impl Fn(&str) -> bool) -> Vec<(&'static str, &'static str)> {
    WEBKIT_ENVIRONMENT.into_iter().filter(|(name, _)| !is_set(name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desks_own_setting_is_kept() {
        assert_eq!(to_set(|_| false), vec![("WEBKIT_SKIA_ENABLE_CPU_RENDERING", "1")], "nothing set: ours");
        assert_eq!(to_set(|name| name == "WEBKIT_SKIA_ENABLE_CPU_RENDERING"), vec![], "the desk's own value stays");
    }
}
