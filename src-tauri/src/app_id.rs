//! Lupaus's app id on Windows (its AppUserModelID): the name Windows files the process's
//! windows, taskbar button and toasts under. An unpackaged program gets one only if it asks;
//! without it Windows guesses an id from the executable's path, which matches neither the id the
//! toasts name (reminders/notification.rs) nor the one on the Start-menu shortcut
//! (scripts/windows/lupaus.nsi), and a toast may then be dropped or not click through to Lupaus.

/// Lupaus's own app id, the bundle identifier (tauri.conf.json). The installer registers it
/// (name and icon) and writes it onto the Start-menu shortcut; the process claims it at start.
pub const APP_ID: &str = "fi.lupaus.desk";

/// Why the process could not take Lupaus's app id.
#[derive(Debug, thiserror::Error)]
#[error("could not give this process the app id {APP_ID}: {0}")]
pub struct ClaimError(windows::core::Error);

/// Gives this process Lupaus's app id. Call it before any window exists: Windows reads the id
/// when it files a window under a taskbar button.
pub fn claim_for_process() -> Result<(), ClaimError> {
    let id = windows::core::HSTRING::from(APP_ID);
    // SAFETY: `id` is a NUL-terminated UTF-16 string that outlives the call; Windows copies it.
    #[allow(unsafe_code)]
    unsafe { windows::Win32::UI::Shell::SetCurrentProcessExplicitAppUserModelID(&id) }.map_err(ClaimError)
}

/// The app id this process has claimed (the tests read it back; Windows keeps it).
#[cfg(test)]
pub fn of_process() -> windows::core::Result<String> {
    use windows::Win32::System::Com::CoTaskMemFree;
    // SAFETY: on success Windows hands over a NUL-terminated string allocated with CoTaskMemAlloc;
    // it is read once and then freed exactly once.
    #[allow(unsafe_code)]
    unsafe {
        let id = windows::Win32::UI::Shell::GetCurrentProcessExplicitAppUserModelID()?;
        let text = id.to_string();
        CoTaskMemFree(Some(id.0.cast_const().cast()));
        Ok(text?)
    }
}

#[cfg(test)]
mod tests {
    use windows::Win32::Foundation::E_NOTIMPL;

    /// Whether these tests run under Wine rather than Windows (Wine's ntdll exports its version).
    fn under_wine() -> bool {
        use windows::Win32::System::LibraryLoader::{GetModuleHandleW, GetProcAddress};
        use windows::core::{s, w};
        // SAFETY: both names are static NUL-terminated strings; ntdll is in every process.
        #[allow(unsafe_code)]
        unsafe {
            GetModuleHandleW(w!("ntdll.dll")).is_ok_and(|ntdll| GetProcAddress(ntdll, s!("wine_get_version")).is_some())
        }
    }

    #[test]
    fn the_process_takes_lupauss_app_id() {
        super::claim_for_process().expect("claimed");
        match super::of_process() {
            Ok(id) => assert_eq!(id, "fi.lupaus.desk"),
            // Wine 8 implements neither call (both are stubs in its shcore, measured): there only
            // the claim itself is checked; on Windows the id must read back.
            Err(error) if under_wine() && error.code() == E_NOTIMPL => {}
            Err(error) => panic!("the process's app id cannot be read back: {error}"),
        }
    }
}
