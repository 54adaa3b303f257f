//! The hosts (the app's Tauri shell and `lupaus-cli`) act on the desk only through [`Desk`]:
//! none of their code calls a method of the store that writes. This reads their sources, so a
//! host that starts driving the store directly fails here, in `cargo test`.
//!
//! The store's writing methods are found in its own source (`pub fn name(&mut self`), so a new
//! one is covered without editing this list. A call counts as going through the desk when the
//! receiver on its line names the desk (`state.desk()?.x(`, `context.desk.x(`, `desk.x(`).
//! Allowed below the desk, by design: the generators and measurements (`lupaus-cli`'s `demo`,
//! `bench` and the `crash-writer` test tool write synthetic history at chosen times and people),
//! and tests.

use std::path::{Path, PathBuf};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../..");

/// Host source folders, and the files in them that may work below the desk.
const HOSTS: &[(&str, &[&str])] =
    &[("src-tauri/src", &[]), ("src-tauri/crates/lupaus-cli/src", &["bench/", "demo.rs", "bin/"])];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// `name` for every `pub fn name(&mut self` of the store crate.
fn store_write_methods() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&Path::new(WORKSPACE).join("src-tauri/crates/lupaus-store/src"), &mut files);
    let mut names: Vec<String> = files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).expect("read");
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            joined
                .match_indices("pub fn ")
                .filter_map(|(at, _)| {
                    let rest = &joined[at + 7..];
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    let after = &rest[name.len()..];
                    let params = after.trim_start_matches(|c| c != '(').trim_start_matches('(').trim_start();
                    params.starts_with("&mut self").then_some(name)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The host lines (test code left out) that call a store writing method other than through the desk.
fn violations(write_methods: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (folder, below_the_desk) in HOSTS {
        let root = Path::new(WORKSPACE).join(folder);
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        for file in files {
            let relative = file.strip_prefix(&root).expect("inside").to_string_lossy().replace('\\', "/");
            let is_test = relative.contains("test");
            if is_test || below_the_desk.iter().any(|allowed| relative.starts_with(allowed)) {
                continue;
            }
            let text = std::fs::read_to_string(&file).expect("read");
            // Unit tests at the end of a file are test code too.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (number, line) in code.lines().enumerate() {
                let line = line.split("//").next().unwrap_or_default();
                if line.contains("store_mut(") {
                    found.push(format!("{folder}/{relative}:{}: {}", number + 1, line.trim()));
                    continue;
                }
                for method in write_methods {
                    let Some(at) = line.find(&format!(".{method}(")) else { continue };
                    if !line[..at].contains("desk") {
                        found.push(format!("{folder}/{relative}:{}: {}", number + 1, line.trim()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn hosts_never_call_the_stores_writing_methods_directly() {
    let write_methods = store_write_methods();
    for expected in ["create_case", "act_on_case", "make_promise", "save_desk_settings", "import_file"] {
        assert!(write_methods.iter().any(|name| name == expected), "found the store's writes: {write_methods:?}");
    }
    let found = violations(&write_methods);
    assert!(found.is_empty(), "hosts drive the store directly; call a Desk method instead:\n{}", found.join("\n"));
}
