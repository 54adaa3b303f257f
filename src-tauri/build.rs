//! Builds the Tauri context. App commands get generated `allow-<command>` permissions, so the
//! window can call only the commands its capability lists (`capabilities/default.json`).

// The one list of the app's commands (also fed to the invoke handler in `src/lib.rs`).
include!("src/command_list.rs");

/// The commands' names, from `area::command` paths.
macro_rules! command_names {
    ($($area:ident::$name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = lupaus_commands!(command_names);

fn main() {
    // Embed the freshly built front end: rebuild when `ui/dist` changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(error) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri-build failed: {error:#}");
    }
}
