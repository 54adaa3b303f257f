//! `lupaus-cli`: the headless side of Lupaus over the same core and store as the app.
//! Every command prints a human summary, or JSON with `--json`; errors exit non-zero with
//! `{code, message}` on stderr (JSON) or a sentence (text).

mod cli;
mod demo;
mod output;

use clap::Parser;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let args = cli::Cli::parse();
    let json = args.json;
    match cli::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            output::print_error(&error, json);
            std::process::ExitCode::from(2)
        }
    }
}
