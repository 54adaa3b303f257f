//! The sync crate's one error type. Codes are stable; messages say what to do.

use lupaus_store::StoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SyncError {
    #[error(
        "The team server {server} cannot be reached ({reason}). This desk keeps working offline; nothing was changed."
    )]
    Unreachable { server: String, reason: String },

    #[error(
        "The team server {server} showed a certificate this desk does not trust ({reason}). If your team uses its own certificate authority, give this desk its certificate (--ca-file, or Settings → Team); nothing was sent."
    )]
    Untrusted { server: String, reason: String },

    #[error(
        "The team server refused the desk's login ({0}). Ask the team's admin for a new secret (lupaus-cli team add-desk) and join again."
    )]
    LoginRefused(String),

    #[error(
        "The team server's schema is version {found}; this Lupaus knows up to {supported}. Update Lupaus on this desk; nothing was changed."
    )]
    SchemaTooNew { found: i32, supported: i32 },

    #[error(
        "The database at {0} holds no Lupaus team schema (version {1}). Run lupaus-cli team server-init against it first."
    )]
    NotInitialised(String, i32),

    #[error("The team server refused this: {0}. Nothing was changed on this desk.")]
    Refused(String),

    #[error("{0}")]
    BadInput(String),

    #[error(
        "The team server does not hold the file of {0}: the desk that added it has not sent it yet, or no longer has it. Try again after that desk has synced."
    )]
    FileNotOnServer(String),

    #[error("This desk is not in a team. Join one with lupaus-cli team join --server URL --desk NAME.")]
    NotInTeam,

    #[error("The desk's secret cannot be read or kept: {0}")]
    Secret(String),

    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("The team server answered with an error: {0}")]
    Server(String),

    /// The desk's own database cannot be used just now (the app shows its recovery screen).
    #[error("The desk's database is not available: {0}")]
    DeskUnavailable(String),
}

impl SyncError {
    /// Stable machine-readable code; never change an existing one.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Unreachable { .. } => "server_unreachable",
            SyncError::Untrusted { .. } => "server_not_trusted",
            SyncError::LoginRefused(_) => "login_refused",
            SyncError::SchemaTooNew { .. } => "server_schema_too_new",
            SyncError::NotInitialised(..) => "server_not_initialised",
            SyncError::Refused(_) => "server_refused",
            SyncError::BadInput(_) => "invalid_input",
            SyncError::FileNotOnServer(_) => "attachment_not_on_server",
            SyncError::NotInTeam => "not_in_team",
            SyncError::Secret(_) => "secret_unavailable",
            SyncError::Store(error) => error.code(),
            SyncError::Server(_) => "server_error",
            SyncError::DeskUnavailable(_) => "database_unavailable",
        }
    }

    /// Sorts a PostgreSQL error: a lost connection, a refused login, a refused event.
    pub(crate) fn from_postgres(server: &str, error: tokio_postgres::Error) -> SyncError {
        use tokio_postgres::error::SqlState;
        if let Some(db) = error.as_db_error() {
            let code = db.code();
            if *code == SqlState::INVALID_PASSWORD || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
                return SyncError::LoginRefused(db.message().to_owned());
            }
            if *code == SqlState::INSUFFICIENT_PRIVILEGE
                || code.code().starts_with("22")
                || code.code().starts_with("23")
                || *code == SqlState::RAISE_EXCEPTION
            {
                return SyncError::Refused(db.message().to_owned());
            }
            return SyncError::Server(db.message().to_owned());
        }
        // No answer from the server: refused, timed out, reset, closed.
        // The cause (refused, reset, a TLS refusal) is in the source chain: the log needs it.
        let mut reason = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            reason.push_str(": ");
            reason.push_str(&cause.to_string());
            source = cause.source();
        }
        // rustls refused the server's certificate: no network fault, and retrying will not help.
        if reason.contains("invalid peer certificate") {
            return SyncError::Untrusted { server: server.to_owned(), reason };
        }
        SyncError::Unreachable { server: server.to_owned(), reason }
    }
}
