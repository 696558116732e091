//! Pacing of long computations: a job that runs many bootstrap rounds calls its [`Pacer`] after
//! each one, and the pacer decides whether to hand control back to whoever runs the job.
//!
//! Why async: in the browser the statistics run in a Web Worker, which is single-threaded. A newer
//! request (a second seed, another control) reaches the worker as a message, and the worker only
//! sees messages when its code returns to the event loop. A computation written as an `async fn`
//! that awaits its pacer between rounds can do that without being rewritten as a state machine:
//! the worker's pacer yields a macrotask every few milliseconds and reports [`Cancelled`] when the
//! job has become stale; the CLI and the tests run the same code with [`Unpaced`] through
//! [`block_on`], where every await is ready at once. The numbers cannot differ: the rounds, their
//! order and their random stream are the same, only the waiting between them changes.

use std::future::{ready, Future};
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The job was abandoned by its pacer: a newer request of the same kind replaced it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cancelled by a newer request")
    }
}

/// Called by a long computation: once with the number of steps it will take, then after each step.
pub trait Pacer {
    /// Adds `steps` to the job's expected total (a leaderboard announces its main rounds and each
    /// group's rounds).
    fn expect(&mut self, steps: u64);
    /// One step is done. The future resolves when the job may go on, or to [`Cancelled`] when it
    /// should stop.
    fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>>;
    /// How many bootstrap rounds may be fitted at once, on that many threads. The draws are
    /// still made one after another from the one seeded stream, so the numbers never depend on
    /// this. A pacer that yields between rounds (the browser's worker, which has one thread)
    /// keeps the default of one.
    fn threads(&self) -> usize {
        1
    }
}

/// The pacer of a run nobody interrupts (the CLI, the tests): every step goes on at once.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unpaced;

impl Pacer for Unpaced {
    fn expect(&mut self, _steps: u64) {}
    fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>> {
        ready(Ok(()))
    }
    /// Every core of the machine (natively; one in the browser, where threads cannot be spawned),
    /// so the CLI fits a bootstrap's rounds in parallel.
    fn threads(&self) -> usize {
        if cfg!(target_arch = "wasm32") {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
}

/// Runs a future whose awaits are all ready (a computation paced by [`Unpaced`]) to its end on
/// the calling thread.
///
/// # Panics
/// If the future waits for something that never wakes it (a pacer that really yields needs the
/// runtime of its host, such as the browser's event loop, not this).
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("block_on: the computation waited; only ready pacers may be used"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pacer that stops after `limit` steps and counts what it was told.
    struct Stopper {
        limit: u64,
        expected: u64,
        done: u64,
    }

    impl Pacer for Stopper {
        fn expect(&mut self, steps: u64) {
            self.expected += steps;
        }
        fn step(&mut self) -> impl Future<Output = Result<(), Cancelled>> {
            self.done += 1;
            ready(if self.done >= self.limit {
                Err(Cancelled)
            } else {
                Ok(())
            })
        }
    }

    async fn count_to<P: Pacer>(n: u64, pace: &mut P) -> Result<u64, Cancelled> {
        pace.expect(n);
        let mut sum = 0;
        for i in 0..n {
            sum += i;
            pace.step().await?;
        }
        Ok(sum)
    }

    #[test]
    fn unpaced_runs_to_the_end() {
        assert_eq!(block_on(count_to(10, &mut Unpaced)), Ok(45));
    }

    #[test]
    fn a_pacer_can_stop_a_job_between_steps() {
        let mut p = Stopper {
            limit: 3,
            expected: 0,
            done: 0,
        };
        assert_eq!(block_on(count_to(10, &mut p)), Err(Cancelled));
        assert_eq!((p.expected, p.done), (10, 3));
    }
}
