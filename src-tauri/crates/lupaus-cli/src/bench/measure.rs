//! Timing: durations in milliseconds and their percentiles.

use std::time::Instant;

use lupaus_store::StoreError;
use serde::Serialize;

/// Percentiles of a set of timings, nearest-rank, in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Stats {
    pub samples: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Stats {
    pub fn of(mut samples: Vec<f64>) -> Stats {
        if samples.is_empty() {
            return Stats::default();
        }
        samples.sort_by(f64::total_cmp);
        let rank = |p: f64| samples[((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1];
        Stats {
            samples: samples.len(),
            p50_ms: rank(0.50),
            p95_ms: rank(0.95),
            p99_ms: rank(0.99),
            max_ms: samples[samples.len() - 1],
        }
    }
}

/// Runs `work` once and returns how long it took, in milliseconds, with its result.
pub fn time<T>(work: impl FnOnce() -> Result<T, StoreError>) -> Result<(f64, T), StoreError> {
    let started = Instant::now();
    let value = work()?;
    Ok((started.elapsed().as_secs_f64() * 1000.0, value))
}

/// Runs `work` `times` times and returns the timings.
pub fn repeat<T>(times: usize, mut work: impl FnMut(usize) -> Result<T, StoreError>) -> Result<Vec<f64>, StoreError> {
    (0..times).map(|n| time(|| work(n)).map(|(ms, _)| ms)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let stats = Stats::of((1..=100).map(f64::from).collect());
        assert_eq!((stats.p50_ms, stats.p95_ms, stats.p99_ms, stats.max_ms), (50.0, 95.0, 99.0, 100.0));
        assert_eq!(Stats::of(vec![3.0]).p99_ms, 3.0);
        assert_eq!(Stats::of(Vec::new()).samples, 0);
    }
}
