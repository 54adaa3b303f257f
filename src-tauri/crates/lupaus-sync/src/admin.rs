//! What the team's admin does with an admin login: create or migrate the team schema, add a
//! desk (its own login role, with a secret shown once), remove one. Role names and secrets are
//! quoted by the server's own `format('%I', '%L')`, never spliced into SQL here.

use serde::Serialize;
use tokio_postgres::Client;
use tokio_postgres::error::SqlState;

use crate::server::ServerAddress;
use crate::{SyncError, schema};

/// A desk just added: its name, its reference code and its secret (shown once).
#[derive(Debug, Clone, Serialize)]
pub struct NewDesk {
    pub desk: String,
    pub code: String,
    pub secret: String,
}

/// A desk's name becomes its role name and the code in its references: 1-12 letters or digits.
pub fn desk_code(name: &str) -> Result<String, SyncError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 12 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(SyncError::BadInput(format!(
            "'{name}' cannot be a desk name: use 1 to 12 letters A-Z or digits, e.g. KASSA2."
        )));
    }
    Ok(name.to_ascii_uppercase())
}

/// Creates or migrates the team schema; returns the versions before and after.
pub async fn server_init(address: &ServerAddress) -> Result<(i32, i32), SyncError> {
    let mut client = address.connect().await?;
    schema::migrate(&mut client, address.shown()).await
}

/// How long a desk's statement or idle transaction may hold the server: a stuck desk must not
/// hold back the snapshot horizon every other desk pulls below.
const DESK_ROLE_SETTINGS: [(&str, &str); 3] =
    [("statement_timeout", "60s"), ("idle_in_transaction_session_timeout", "60s"), ("lock_timeout", "10s")];

pub async fn add_desk(address: &ServerAddress, name: &str) -> Result<NewDesk, SyncError> {
    let code = desk_code(name)?;
    let mut client = address.connect().await?;
    schema::check(&client, address.shown()).await?;
    let secret = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
    let role = address.desk_role(&code);
    // The server stores a SCRAM verifier; the secret itself is never sent, so no server log holds it.
    let verifier = postgres_protocol::password::scram_sha_256(secret.as_bytes());
    let shown = address.shown();
    let pg = |error| SyncError::from_postgres(shown, error);
    let tx = client.transaction().await.map_err(pg)?;
    let create: String = tx
        .query_one(
            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', $1::text, $2::text, current_database() || '_desk')",
            &[&role, &verifier],
        )
        .await
        .map_err(pg)?
        .get(0);
    if let Err(error) = tx.batch_execute(&create).await {
        if error.code() == Some(&SqlState::DUPLICATE_OBJECT) {
            return Err(SyncError::BadInput(format!("A desk named {code} exists already; choose another name.")));
        }
        return Err(pg(error));
    }
    for (setting, value) in DESK_ROLE_SETTINGS {
        let alter: String = tx
            .query_one(
                "SELECT format('ALTER ROLE %I SET %I = %L', $1::text, $2::text, $3::text)",
                &[&role, &setting, &value],
            )
            .await
            .map_err(pg)?
            .get(0);
        tx.batch_execute(&alter).await.map_err(pg)?;
    }
    tx.execute("INSERT INTO lupaus_desks (role_name, desk_code) VALUES ($1, $2)", &[&role, &code]).await.map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    tracing::info!(desk = %code, server = %shown, "desk added to the team");
    Ok(NewDesk { desk: name.trim().to_owned(), code, secret })
}

/// Revokes a desk: it can no longer log in, and any session it has open is ended. Its events
/// stay: they are the team's history.
pub async fn remove_desk(address: &ServerAddress, name: &str) -> Result<(), SyncError> {
    let code = desk_code(name)?;
    let client: Client = address.connect().await?;
    let shown = address.shown();
    let pg = |error| SyncError::from_postgres(shown, error);
    let role = address.desk_role(&code);
    let removed = client
        .execute("UPDATE lupaus_desks SET removed_at = now() WHERE role_name = $1 AND removed_at IS NULL", &[&role])
        .await
        .map_err(pg)?;
    if removed == 0 {
        return Err(SyncError::BadInput(format!("There is no desk {code} in this team.")));
    }
    let alter: String =
        client.query_one("SELECT format('ALTER ROLE %I NOLOGIN', $1::text)", &[&role]).await.map_err(pg)?.get(0);
    client.batch_execute(&alter).await.map_err(pg)?;
    client
        .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", &[&role])
        .await
        .map_err(pg)?;
    Ok(())
}
