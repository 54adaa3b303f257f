//! Starting Lupaus at login. On Linux this is an XDG autostart entry,
//! `$XDG_CONFIG_HOME/autostart/fi.lupaus.desk.desktop` (`~/.config` when the variable is unset).
//! On Windows it is a value in the current user's Run key and on macOS a launch agent, both kept
//! by the `auto-launch` crate ([`LoginItem`]); no administrator rights are needed anywhere.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::IpcError;

pub const ENTRY_FILE: &str = "fi.lupaus.desk.desktop";

#[derive(Debug, thiserror::Error)]
pub enum AutostartError {
    #[error("Starting Lupaus at login is not available on this system; use its own startup settings instead.")]
    Unsupported,
    #[cfg(not(target_os = "linux"))]
    #[error("Could not change the programs that start at login ({place}): {reason}")]
    LoginItem { place: &'static str, reason: String },
    #[error("Cannot tell where your login programs are kept: neither XDG_CONFIG_HOME nor HOME is set.")]
    NoConfigDir,
    #[error("The path of the Lupaus program cannot be written into a login entry: {0}")]
    BadProgramPath(String),
    #[error("Could not change {path}: {source}. Check that the folder is writable.")]
    Io { path: PathBuf, source: io::Error },
}

impl From<AutostartError> for IpcError {
    fn from(error: AutostartError) -> Self {
        let code = match error {
            AutostartError::Unsupported => "unsupported_platform",
            AutostartError::NoConfigDir | AutostartError::BadProgramPath(_) => "autostart_unavailable",
            AutostartError::Io { .. } => "autostart_failed",
            #[cfg(not(target_os = "linux"))]
            AutostartError::LoginItem { .. } => "autostart_failed",
        };
        IpcError::new(code, &error.to_string())
    }
}

/// Whether Lupaus starts at login, and the file that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AutostartStatus {
    pub enabled: bool,
    pub entry_path: String,
}

/// Where the entry goes and which program it starts; resolved once at start.
#[derive(Debug)]
pub struct Autostart {
    entry: Option<PathBuf>,
    program: PathBuf,
    login_item: Option<LoginItem>,
}

impl Autostart {
    /// For this process: its environment and its own executable (the AppImage, when run as one).
    pub fn for_this_process() -> Autostart {
        let program = std::env::var_os("APPIMAGE")
            .map(PathBuf::from)
            .or_else(|| std::env::current_exe().ok())
            .unwrap_or_else(|| PathBuf::from("lupaus"));
        Autostart::from_env(|name| std::env::var_os(name), program)
    }

    /// Resolves the entry's path from environment variables read through `var`.
    pub fn from_env(var: impl Fn(&str) -> Option<OsString>, program: PathBuf) -> Autostart {
        let absolute = |value: OsString| Some(PathBuf::from(value)).filter(|path| path.is_absolute());
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        let config = var("XDG_CONFIG_HOME")
            .and_then(absolute)
            .or_else(|| var("HOME").and_then(absolute).map(|home| home.join(".config")));
        let entry = config.filter(|_| cfg!(target_os = "linux")).map(|dir| dir.join("autostart").join(ENTRY_FILE));
        let login_item = login_item_for(&program);
        Autostart { entry, program, login_item }
    }

    fn entry(&self) -> Result<&Path, AutostartError> {
        match &self.entry {
            Some(entry) => Ok(entry),
            None if cfg!(target_os = "linux") => Err(AutostartError::NoConfigDir),
            None => Err(AutostartError::Unsupported),
        }
    }

    /// Whether Lupaus starts at login: the OS's login item where there is one, else the entry.
    pub fn status(&self) -> Result<AutostartStatus, AutostartError> {
        if let Some(item) = &self.login_item {
            return login_item_status(item);
        }
        let entry = self.entry()?;
        let enabled = match std::fs::read_to_string(entry) {
            Ok(text) => is_enabled(&text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(source) => return Err(AutostartError::Io { path: entry.to_owned(), source }),
        };
        Ok(AutostartStatus { enabled, entry_path: entry.display().to_string() })
    }

    /// Writes the entry (replacing it whole, so a crash never leaves half a file) or removes it.
    pub fn set(&self, enabled: bool) -> Result<AutostartStatus, AutostartError> {
        if let Some(item) = &self.login_item {
            set_login_item(item, enabled)?;
            return login_item_status(item);
        }
        let entry = self.entry()?;
        let io_error = |source| AutostartError::Io { path: entry.to_owned(), source };
        if enabled {
            let text = desktop_entry(&self.program)?;
            let dir = entry.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir).map_err(io_error)?;
            let partial = entry.with_extension("desktop.partial");
            std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, entry)).map_err(io_error)?;
        } else {
            match std::fs::remove_file(entry) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(io_error(error)),
                _ => {}
            }
        }
        self.status()
    }
}

/// The OS's own list of login programs (Windows, macOS). Linux has none: the XDG entry above is
/// written directly.
#[cfg(not(target_os = "linux"))]
pub type LoginItem = auto_launch::AutoLaunch;
#[cfg(target_os = "linux")]
#[derive(Debug)]
pub enum LoginItem {}

/// Where the login item lives, as the settings page shows it.
#[cfg(not(target_os = "linux"))]
const LOGIN_ITEM_PLACE: &str = if cfg!(windows) {
    r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Lupaus"
} else {
    "~/Library/LaunchAgents/Lupaus.plist"
};

