//! Data-care commands: backup, backups, restore, import, export, customer export/anonymise and
//! retention. Their clap arguments live here too, so `args.rs` only names them.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand, ValueEnum};
use lupaus_store::export::{ExportFormat, ExportWhat};
use lupaus_store::{StoreError, backup};

use super::Context;
use crate::output;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the backup to this file instead of the backups folder beside the database
    /// (which keeps 7 daily and 4 weekly backups).
    #[arg(long)]
    pub to: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore; it must verify as a Lupaus database.
    pub backup: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CSV file as Excel saves it (`;`, UTF-8 or Windows-1252) or an Excel workbook (first
    /// sheet), with a header row.
    pub file: PathBuf,
    /// Check every row and report problems, but save nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum What {
    Cases,
    Customers,
    Promises,
    Events,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub what: What,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Everything about one customer as JSON (a subject access request), by id or customer number.
    Export {
        customer: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Replace the customer's personal data everywhere, keeping statistics and case history.
    Anonymise { customer: String },
}

#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// Anonymise closed cases whose last change is older than this many days.
    #[arg(long)]
    pub older_than_days: u32,
    /// List what would be anonymised, change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// `restore` runs before the store is opened: the file being replaced may not open at all.
pub fn restore(db_path: &Path, args: RestoreArgs, json: bool, now: DateTime<Utc>) -> Result<(), StoreError> {
    let (_, report) = backup::restore(&args.backup, db_path, now)?;
    output::print(json, &report, |report| {
        let kept = report.set_aside_as.as_deref().map(|path| format!("; the replaced database is kept as {path}"));
        let missing = match report.attachments_missing {
            0 => String::new(),
            count => format!("; {count} attachments have no file in the folder or the backup"),
        };
        format!(
            "Restored {} from {} ({} cases, {} attachment files written back){}{missing}",
            report.database,
            report.restored_from,
            report.cases,
            report.attachments_restored,
            kept.unwrap_or_default()
        )
    })
}

pub fn backup(context: &Context, args: BackupArgs) -> Result<(), StoreError> {
    let check = match args.to {
        Some(path) => context.desk.backup_to(&path)?,
        None => context.desk.backup_now()?,
    };
    context.print(&check, |check| {
        format!(
            "Backup written and verified: {} ({} cases, {} attachment files, {} bytes)",
            check.path,
            check.cases.unwrap_or(0),
            check.attachments.unwrap_or(0),
            check.size_bytes
        )
    })
}

pub fn backups(context: &Context) -> Result<(), StoreError> {
    let dir = context.desk.backups_dir();
    let list = context.desk.backups()?;
    context.print(&list, |list| {
        if list.is_empty() {
            return format!("No backups in {} yet; make one with `lupaus-cli backup`.", dir.display());
        }
        list.iter()
            .map(|check| {
                let status = match &check.problem {
                    None => format!("verified, {} cases", check.cases.unwrap_or(0)),
                    Some(problem) => format!("NOT VERIFIED: {problem}"),
                };
                format!("{}  {:>10} bytes  {status}", check.path, check.size_bytes)
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn import(context: &mut Context, args: ImportArgs) -> Result<(), StoreError> {
    let report = context.desk.import_file(&args.file, args.dry_run)?;
    context.print(&report, |report| {
        let mut lines = vec![format!(
            "{}: {} rows read as {}{}",
            report.file,
            report.rows,
            if report.encoding.is_empty() { "?" } else { &report.encoding },
            if report.ignored_columns.is_empty() {
                String::new()
            } else {
                format!("; columns not used: {}", report.ignored_columns.join(", "))
            }
        )];
        for problem in &report.problems {
            let column = if problem.column.is_empty() { String::new() } else { format!(", column {}", problem.column) };
            lines.push(format!("row {}{column}: {}", problem.row, problem.message));
        }
        if report.problems.is_empty() {
            for start in &report.starting_stages {
                let mut rows: Vec<String> = start.rows.iter().take(10).map(usize::to_string).collect();
                if start.rows.len() > 10 {
                    rows.push("…".to_owned());
                }
                lines.push(format!(
                    "{} cases start in stage {} (rows {}): {}.",
                    start.rows.len(),
                    start.stage,
                    rows.join(", "),
                    start.why
                ));
            }
        }
        lines.push(if report.saved {
            format!("Imported {} cases; {} new customers.", report.cases_created, report.customers_created)
        } else if report.problems.is_empty() {
            format!(
                "Dry run: {} cases and {} new customers would be imported; nothing was saved.",
                report.cases_created, report.customers_created
            )
        } else {
            "Nothing was imported.".to_owned()
        });
        lines.join("\n")
    })?;
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::ImportRejected { problems: report.problems.len() })
    }
}

pub fn export(context: &Context, args: ExportArgs) -> Result<(), StoreError> {
    let what = match args.what {
        What::Cases => ExportWhat::Cases,
        What::Customers => ExportWhat::Customers,
        What::Promises => ExportWhat::Promises,
        What::Events => ExportWhat::Events,
    };
    let format = match args.format {
        Format::Csv => ExportFormat::Csv,
        Format::Json => ExportFormat::Json,
        Format::Xlsx => ExportFormat::Xlsx,
    };
    match args.out {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            let rows = context.desk.export(what, format, &mut file)?;
            file.into_inner().map_err(|error| StoreError::Io(error.into_error()))?.sync_all()?;
            // The data went to the file; say what was written (as JSON for scripts).
            let summary = serde_json::json!({ "file": path.display().to_string(), "rows": rows });
            context.print(&summary, |_| format!("Wrote {rows} rows to {}", path.display()))
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            context.desk.export(what, format, &mut out)?;
            out.flush()?;
            Ok(())
        }
    }
}

pub fn customer(context: &mut Context, command: CustomerCommand) -> Result<(), StoreError> {
    match command {
        // Both are a lead's answers to a privacy request; the desk layer refuses anyone else
        // (`lead_only`) and logs each export, as it does for the window.
        CustomerCommand::Export { customer, out } => {
            let id = context.desk.customer_id_by_key(&customer)?;
            match out {
                Some(path) => {
                    let saved = context.desk.export_customer_to(id, &path)?;
                    let summary = serde_json::json!({ "file": saved.path, "cases": saved.rows });
                    context.print(&summary, |_| {
                        format!("Wrote everything about customer {id} ({} cases) to {}", saved.rows, path.display())
                    })
                }
                // The dossier is JSON either way.
                None => output::print_json(&context.desk.export_customer(id)?),
            }
        }
        CustomerCommand::Anonymise { customer } => {
            let id = context.desk.customer_id_by_key(&customer)?;
            let report = context.desk.anonymise_customer(id)?;
            context.print(&report, |report| {
                if report.already_anonymised {
                    format!("Customer {} was already anonymised; nothing to do.", report.customer_id)
                } else {
                    format!(
                        "Customer {} anonymised: {} cases, {} logged events rewritten, {} attachments removed.",
                        report.customer_id,
                        report.cases.len(),
                        report.events_rewritten,
                        report.attachments_removed
                    )
                }
            })
        }
    }
}

pub fn retention(context: &mut Context, args: RetentionArgs) -> Result<(), StoreError> {
    let report = context.desk.apply_retention(args.older_than_days, args.dry_run)?;
    context.print(&report, |report| {
        let verb = if report.dry_run { "would be anonymised (dry run, nothing changed)" } else { "anonymised" };
        let mut text = format!(
            "{} closed cases last changed before {} {verb}",
            report.cases.len(),
            report.cutoff.format("%Y-%m-%d")
        );
        if !report.cases.is_empty() {
            text.push_str(&format!(": {}", report.cases.join(", ")));
        }
        if !report.customers_anonymised.is_empty() {
            text.push_str(&format!("\n{} customers with only such cases {verb}", report.customers_anonymised.len()));
        }
        text
    })
}
