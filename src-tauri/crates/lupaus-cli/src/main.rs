//! `lupaus-cli`: the headless side of Lupaus over the same core and store as the app.
//! Every command prints a human summary, or JSON with `--json`; errors exit with code 2 and
//! `{code, message, field}` on stderr (JSON) or a sentence (text).

mod args;
mod bench;
mod commands;
mod demo;
mod error;
mod output;
mod words;

use clap::Parser;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return output::argument_error(&error, output::json_requested()),
    };
    let json = cli.json;
    match commands::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            output::print_error(&error, json);
            std::process::ExitCode::from(2)
        }
    }
}