/// The login item that starts `program`; `None` where its path is not text.
#[cfg(not(target_os = "linux"))]
fn login_item_for(program: &Path) -> Option<LoginItem> {
    use auto_launch::{AutoLaunchBuilder, MacOSLaunchMode, WindowsEnableMode};
    let path = program.to_str()?;
    // The Run key's value is a command line: quoted, a path with spaces is one program.
    let path = if cfg!(windows) { format!("\"{path}\"") } else { path.to_owned() };
    AutoLaunchBuilder::new()
        .set_app_name("Lupaus")
        .set_app_path(&path)
        // The current user's Run key only. The crate's default (and so Tauri's autostart plugin)
        // writes the whole machine's key when it may, starting Lupaus for every person on a
        // shared PC whenever an administrator ticked the box.
        .set_windows_enable_mode(WindowsEnableMode::CurrentUser)
        .set_macos_launch_mode(MacOSLaunchMode::LaunchAgent)
        .build()
        .ok()
}

#[cfg(target_os = "linux")]
fn login_item_for(_program: &Path) -> Option<LoginItem> {
    None
}

#[cfg(not(target_os = "linux"))]
fn login_item_status(item: &LoginItem) -> Result<AutostartStatus, AutostartError> {
    let enabled = item.is_enabled().map_err(login_item_error)?;
    Ok(AutostartStatus { enabled, entry_path: LOGIN_ITEM_PLACE.into() })
}

#[cfg(not(target_os = "linux"))]
fn set_login_item(item: &LoginItem, enabled: bool) -> Result<(), AutostartError> {
    if enabled { item.enable() } else { item.disable() }.map_err(login_item_error)
}

#[cfg(not(target_os = "linux"))]
fn login_item_error(error: auto_launch::Error) -> AutostartError {
    AutostartError::LoginItem { place: LOGIN_ITEM_PLACE, reason: error.to_string() }
}

#[cfg(target_os = "linux")]
fn login_item_status(item: &LoginItem) -> Result<AutostartStatus, AutostartError> {
    match *item {}
}

#[cfg(target_os = "linux")]
fn set_login_item(item: &LoginItem, _enabled: bool) -> Result<(), AutostartError> {
    match *item {}
}

/// An entry counts unless it is hidden or switched off (as desktops do to disable it).
fn is_enabled(text: &str) -> bool {
    !text.lines().map(str::trim).any(|line| line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false")
}

fn desktop_entry(program: &Path) -> Result<String, AutostartError> {
    let exec = exec_argument(program)?;
    Ok(format!(
        "[Desktop Entry]\nType=Application\nName=Lupaus\nComment=Complaint and reclamation desk\n\
         Exec={exec}\nIcon=lupaus\nTerminal=false\nX-GNOME-Autostart-enabled=true\n"
    ))
}

/// The program path as one quoted `Exec` argument, escaped as the Desktop Entry spec asks:
/// `"`, `` ` ``, `$` and `\` inside quotes, then `\` again and `%` for the string value.
fn exec_argument(program: &Path) -> Result<String, AutostartError> {
    let path = program.to_str().ok_or_else(|| AutostartError::BadProgramPath(program.display().to_string()))?;
    if path.chars().any(char::is_control) {
        return Err(AutostartError::BadProgramPath(path.escape_debug().to_string()));
    }
    let mut quoted = String::from("\"");
    for c in path.chars() {
        match c {
            '"' | '`' | '$' => quoted.extend(['\\', c]),
            '\\' => quoted.push_str("\\\\\\\\"),
            '%' => quoted.push_str("%%"),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    Ok(quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    fn resolved(vars: &[(&str, &str)]) -> Option<PathBuf> {
        let vars: Vec<(String, OsString)> = vars.iter().map(|(k, v)| (k.to_string(), OsString::from(v))).collect();
        let lookup = |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Autostart::from_env(lookup, PathBuf::from("/usr/bin/lupaus")).entry
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_entry_follows_xdg_config_home_then_home() {
        let entry = |dir: &str| Some(PathBuf::from(dir).join("autostart/fi.lupaus.desk.desktop"));
        assert_eq!(resolved(&[("XDG_CONFIG_HOME", "/x/conf"), ("HOME", "/home/a")]), entry("/x/conf"));
        assert_eq!(resolved(&[("HOME", "/home/a")]), entry("/home/a/.config"));
        assert_eq!(resolved(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/home/a")]), entry("/home/a/.config"));
        assert_eq!(resolved(&[]), None);
    }

    #[test]
    fn the_program_path_is_quoted_and_escaped_for_exec() {
        let exec = |path: &str| exec_argument(Path::new(path)).expect("valid path");
        assert_eq!(exec("/usr/bin/lupaus"), r#""/usr/bin/lupaus""#);
        assert_eq!(exec("/opt/My Apps/100% $HOME/lupaus"), r#""/opt/My Apps/100%% \$HOME/lupaus""#);
        assert_eq!(exec(r"/a\b"), r#""/a\\\\b""#);
        assert!(exec_argument(Path::new("/a\nb")).is_err());
    }

    #[test]
    fn a_hidden_or_switched_off_entry_is_not_enabled() {
        assert!(is_enabled("[Desktop Entry]\nExec=lupaus\n"));
        assert!(!is_enabled("[Desktop Entry]\nHidden=true\n"));
        assert!(!is_enabled("[Desktop Entry]\nX-GNOME-Autostart-enabled=false\n"));
    }
}
