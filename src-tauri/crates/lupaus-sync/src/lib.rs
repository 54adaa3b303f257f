//! Team mode's network side (issue 16). Every desk keeps its own SQLite store and works offline;
//! this crate moves events between a desk's store and the team's PostgreSQL server:
//!
//! - [`schema`]: the server's tables as versioned, append-only migrations; a newer schema is refused.
//! - [`admin`]: what the team's admin does: create the schema, add and remove desks (roles).
//! - [`server`]: a desk's connection, the idempotent push and the snapshot-horizon pull.
//! - [`round`]: one sync round (push everything pending, pull until caught up) and joining.
//! - `live_first`: a desk pulling from the start takes the open cases first.
//! - [`access`]: how a round reaches a desk that is owned, or shared and locked one step at a time.
//! - [`files`]: attachments' bytes, uploaded once per hash and fetched when first opened.
//! - [`live`]: the background task of a desk that is online: push after a save, pull on a wake-up.
//! - [`secret`]: where a desk keeps the secret of its login.
//!
//! A standalone desk never uses this crate: nothing here runs unless a desk joins a team.

pub mod access;
pub mod admin;
mod beside;
mod error;
pub mod files;
pub mod live;
mod live_first;
mod parts;
pub mod round;
pub mod schema;
pub mod secret;
pub mod server;
// Debian's PostgreSQL binaries, `su` and Unix permission bits: the server tests run on Unix only.
#[cfg(all(feature = "test-server", unix))]
pub mod test_server;
#[cfg(all(feature = "test-server", unix))]
pub mod test_tls;
mod tls;

pub use error::SyncError;
