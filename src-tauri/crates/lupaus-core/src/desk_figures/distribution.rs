//! Median and 90th percentile of a list of durations.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Durations in business minutes: how many, the median and the 90th percentile (nearest rank).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Distribution {
    pub count: u32,
    #[ts(type = "number | null")]
    pub median: Option<i64>,
    #[ts(type = "number | null")]
    pub p90: Option<i64>,
    /// Every value, sorted, for a histogram.
    #[ts(type = "Array<number>")]
    pub values: Vec<i64>,
}

impl Distribution {
    pub fn of(mut values: Vec<i64>) -> Distribution {
        values.sort_unstable();
        Distribution {
            count: u32::try_from(values.len()).unwrap_or(u32::MAX),
            median: median(&values),
            p90: nearest_rank(&values, 90),
            values,
        }
    }
}

/// The middle value, or the mean of the two middle values (rounded down) for an even count.
fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]).div_euclid(2)),
    }
}

/// The smallest value with at least `percent`% of values at or below it.
fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}
