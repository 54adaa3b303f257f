//! Files the desk writes where a person chose: whole or not at all.

use std::io::Write;
use std::path::Path;

use lupaus_store::StoreError;

/// Writes `bytes` to `path` through a temporary file beside it, synced and renamed over the old
/// file, so a reader (a calendar app, Excel) sees the old file or the new one, never half of one.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomically_with(path, |out| Ok(out.write_all(bytes)?)).map(|_| ())
}

/// As [`write_atomically`], with the content streamed by `fill`; answers what `fill` answered.
/// On any failure the temporary file is removed and a file already at `path` is untouched.
pub(crate) fn write_atomically_with<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.partial"));
    let result = (|| {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
        let value = fill(&mut out)?;
        out.into_inner().map_err(|error| StoreError::Io(error.into_error()))?.sync_all()?;
        std::fs::rename(&partial, path)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
