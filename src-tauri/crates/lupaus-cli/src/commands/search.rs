//! `lupaus-cli search "query"`: the app's search box, on the command line.

use clap::Args;
use lupaus_store::StoreError;

use super::Context;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words in any inflection, a name, a case reference, an order number.
    pub query: String,
    /// At most this many cases, best first.
    #[arg(long, default_value_t = 20)]
    pub limit: u32,
}

pub fn run(context: &Context, args: SearchArgs) -> Result<(), StoreError> {
    let found = context.desk.search_cases(&args.query, args.limit)?;
    let zone = context.desk.zone()?;
    context.print(&found, |found| {
        if found.is_empty() {
            return "No cases found.".to_owned();
        }
        super::case::summary_lines(found, zone)
    })
}
