//! A throw-away PostgreSQL for tests: `initdb` into a temporary folder and `pg_ctl start` on a
//! free loopback port, stopped (immediately) when dropped. initdb refuses to run as root, so as
//! root it runs as the `postgres` OS user in a folder made writable for it. No systemd, no fixed
//! port: tests and developers can run side by side.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A running test server. Its admin is `postgres` with a random password (SCRAM over TCP).
pub struct TestServer {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    password: String,
    as_postgres: bool,
    /// More `-c` settings for the server (TLS, more listen addresses: test_tls.rs).
    extra: String,
}

/// The newest PostgreSQL server binaries on this machine (Debian keeps them per version).
fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path().join("bin"))))
        .filter(|(_, bin): &(u32, PathBuf)| bin.join("pg_ctl").exists())
        .collect();
    found.sort();
    match found.pop() {
        Some((version, bin)) if version >= 15 => bin,
        _ => panic!("PostgreSQL 15 or newer is not installed (/usr/lib/postgresql/N/bin); run make setup"),
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    listener.local_addr().expect("port").port()
}

pub(crate) fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

impl TestServer {
    pub fn start() -> TestServer {
        TestServer::start_with(String::new(), |_| {})
    }

    /// A server with `extra` settings; `prepare` gets the data folder after initdb.
    pub(crate) fn start_with(extra: String, prepare: impl FnOnce(&Path)) -> TestServer {
        let bin = bin_dir();
        let dir = tempfile::Builder::new().prefix("lupaus-pg-").tempdir().expect("temp dir");
        let as_postgres = is_root();
        if as_postgres {
            // The postgres OS user writes the data folder and its socket here.
            std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(0o777)).expect("chmod");
        }
        let password = uuid::Uuid::new_v4().simple().to_string();
        let pwfile = dir.path().join("pwfile");
        std::fs::write(&pwfile, &password).expect("pwfile");
        std::fs::set_permissions(&pwfile, std::os::unix::fs::PermissionsExt::from_mode(0o644)).expect("chmod");
        let mut server = TestServer { dir, bin, port: 0, password, as_postgres, extra };
        let data = server.data();
        server.run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--pwfile",
                &pwfile.display().to_string(),
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        prepare(&server.dir.path().join("data"));
        for attempt in 1..=3 {
            server.port = free_port();
            if server.try_start().status.success() {
                return server;
            }
            eprintln!("test server did not start on port {} (attempt {attempt}); log:\n{}", server.port, server.log());
        }
        panic!("the test PostgreSQL server did not start");
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default()
    }

    /// Runs a server binary, as the postgres OS user when we are root.
    fn command(&self, program: &str, args: &[&str]) -> Output {
        let program = self.bin.join(program);
        let output = if self.as_postgres {
            let line: Vec<String> = std::iter::once(program.display().to_string())
                .chain(args.iter().map(|arg| format!("'{}'", arg.replace('\'', "'\\''"))))
                .collect();
            Command::new("su").args(["postgres", "-s", "/bin/sh", "-c", &line.join(" ")]).output()
        } else {
            Command::new(&program).args(args).output()
        };
        output.expect("run a PostgreSQL binary")
    }

    fn run(&self, program: &str, args: &[&str]) {
        let output = self.command(program, args);
        assert!(
            output.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    fn try_start(&self) -> Output {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=60{}",
            self.port,
            self.dir.path().display(),
            self.extra
        );
        let log = self.dir.path().join("log").display().to_string();
        self.command("pg_ctl", &["-D", &self.data(), "-l", &log, "-w", "-t", "30", "-o", &options, "start"])
    }

    /// Starts the server again after [`TestServer::crash`].
    pub fn restart(&self) {
        let output = self.try_start();
        assert!(output.status.success(), "restart failed:\n{}", self.log());
    }

    /// Stops the server at once, as a power cut would (`pg_ctl stop -m immediate`).
    pub fn crash(&self) {
        self.command("pg_ctl", &["-D", &self.data(), "-m", "immediate", "-w", "stop"]);
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// An empty database for one test; returns its admin URL.
    pub fn create_database(&self, name: &str) -> String {
        let output = Command::new(self.bin.join("createdb"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", name])
            .env("PGPASSWORD", &self.password)
            .output()
            .expect("createdb");
        assert!(output.status.success(), "createdb: {}", String::from_utf8_lossy(&output.stderr));
        self.admin_url(name)
    }

    /// Runs a client tool of the same version (pg_dump, pg_restore, dropdb...) as the admin over
    /// TCP, e.g. `tool("pg_dump", &["-Fc", "-f", path, "team"])`; panics when it fails.
    pub fn tool(&self, program: &str, args: &[&str]) {
        let output = Command::new(self.bin.join(program))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres"])
            .args(args)
            .env("PGPASSWORD", &self.password)
            .output()
            .expect("run a PostgreSQL client tool");
        assert!(output.status.success(), "{program}: {}", String::from_utf8_lossy(&output.stderr));
    }

    /// The admin's URL (with its password) for database `name`.
    pub fn admin_url(&self, name: &str) -> String {
        format!("postgres://postgres:{}@127.0.0.1:{}/{name}", self.password, self.port)
    }

    /// A desk's URL, without credentials: the desk brings its role and secret.
    pub fn desk_url(&self, name: &str) -> String {
        format!("postgres://127.0.0.1:{}/{name}", self.port)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.crash();
    }
}

/// A loopback TCP proxy in front of the test server: the test cuts it (every connection through
/// it is closed and new ones are refused) and restores it, as a network cable would.
pub struct Proxy {
    port: u16,
    open: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// While set, new connections are accepted and never answered: a server that hangs.
    stalled: std::sync::Arc<std::sync::atomic::AtomicBool>,
    streams: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
    held: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
    /// Bytes the server may still send before the proxy cuts; negative: no limit.
    budget: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

/// Copies `from` to `to` until either ends; with a budget, cuts both once it is spent.
fn forward(mut from: std::net::TcpStream, mut to: std::net::TcpStream, budget: Option<&std::sync::atomic::AtomicI64>) {
    use std::io::{Read, Write};
    use std::sync::atomic::Ordering;
    let mut buffer = vec![0u8; 16 * 1024];
    while let Ok(read) = from.read(&mut buffer) {
        if read == 0 {
            break;
        }
        let mut send = read;
        if let Some(budget) = budget {
            let left = budget.load(Ordering::SeqCst);
            if left >= 0 {
                send = read.min(left as usize);
                budget.fetch_sub(send as i64, Ordering::SeqCst);
            }
        }
        if to.write_all(&buffer[..send]).is_err() || send < read {
            break;
        }
    }
    let _ = to.shutdown(std::net::Shutdown::Both);
    let _ = from.shutdown(std::net::Shutdown::Both);
}

impl Proxy {
    pub fn start(target_port: u16) -> Proxy {
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("proxy port");
        let port = listener.local_addr().expect("port").port();
        let open = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let streams = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let stalled = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let held = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let budget = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(-1));
        let accept_budget = budget.clone();
        let (accept_open, accept_streams) = (open.clone(), streams.clone());
        let (accept_stalled, accept_held) = (stalled.clone(), held.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if accept_stalled.load(Ordering::SeqCst) {
                    if let Ok(mut held) = accept_held.lock() {
                        held.push(client); // kept open, never answered
                    }
                    continue;
                }
                if !accept_open.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused mid-handshake
                }
                let Ok(upstream) = std::net::TcpStream::connect(("127.0.0.1", target_port)) else { continue };
                let pairs = [
                    (client.try_clone(), upstream.try_clone(), false),
                    (upstream.try_clone(), client.try_clone(), true),
                ];
                if let Ok(mut kept) = accept_streams.lock() {
                    kept.extend([client, upstream]);
                }
                for (from, to, from_server) in pairs {
                    if let (Ok(from), Ok(to)) = (from, to) {
                        let budget = accept_budget.clone();
                        std::thread::spawn(move || forward(from, to, from_server.then_some(&*budget)));
                    }
                }
            }
        });
        Proxy { port, open, stalled, streams, held, budget }
    }

    /// Lets the server send `bytes` more through the proxy, then cuts that connection: a
    /// network that fails in the middle of an answer.
    pub fn cut_after(&self, bytes: i64) {
        self.budget.store(bytes, std::sync::atomic::Ordering::SeqCst);
    }

    /// Closes every connection through the proxy; new ones are accepted and never answered.
    pub fn stall(&self) {
        self.stalled.store(true, std::sync::atomic::Ordering::SeqCst);
        self.cut();
    }

    /// How many connections the stalled proxy holds unanswered.
    pub fn held(&self) -> usize {
        self.held.lock().map(|held| held.len()).unwrap_or_default()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Closes every connection through the proxy and refuses new ones.
    pub fn cut(&self) {
        self.open.store(false, std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut kept) = self.streams.lock() {
            for stream in kept.drain(..) {
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
        }
    }

    pub fn restore(&self) {
        self.budget.store(-1, std::sync::atomic::Ordering::SeqCst);
        self.stalled.store(false, std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut held) = self.held.lock() {
            held.clear();
        }
        self.open.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// A desk's URL for database `name` through this proxy.
    pub fn desk_url(&self, name: &str) -> String {
        format!("postgres://127.0.0.1:{}/{name}", self.port)
    }
}
