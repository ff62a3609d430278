//! Time ratios that a noisy machine sways little: every case is measured in
//! each round, in an order that rotates from round to round, so that a slow
//! spell slows all of them alike.

use std::time::{Duration, Instant};

/// Per-iteration nanoseconds of each of `runs`, one entry per round; each
/// sample lasts about `sample`.
pub fn interleave(runs: &[&dyn Fn()], rounds: usize, sample: Duration) -> Vec<Vec<f64>> {
    // Iterations per sample, from a short warm-up of each case.
    let iterations: Vec<u32> = runs
        .iter()
        .map(|run| {
            let start = Instant::now();
            let mut count = 0u32;
            while start.elapsed() < sample / 2 || count < 2 {
                run();
                count += 1;
            }
            let per_iteration = start.elapsed().as_secs_f64() / f64::from(count);
            ((sample.as_secs_f64() / per_iteration).round() as u32).max(1)
        })
        .collect();
    let mut times = vec![Vec::with_capacity(rounds); runs.len()];
    for round in 0..rounds {
        for offset in 0..runs.len() {
            let index = (round + offset) % runs.len();
            let start = Instant::now();
            for _ in 0..iterations[index] {
                runs[index]();
            }
            times[index].push(start.elapsed().as_nanos() as f64 / f64::from(iterations[index]));
        }
    }
    times
}
