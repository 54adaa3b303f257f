//! TLS for the throw-away test server: a certificate authority the test makes (openssl CLI), a
//! server certificate it signs for this machine's names and addresses, and a server that listens
//! on this machine's network address too, as a team's server on another PC would.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::test_server::{TestServer, is_root};

/// A certificate authority made for one test, and a server certificate it signed.
pub struct TestCa {
    dir: tempfile::TempDir,
}

fn openssl(dir: &Path, args: &[&str]) {
    let output =
        Command::new("openssl").current_dir(dir).args(args).output().expect("run openssl (apt-get install openssl)");
    assert!(output.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

impl TestCa {
    /// A CA and a server certificate for `localhost`, 127.0.0.1 and each of `addresses`.
    pub fn new(addresses: &[IpAddr]) -> TestCa {
        let dir = tempfile::Builder::new().prefix("lupaus-ca-").tempdir().expect("temp dir");
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        let mut ca =
            vec!["req", "-x509", "-days", "2", "-subj", "/CN=Lupaus test CA", "-keyout", "ca.key", "-out", "ca.crt"];
        ca.extend(ec);
        ca.extend(["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
        openssl(dir.path(), &ca);
        let mut request = vec!["req", "-subj", "/CN=lupaus-team-server", "-keyout", "server.key", "-out", "server.csr"];
        request.extend(ec);
        openssl(dir.path(), &request);
        let names: Vec<String> = std::iter::once("DNS:localhost".to_owned())
            .chain(std::iter::once("IP:127.0.0.1".to_owned()))
            .chain(addresses.iter().map(|address| format!("IP:{address}")))
            .collect();
        let extensions = format!(
            "subjectAltName={}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
            names.join(",")
        );
        std::fs::write(dir.path().join("server.ext"), extensions).expect("extensions");
        openssl(
            dir.path(),
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-out",
                "server.crt",
                "-extfile",
                "server.ext",
            ],
        );
        TestCa { dir }
    }

    /// The CA's certificate (PEM): what a team gives its desks.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("ca.crt")
    }
}

/// This machine's address on its network (not loopback): the one a packet to another network
/// would leave from. Nothing is sent; a UDP socket only picks its route.
pub fn outward_address() -> IpAddr {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").expect("a UDP socket");
    socket.connect("203.0.113.1:9").expect("this machine has no network route: the TLS tests need one");
    let address = socket.local_addr().expect("local address").ip();
    assert!(!address.is_loopback(), "no address off loopback: {address}");
    address
}

fn id_of(flag: &str) -> u32 {
    let output = Command::new("id").args([flag, "postgres"]).output().expect("id");
    String::from_utf8_lossy(&output.stdout).trim().parse().expect("the postgres OS user")
}

impl TestServer {
    /// A server that also listens on `address` (this machine's network address) and accepts
    /// password logins from there; with `ca`, TLS is on with the certificate `ca` signed.
    pub fn start_networked(address: IpAddr, ca: Option<&TestCa>) -> TestServer {
        let mut extra = format!(" -c listen_addresses=127.0.0.1,{address}");
        if ca.is_some() {
            extra.push_str(" -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key");
        }
        TestServer::start_with(extra, |data| {
            let hba = data.join("pg_hba.conf");
            let mut rules = std::fs::read_to_string(&hba).expect("pg_hba.conf");
            rules.push_str("host all all 0.0.0.0/0 scram-sha-256\n");
            std::fs::write(&hba, rules).expect("pg_hba.conf");
            let Some(ca) = ca else { return };
            for file in ["server.crt", "server.key"] {
                let target = data.join(file);
                std::fs::copy(ca.dir.path().join(file), &target).expect("copy the server's certificate");
                // PostgreSQL reads its key only when nobody else can.
                std::fs::set_permissions(&target, std::os::unix::fs::PermissionsExt::from_mode(0o600)).expect("chmod");
                if is_root() {
                    std::os::unix::fs::chown(&target, Some(id_of("-u")), Some(id_of("-g"))).expect("chown");
                }
            }
        })
    }
}
