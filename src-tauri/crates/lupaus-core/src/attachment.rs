//! What kind of file an attachment is, and whether the desk may hand it to the OS to open.
//!
//! The type is read from the file's first bytes where the format has a signature (a phone's
//! photo may come without an extension), else from the name's extension. Only types on a short
//! list are opened with the OS's default program, under a name we build with that type's own
//! extension, so a customer's file can never be made to run (`lasku.pdf.exe`, `kuitti.lnk`).

/// The media type of a file, from its first bytes or else its name.
pub fn media_type(file_name: &str, first_bytes: &[u8]) -> &'static str {
    sniff(first_bytes).or_else(|| by_extension(file_name)).unwrap_or(UNKNOWN)
}

/// A type nobody recognised; never opened.
pub const UNKNOWN: &str = "application/octet-stream";

/// Types the desk opens with the OS's default program, and the extension the opened copy gets.
const OPENABLE: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/png", &["png"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("image/heic", &["heic"]),
    ("image/bmp", &["bmp"]),
    ("image/tiff", &["tif", "tiff"]),
    ("text/plain", &["txt"]),
    ("text/csv", &["csv"]),
    ("message/rfc822", &["eml"]),
    ("application/vnd.ms-outlook", &["msg"]),
    ("application/rtf", &["rtf"]),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", &["docx"]),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &["xlsx"]),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("audio/mpeg", &["mp3"]),
    ("audio/mp4", &["m4a"]),
    ("audio/wav", &["wav"]),
    ("video/mp4", &["mp4"]),
    ("video/quicktime", &["mov"]),
];

/// The extension an opened copy of this type gets, or `None` when the desk does not open it.
pub fn open_extension(media_type: &str) -> Option<&'static str> {
    OPENABLE.iter().find(|(known, _)| *known == media_type).map(|(_, extensions)| extensions[0])
}

fn by_extension(file_name: &str) -> Option<&'static str> {
    let (_, extension) = file_name.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    OPENABLE.iter().find(|(_, extensions)| extensions.contains(&extension.as_str())).map(|(known, _)| *known)
}

/// Signatures of the formats that have one. Office files are zip archives: the name tells which.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "application/pdf"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"\x89PNG\r\n\x1A\n", "image/png"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
        (b"BM", "image/bmp"),
        (b"II*\0", "image/tiff"),
        (b"MM\0*", "image/tiff"),
        (b"{\\rtf", "application/rtf"),
        (b"ID3", "audio/mpeg"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return match &bytes[8..12] {
            b"WEBP" => Some("image/webp"),
            b"WAVE" => Some("audio/wav"),
            _ => None,
        };
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return match &bytes[8..12] {
            b"heic" | b"heix" | b"mif1" => Some("image/heic"),
            b"qt  " => Some("video/quicktime"),
            b"M4A " => Some("audio/mp4"),
            _ => Some("video/mp4"),
        };
    }
    // A Windows program starts with "MZ": whatever its name says, it is not a document.
    if bytes.starts_with(b"MZ") {
        return Some(UNKNOWN);
    }
    SIGNATURES.iter().find(|(signature, _)| bytes.starts_with(signature)).map(|(_, known)| *known)
}

/// A name for the opened copy: the original name's stem, stripped of what a file system or a
/// shell treats specially, with the type's own extension. Never empty, at most 80 characters.
pub fn open_name(file_name: &str, extension: &str) -> String {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = stem.rsplit_once('.').map_or(stem, |(before, _)| before);
    let mut safe: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '(' | ')') { c } else { '_' })
        .take(80)
        .collect();
    safe = safe.trim_matches([' ', '_']).to_owned();
    let reserved = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3"];
    if safe.is_empty() || reserved.iter().any(|name| name.eq_ignore_ascii_case(&safe)) {
        safe = "liite".to_owned();
    }
    format!("{safe}.{extension}")
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::photo_without_extension("IMG_2041", b"\xFF\xD8\xFF\xE0\0\x10JFIF", "image/jpeg")]
    #[case::receipt_pdf("kuitti.PDF", b"%PDF-1.7", "application/pdf")]
    #[case::content_wins_over_name("kuva.png", b"%PDF-1.4", "application/pdf")]
    #[case::word_by_name(
        "valitus.docx",
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )]
    #[case::program_named_as_pdf("lasku.pdf", b"MZ\x90\0", UNKNOWN)]
    #[case::program("lasku.pdf.exe", b"MZ\x90\0", UNKNOWN)]
    #[case::shortcut("kuitti.lnk", b"L\0\0\0", UNKNOWN)]
    #[case::iphone_photo("IMG_0001.HEIC", b"\0\0\0\x18ftypheic", "image/heic")]
    #[case::webp("x", b"RIFF\0\0\0\0WEBPVP8 ", "image/webp")]
    #[case::no_name_no_signature("", b"", UNKNOWN)]
    fn the_type_comes_from_the_content_else_the_name(#[case] name: &str, #[case] bytes: &[u8], #[case] expected: &str) {
        assert_eq!(media_type(name, bytes), expected);
    }

    #[test]
    fn only_listed_types_open() {
        assert_eq!(open_extension("image/jpeg"), Some("jpg"));
        assert_eq!(open_extension("application/pdf"), Some("pdf"));
        assert_eq!(open_extension(UNKNOWN), None);
        assert_eq!(open_extension("application/x-msdownload"), None);
    }

    #[rstest]
    #[case("Kuitti 12.3.2026.pdf", "pdf", "Kuitti 12_3_2026.pdf")]
    #[case("rikkinäinen pesukone.jpeg", "jpg", "rikkinäinen pesukone.jpg")]
    #[case("..\\..\\Windows\\system32\\evil.pdf", "pdf", "evil.pdf")]
    #[case("CON.txt", "txt", "liite.txt")]
    #[case("<>|?*.pdf", "pdf", "liite.pdf")]
    #[case(".bashrc", "txt", "liite.txt")]
    fn the_opened_copy_gets_a_plain_name_with_the_types_extension(
        #[case] name: &str,
        #[case] extension: &str,
        #[case] expected: &str,
    ) {
        assert_eq!(open_name(name, extension), expected);
    }
}
