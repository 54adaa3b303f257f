//! The app's own command line: `lupaus [--db PATH]`.

use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct AppArgs {
    pub db: Option<PathBuf>,
}

impl AppArgs {
    pub fn from_env() -> AppArgs {
        Self::parse(std::env::args().skip(1))
    }

    fn parse(mut args: impl Iterator<Item = String>) -> AppArgs {
        let mut parsed = AppArgs::default();
        while let Some(arg) = args.next() {
            if arg == "--db" {
                parsed.db = args.next().map(PathBuf::from);
            } else if let Some(path) = arg.strip_prefix("--db=") {
                parsed.db = Some(PathBuf::from(path));
            }
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_path_in_both_spellings() {
        let args = |list: &[&str]| AppArgs::parse(list.iter().map(|s| s.to_string())).db;
        assert_eq!(args(&["--db", "/tmp/a.db"]), Some(PathBuf::from("/tmp/a.db")));
        assert_eq!(args(&["--db=/tmp/b.db"]), Some(PathBuf::from("/tmp/b.db")));
        assert_eq!(args(&[]), None);
    }
}
