//! The command line's team words: conflicts, team settings, people and team mode itself.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ConflictCommand {
    /// Changes recorded on two desks at once whose losing side waits for a lead (leads only).
    List {
        /// Also the conflicts a lead has resolved.
        #[arg(long)]
        all: bool,
    },
    /// Resolve a conflict: the outcome the team's order chose stands and the flag clears on
    /// every desk once synced (leads only).
    Resolve {
        /// The losing event's id, as `conflict list` prints it.
        event_id: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Print the desk settings as JSON.
    Show,
    /// Replace the desk settings with a JSON file (team leads only).
    Set { file: PathBuf },
    /// The settings audit trail: each change, by whom, when, what changed (team leads only).
    History,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person or change their role (team leads; anyone for a new desk's first lead).
    Add {
        name: String,
        /// agent or lead.
        #[arg(long, default_value = "agent")]
        role: String,
    },
    List,
    /// Take a person off the desk's list (team leads only); their name stays on their work.
    Deactivate {
        name: String,
    },
    /// Set your own PIN (4 to 8 digits), read as one line from standard input so it stays out of
    /// the shell history.
    #[command(after_help = "Example:\n  $ lupaus-cli --person Aino person set-pin Aino < pin.txt")]
    SetPin {
        name: String,
    },
    /// Clear a PIN: your own, or anyone's as a team lead (a forgotten PIN).
    ClearPin {
        name: String,
    },
}

/// Team mode: several desks share one PostgreSQL server and keep working offline.
#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Create or migrate the team schema in a PostgreSQL database (admin login; libpq URL,
    /// PGPASSWORD honoured).
    ServerInit {
        #[arg(long)]
        server: String,
        /// The team's own CA certificate (PEM), trusted beside the system's roots; means TLS.
        #[arg(long)]
        ca_file: Option<std::path::PathBuf>,
    },
    /// Create a desk's own login; prints its secret once (`{"desk","secret"}` with --json).
    AddDesk {
        #[arg(long)]
        server: String,
        /// 1-12 letters or digits; also the code in the desk's case references.
        #[arg(long)]
        desk: String,
        /// The team's own CA certificate (PEM), trusted beside the system's roots; means TLS.
        #[arg(long)]
        ca_file: Option<std::path::PathBuf>,
    },
    /// Revoke a desk's login: it can no longer push or pull. Its events stay.
    RemoveDesk {
        #[arg(long)]
        server: String,
        #[arg(long)]
        desk: String,
        /// The team's own CA certificate (PEM), trusted beside the system's roots; means TLS.
        #[arg(long)]
        ca_file: Option<std::path::PathBuf>,
    },
    /// Join this desk (`--db`) to a team; the secret is read from standard input, never argv.
    Join {
        #[arg(long)]
        server: String,
        #[arg(long)]
        desk: String,
        /// Kept with the desk's membership and trusted for every later sync.
        #[arg(long)]
        ca_file: Option<std::path::PathBuf>,
    },
    /// One round: push everything pending, pull until caught up.
    Sync,
    /// Membership, events waiting for the server, flagged events.
    Status,
    /// Leave the team; the desk keeps everything and works alone.
    Leave,
    /// Digest of the derived tables and event ids: equal on desks that hold the same events.
    Digest,
}
