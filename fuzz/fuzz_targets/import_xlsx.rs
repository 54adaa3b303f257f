#![no_main]

use libfuzzer_sys::fuzz_target;

// The importer reads anything starting like a zip or an OLE file as a workbook; other inputs are
// made to start like a zip so every run reaches the workbook reader (calamine).
fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        lupaus_fuzz::check_import(data);
    } else {
        lupaus_fuzz::check_import(&[b"PK\x03\x04".as_slice(), data].concat());
    }
});
