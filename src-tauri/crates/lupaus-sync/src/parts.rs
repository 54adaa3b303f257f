//! How many pulled events one local transaction applies. On a desk shared with the window, a
//! save waits for the desk while a part is applied, so parts are sized to take about a time
//! budget: halved when one took longer, doubled when one took less than half. An owned desk
//! (the command line) has no budget and applies a whole pulled batch at once, which is faster.

use std::time::Duration;

/// The size a shared desk starts with, before it has timed a part.
const FIRST_PART: usize = 8;

/// Follows the time the last part took and sizes the next one.
#[derive(Debug, Clone, Copy)]
pub struct PartSize {
    budget: Option<Duration>,
    size: usize,
}

impl PartSize {
    pub fn new(budget: Option<Duration>, largest: usize) -> PartSize {
        let size = if budget.is_some() { FIRST_PART.min(largest) } else { largest };
        PartSize { budget, size: size.max(1) }
    }

    /// Events the next part may hold.
    pub fn next(&self) -> usize {
        self.size
    }

    /// The last part (of `applied` events) took `took`: sizes the next one, up to `largest`.
    pub fn took(&mut self, took: Duration, applied: usize, largest: usize) {
        let Some(budget) = self.budget else { return };
        if took > budget {
            self.size = (applied / 2).max(1);
        } else if took < budget / 2 && applied == self.size {
            self.size = (self.size * 2).min(largest.max(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUDGET: Duration = Duration::from_millis(5);

    #[test]
    fn an_owned_desk_applies_whole_batches() {
        let mut size = PartSize::new(None, 2000);
        size.took(Duration::from_secs(3), 2000, 2000);
        assert_eq!(size.next(), 2000);
    }

    #[test]
    fn a_shared_desk_grows_parts_while_they_are_quick_and_halves_them_when_one_is_slow() {
        let mut size = PartSize::new(Some(BUDGET), 2000);
        let mut seen = vec![size.next()];
        for _ in 0..3 {
            size.took(Duration::from_millis(1), size.next(), 2000);
            seen.push(size.next());
        }
        size.took(Duration::from_millis(12), size.next(), 2000);
        seen.push(size.next());
        // Within budget but not under half of it: keep the size.
        size.took(Duration::from_millis(4), size.next(), 2000);
        seen.push(size.next());
        assert_eq!(seen, [8, 16, 32, 64, 32, 32]);
    }

    #[test]
    fn parts_never_shrink_below_one_event_nor_grow_past_the_batch() {
        let mut size = PartSize::new(Some(BUDGET), 20);
        for _ in 0..10 {
            size.took(Duration::from_secs(1), size.next(), 20);
        }
        assert_eq!(size.next(), 1);
        for _ in 0..10 {
            size.took(Duration::ZERO, size.next(), 20);
        }
        assert_eq!(size.next(), 20);
    }

    #[test]
    fn a_short_last_part_that_was_quick_does_not_grow_the_size() {
        let mut size = PartSize::new(Some(BUDGET), 2000);
        size.took(Duration::ZERO, 3, 2000);
        assert_eq!(size.next(), 8);
    }
}
