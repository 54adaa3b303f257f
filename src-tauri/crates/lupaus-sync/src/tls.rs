//! TLS to a team server that is not on this machine: rustls with the ring provider, trusting
//! the operating system's certificate store and Mozilla's roots, plus the team's own
//! certificate authority when the desk was given one (`--ca-file`, kept with its membership).
//! A server on this machine (loopback, a Unix socket) is reached in plain text unless its URL
//! asks for `sslmode=require` or a CA file is given; every other server only over TLS, whatever
//! its URL says.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use tokio_postgres::config::Host;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::SyncError;

/// Whether `host` is this machine: `localhost`, a loopback address, or a Unix socket.
pub(crate) fn is_local(host: &Host) -> bool {
    match host {
        Host::Tcp(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        #[cfg(unix)]
        Host::Unix(_) => true,
    }
}

/// A team's own certificate authority: the certificates of a PEM file, read when the desk is
/// given it and checked to hold at least one.
#[derive(Clone)]
pub struct TeamCa {
    path: PathBuf,
    certs: Arc<Vec<CertificateDer<'static>>>,
}

impl TeamCa {
    pub fn read(path: &Path) -> Result<TeamCa, SyncError> {
        let shown = path.display();
        let bytes = std::fs::read(path).map_err(|error| {
            SyncError::BadInput(format!(
                "The CA certificate file {shown} cannot be read ({error}); give the path of a PEM file."
            ))
        })?;
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&bytes)
            .collect::<Result<_, _>>()
            .map_err(|error| SyncError::BadInput(format!("{shown} is not a PEM certificate file ({error}).")))?;
        if certs.is_empty() {
            return Err(SyncError::BadInput(format!(
                "{shown} holds no certificate (-----BEGIN CERTIFICATE-----); give the team's CA certificate in PEM form."
            )));
        }
        // An absolute path: the app and the CLI may run from other folders later.
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        Ok(TeamCa { path, certs: Arc::new(certs) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The TLS connector: the common trust roots (read once per process), plus `ca` when given.
pub(crate) fn connector(ca: Option<&TeamCa>) -> Result<MakeRustlsConnect, SyncError> {
    static ROOTS: OnceLock<RootCertStore> = OnceLock::new();
    let mut roots = ROOTS.get_or_init(common_roots).clone();
    if let Some(ca) = ca {
        let (added, _) = roots.add_parsable_certificates(ca.certs.iter().cloned());
        if added == 0 {
            let shown = ca.path.display();
            return Err(SyncError::BadInput(format!("{shown} holds no certificate this desk can use as a CA.")));
        }
    }
    client_config(roots)
        .map(MakeRustlsConnect::new)
        .map_err(|reason| SyncError::Server(format!("TLS cannot be set up on this computer: {reason}")))
}

fn common_roots() -> RootCertStore {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let native = rustls_native_certs::load_native_certs();
    let (added, ignored) = roots.add_parsable_certificates(native.certs);
    tracing::debug!(added, ignored, errors = native.errors.len(), "trust roots from the operating system");
    roots
}

// ring, not aws-lc-rs: it builds with plain cc for Linux and the mingw Windows target alike.
// rustls 0.23.48 deprecates its provider for lacking post-quantum key exchange; TLS 1.3 with
// X25519 is what a PostgreSQL server offers today.
#[allow(deprecated)]
fn client_config(roots: RootCertStore) -> Result<ClientConfig, rustls::Error> {
    ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
}
