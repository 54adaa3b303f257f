//! TLS to a team server that is not on this machine: rustls with the ring provider, trusting
//! the operating system's certificate store (where a company's own CA lives) and Mozilla's roots.
//! A server on this machine (loopback, a Unix socket) is reached in plain text unless its URL
//! asks for `sslmode=require`; every other server only over TLS, whatever its URL says.

use std::sync::{Arc, OnceLock};

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

/// The TLS connector, its trust roots read once per process.
pub(crate) fn connector() -> Result<MakeRustlsConnect, SyncError> {
    static CONFIG: OnceLock<Result<ClientConfig, String>> = OnceLock::new();
    match CONFIG.get_or_init(client_config) {
        Ok(config) => Ok(MakeRustlsConnect::new(config.clone())),
        Err(reason) => Err(SyncError::Server(format!("TLS cannot be set up on this computer: {reason}"))),
    }
}

// ring, not aws-lc-rs: it builds with plain cc for Linux and the mingw Windows target alike.
// rustls 0.23.48 deprecates its provider for lacking post-quantum key exchange; TLS 1.3 with
// X25519 is what a PostgreSQL server offers today.
#[allow(deprecated)]
fn client_config() -> Result<ClientConfig, String> {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let native = rustls_native_certs::load_native_certs();
    let (added, ignored) = roots.add_parsable_certificates(native.certs);
    tracing::debug!(added, ignored, errors = native.errors.len(), "trust roots from the operating system");
    ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|error| error.to_string())
        .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
}
