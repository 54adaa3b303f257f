//! TypeScript bindings for every type that crosses IPC, generated from the Rust types with ts-rs
//! into `ui/src/lib/bindings.ts`. The roots are the commands' inputs and outputs; every type they
//! depend on is declared too. The test fails when the committed file is stale; regenerate it with
//! `make bindings` (which sets `UPDATE_BINDINGS=1`).

use std::collections::BTreeMap;

use ts_rs::{Config, TS, TypeVisitor};

/// Collects the declaration of each visited type and, recursively, of its dependencies.
struct Collector<'a> {
    config: &'a Config,
    declarations: BTreeMap<String, String>,
}

impl TypeVisitor for Collector<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only types that would get their own file are declared; built-ins have no output path.
        if T::output_path().is_none() {
            T::visit_generics(self);
            return;
        }
        let name = T::ident(self.config);
        if self.declarations.contains_key(&name) {
            return;
        }
        let mut text = String::new();
        if let Some(docs) = T::docs() {
            text.push_str(docs.trim_end());
            text.push('\n');
        }
        text.push_str("export ");
        text.push_str(&T::decl(self.config));
        self.declarations.insert(name, text);
        T::visit_dependencies(self);
    }
}

/// The whole bindings file, types in alphabetical order.
pub fn render() -> String {
    // Our integers are ids, counts and euro cents far below 2^53: plain JSON numbers, not bigint.
    let config = Config::new().with_large_int("number");
    let mut collector = Collector { config: &config, declarations: BTreeMap::new() };
    {
        let c = &mut collector;
        c.visit::<crate::error::IpcError>();
        c.visit::<crate::commands::app::AppInfo>();
        c.visit::<crate::autostart::AutostartStatus>();
        c.visit::<crate::commands::people::CurrentPerson>();
        c.visit::<crate::commands::team::TeamView>();
        c.visit::<lupaus_desk::CaseIntake>();
        c.visit::<lupaus_desk::CaseCreated>();
        c.visit::<lupaus_desk::CustomerHistory>();
        c.visit::<lupaus_core::lifecycle::CaseCommand>();
        c.visit::<lupaus_core::promise::NewPromise>();
        c.visit::<lupaus_core::promise::Renegotiated>();
        c.visit::<lupaus_core::calendar::BusinessSpan>();
        c.visit::<lupaus_core::calendar::DueReading>();
        c.visit::<lupaus_core::calendar::CalendarDay>();
        c.visit::<lupaus_core::settings::DeskSettings>();
        c.visit::<lupaus_store::notices::HandOffNotice>();
        c.visit::<lupaus_store::presence::PersonWhereabouts>();
        c.visit::<lupaus_store::escalations::EscalatedMiss>();
        c.visit::<lupaus_store::cases::CaseSummary>();
        c.visit::<lupaus_store::case_views::CaseFilter>();
        c.visit::<lupaus_store::cases::CaseDetail>();
        c.visit::<lupaus_store::customers::Customer>();
        c.visit::<lupaus_store::people::Person>();
        c.visit::<lupaus_store::promises::PromiseView>();
        c.visit::<lupaus_store::reminders::RaisedReminder>();
        c.visit::<lupaus_store::attachments::Attachment>();
        c.visit::<lupaus_store::backup::BackupCheck>();
        c.visit::<crate::commands::recovery::DatabaseStatus>();
        c.visit::<crate::commands::recovery::RecoveryInfo>();
        c.visit::<lupaus_store::backup::RestoreReport>();
        c.visit::<lupaus_core::desk_figures::DeskFigures>();
        c.visit::<lupaus_core::lessons::Lesson>();
        c.visit::<lupaus_core::lessons::LessonEntry>();
        c.visit::<lupaus_store::import::ImportReport>();
        c.visit::<lupaus_store::export::ExportWhat>();
        c.visit::<lupaus_store::privacy::AnonymisationReport>();
        c.visit::<lupaus_desk::ExportSaved>();
        c.visit::<lupaus_desk::CalendarFile>();
        c.visit::<lupaus_desk::TeamBoard>();
        c.visit::<lupaus_store::team::Conflict>();
        c.visit::<lupaus_store::team::SettingsChange>();
    }
    let mut out = String::from("// Generated from the Rust types by `make bindings`. Do not edit by hand.\n");
    for declaration in collector.declarations.values() {
        out.push('\n');
        out.push_str(declaration);
        out.push('\n');
    }
    // Every error code and reason key the UI can receive, so its tests can check each has words.
    out.push_str(&constant_list("ERROR_CODES", &crate::error::all_codes()));
    out.push_str(&constant_list("ERROR_REASONS", lupaus_core::reason::ALL));
    // The import's problems have their own keys (and name the file's columns by key).
    out.push_str(&constant_list("IMPORT_REASONS", lupaus_store::import::problems::ALL));
    out.push_str(&constant_list("IMPORT_FIELDS", &lupaus_store::import::problems::field_keys()));
    out
}

fn constant_list(name: &str, values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|value| format!("'{value}'")).collect();
    format!("\nexport const {name} = [{}] as const;\n", quoted.join(", "))
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
