//! The team server's schema: embedded, versioned, append-only migrations applied in one
//! transaction under an advisory lock. A server whose schema is newer than this build knows is
//! refused, as a desk refuses a newer SQLite file.

use tokio_postgres::{Client, GenericClient};

use crate::SyncError;

/// Migration `n` (1-based) brings the server from version `n - 1` to `n`. Never edit one that
/// has shipped; add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_events.sql"),
    include_str!("migrations/0002_notify.sql"),
    include_str!("migrations/0003_team_log.sql"),
    include_str!("migrations/0004_team_board.sql"),
    include_str!("migrations/0005_files.sql"),
    include_str!("migrations/0006_live_cases_first.sql"),
];

/// The schema version this build writes and understands.
pub const SERVER_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// The version the server's database holds; 0 for an empty database.
pub async fn version(client: &impl GenericClient, server: &str) -> Result<i32, SyncError> {
    let pg = |error| SyncError::from_postgres(server, error);
    // Two statements: PostgreSQL resolves every table a statement names before running it.
    let exists: bool =
        client.query_one("SELECT to_regclass('lupaus_schema') IS NOT NULL", &[]).await.map_err(pg)?.get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_opt("SELECT version FROM lupaus_schema WHERE id = 1", &[]).await.map_err(pg)?;
    Ok(row.map_or(0, |row| row.get(0)))
}

/// Refuses a server whose schema this build cannot use: newer, or not initialised yet.
pub async fn check(client: &impl GenericClient, server: &str) -> Result<(), SyncError> {
    match version(client, server).await? {
        found if found > SERVER_SCHEMA_VERSION => {
            Err(SyncError::SchemaTooNew { found, supported: SERVER_SCHEMA_VERSION })
        }
        found if found < SERVER_SCHEMA_VERSION => Err(SyncError::NotInitialised(server.to_owned(), found)),
        _ => Ok(()),
    }
}

/// Creates or migrates the team schema; returns the versions before and after. All pending
/// migrations commit together or not at all; two admins running it at once take turns.
pub async fn migrate(client: &mut Client, server: &str) -> Result<(i32, i32), SyncError> {
    let pg = |error| SyncError::from_postgres(server, error);
    let tx = client.transaction().await.map_err(pg)?;
    tx.execute("SELECT pg_advisory_xact_lock(hashtext('lupaus-team-schema'))", &[]).await.map_err(pg)?;
    let before = version(&tx, server).await?;
    if before > SERVER_SCHEMA_VERSION {
        return Err(SyncError::SchemaTooNew { found: before, supported: SERVER_SCHEMA_VERSION });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(before as usize) {
        tracing::info!(version = index + 1, "applying team server migration");
        tx.batch_execute(sql).await.map_err(pg)?;
    }
    tx.execute("UPDATE lupaus_schema SET version = $1 WHERE id = 1", &[&SERVER_SCHEMA_VERSION]).await.map_err(pg)?;
    tx.commit().await.map_err(pg)?;
    Ok((before, SERVER_SCHEMA_VERSION))
}
