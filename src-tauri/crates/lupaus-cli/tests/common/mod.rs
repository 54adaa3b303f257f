//! What the command-line tests share: a database in a temporary folder, and one way to run
//! `lupaus-cli` on it.
// Each test file uses the part it needs.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A database path in a folder that is removed when the returned `TempDir` is dropped.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lupaus.db");
    (dir, db)
}

/// How a test runs `lupaus-cli`: `--db DB --json --now NOW --person PERSON ARGS...`, the
/// database and the time only when given.
pub struct Cli<'a> {
    pub db: Option<&'a Path>,
    pub now: Option<&'a str>,
    pub person: &'a str,
}

impl Cli<'_> {
    /// Runs the command with `args` and `stdin` as its input, and waits for it.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_lupaus-cli"));
        if let Some(db) = self.db {
            command.arg("--db").arg(db);
        }
        command.arg("--json");
        if let Some(now) = self.now {
            command.args(["--now", now]);
        }
        let mut child = command
            .args(["--person", self.person])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run lupaus-cli");
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(stdin.as_bytes()).expect("write stdin");
        drop(input);
        child.wait_with_output().expect("wait for lupaus-cli")
    }
}
