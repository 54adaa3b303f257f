//! TypeScript bindings for every type that crosses IPC, generated from the Rust types with ts-rs
//! into `ui/src/lib/bindings.ts`. The test fails when the committed file is stale; regenerate it
//! with `make bindings` (which sets `UPDATE_BINDINGS=1`).

use ts_rs::{Config, TS};

fn declare<T: TS>(config: &Config, out: &mut String) {
    if let Some(docs) = T::docs() {
        out.push_str(docs.trim_end());
        out.push('\n');
    }
    out.push_str("export ");
    out.push_str(&T::decl(config));
    out.push_str("\n\n");
}

/// The whole bindings file. Add a type here when a command starts using it.
pub fn render() -> String {
    // Our integers are ids and counts far below 2^53: plain JSON numbers, not bigint.
    let config = Config::new().with_large_int("number");
    let mut out = String::from("// Generated from the Rust types by `make bindings`. Do not edit by hand.\n\n");
    declare::<crate::error::IpcError>(&config, &mut out);
    declare::<crate::commands::app::AppInfo>(&config, &mut out);
    declare::<lupaus_core::case::Channel>(&config, &mut out);
    declare::<lupaus_core::case::Priority>(&config, &mut out);
    declare::<lupaus_core::case::CustomerInput>(&config, &mut out);
    declare::<lupaus_core::case::NewCase>(&config, &mut out);
    declare::<lupaus_store::cases::CaseSummary>(&config, &mut out);
    declare::<lupaus_store::cases::CaseListQuery>(&config, &mut out);
    declare::<lupaus_store::customers::Customer>(&config, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn committed_bindings_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let fresh = render();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == fresh, "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result");
}
