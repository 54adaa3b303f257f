//! Every example in `--help` (lines starting `$ lupaus-cli`, on every help page, found by walking
//! the commands) and every `lupaus-cli` line in the README's `sh` blocks runs as printed, through
//! `sh`, on a desk holding case R-2026-000001 (issue 19). The README's team-mode examples are the
//! exception: they need a team server (PostgreSQL at localhost) and are not run here yet.
//! Unix only: the examples are shell lines, run by `sh` as a person would paste them.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-03-02T08:00:00Z";

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_lupaus-cli")
}

/// The help page of `path` (a command path such as `["case", "act"]`).
fn help(path: &[String]) -> String {
    let output = Command::new(binary()).args(path).arg("--help").output().expect("help");
    assert!(output.status.success(), "{path:?} --help");
    String::from_utf8(output.stdout).expect("help is UTF-8")
}

/// Every help page's examples, walking the `Commands:` lists down from the top.
fn help_examples() -> Vec<String> {
    let mut examples = Vec::new();
    let mut pending = vec![Vec::<String>::new()];
    while let Some(path) = pending.pop() {
        let page = help(&path);
        examples.extend(page.lines().filter_map(|line| line.trim().strip_prefix("$ ").map(str::to_owned)));
        let commands = page.lines().skip_while(|line| *line != "Commands:").skip(1);
        for line in commands.take_while(|line| line.starts_with("  ")) {
            let name = line.split_whitespace().next().unwrap_or_default();
            if name != "help" {
                pending.push(path.iter().cloned().chain([name.to_owned()]).collect());
            }
        }
    }
    examples
}

fn readme_examples() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../README.md")).expect("README.md");
    let mut examples = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        match line.trim() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            // Team mode's examples need a PostgreSQL team server at localhost; not run here (yet).
            command if in_sh && command.contains(" team ") => {}
            command if in_sh && command.starts_with("lupaus-cli ") => examples.push(command.to_owned()),
            _ => {}
        }
    }
    examples
}

/// A desk in a temporary folder with one case, R-2026-000001, and a PIN file.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let desk = Desk { dir: tempfile::tempdir().expect("temp dir") };
        std::fs::write(desk.dir.path().join("pin.txt"), "4821\n").expect("pin file");
        desk.run("lupaus-cli person add Aino --role lead");
        desk.run("lupaus-cli case create --customer Maija --description 'Pesukone vuotaa' --requested-remedy Korjaus");
        desk
    }

    /// Runs `line` through `sh` as a person would type it, with `lupaus-cli` on the PATH.
    fn run(&self, line: &str) {
        let bin_dir: PathBuf = Path::new(binary()).parent().expect("bin dir").to_owned();
        let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
        let output = Command::new("sh")
            .args(["-c", line])
            .current_dir(self.dir.path())
            .env("PATH", path)
            .env("LUPAUS_DB", self.dir.path().join("lupaus.db"))
            .env("LUPAUS_NOW", NOW)
            .env("LUPAUS_PERSON", "Aino")
            .output()
            .expect("sh");
        assert!(output.status.success(), "{line}\n{}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn every_help_example_runs_as_printed() {
    let examples = help_examples();
    assert!(examples.len() >= 6, "{examples:?}");
    for example in examples {
        Desk::new().run(&example);
    }
}

#[test]
fn the_readmes_examples_run_as_printed_in_order() {
    let examples = readme_examples();
    assert!(examples.len() >= 5, "{examples:?}");
    let desk = Desk::new();
    for example in examples {
        desk.run(&example);
    }
}
