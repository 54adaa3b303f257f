//! The command line's error: the store's, or team mode's. Both carry stable codes.

use lupaus_store::StoreError;
use lupaus_sync::SyncError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// One line of `case act-many` refused; `saved` lines before it were saved (0 when the file
    /// was refused before anything was saved), `total` is how many it held (0: not yet counted).
    #[error("{}", at_line(*line, *saved, *total, source))]
    AtLine { line: usize, saved: usize, total: usize, source: StoreError },
}

/// What happened to the file, and what to do next.
fn at_line(line: usize, saved: usize, total: usize, source: &StoreError) -> String {
    let then = if saved == 0 {
        format!("Nothing was saved: fix line {line} and run the file again.")
    } else {
        let after = total.saturating_sub(saved + 1);
        format!(
            "The {saved} commands before it are saved; it and the {after} after it are not: fix line {line} and \
             run the file again from there (tail -n +{line} FILE | lupaus-cli case act-many -)."
        )
    };
    let source = source.to_string();
    let stop = if source.ends_with(['.', '!', '?']) { "" } else { "." };
    format!("Line {line}: {source}{stop} {then}")
}

impl CliError {
    pub fn code(&self) -> &'static str {
        match self {
            CliError::Store(error) => error.code(),
            CliError::Sync(error) => error.code(),
            CliError::AtLine { source, .. } => source.code(),
        }
    }

    /// The store's reason key, for scripts as for the window (`lupaus_core::reason`).
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            CliError::Store(error)
            | CliError::Sync(SyncError::Store(error))
            | CliError::AtLine { source: error, .. } => error.reason(),
            CliError::Sync(_) => None,
        }
    }

    /// The line of `case act-many` that was refused, and how many lines before it were saved.
    pub fn line(&self) -> Option<(usize, usize)> {
        match self {
            CliError::AtLine { line, saved, .. } => Some((*line, *saved)),
            _ => None,
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            CliError::Store(error) => error.field(),
            CliError::Sync(SyncError::Store(error)) => error.field(),
            CliError::AtLine { source, .. } => source.field(),
            CliError::Sync(_) => None,
        }
    }
}
