//! Logging to stderr and to a daily-rotated file in the data directory; `RUST_LOG` sets the level.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::{EnvFilter, fmt, prelude::*};

/// Keep the returned guard alive for the life of the app, or buffered lines are lost at exit.
pub fn init(log_dir: &Path) -> Option<WorkerGuard> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let stderr_layer = fmt::layer().with_writer(std::io::stderr);
    let file_appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("lupaus")
        .filename_suffix("log")
        .max_log_files(14)
        .build(log_dir);
    match file_appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let file_layer = fmt::layer().with_ansi(false).with_writer(writer);
            tracing_subscriber::registry().with(filter).with(stderr_layer).with(file_layer).init();
            Some(guard)
        }
        Err(error) => {
            tracing_subscriber::registry().with(filter).with(stderr_layer).init();
            tracing::warn!(%error, dir = %log_dir.display(), "cannot write log files; logging to stderr only");
            None
        }
    }
}
