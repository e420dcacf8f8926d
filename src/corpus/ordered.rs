//! An order-keeping parallel map on std threads, with a bounded number of items in flight.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Mutex, OnceLock};
use std::thread;

/// The most worker threads [`map_ordered`] starts: four per core the machine offers (one
/// when it cannot say). More would only wait for the cores and cost memory.
pub fn max_jobs() -> usize {
    cores().saturating_mul(4)
}

/// The cores the machine offers (asked once: on Linux the answer reads the cgroup files).
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The number of worker threads to run for a requested `jobs`: one per core for 0, else
/// `jobs` lowered to [`max_jobs`].
///
/// ```
/// use khronika::corpus::{jobs, max_jobs};
/// assert_eq!(jobs(1), 1);
/// assert_eq!(jobs(usize::MAX), max_jobs());
/// assert!(jobs(0) >= 1);
/// ```
pub fn jobs(requested: usize) -> usize {
    match requested {
        0 => cores(),
        n => n.min(max_jobs()),
    }
}

/// Maps `items` through `f` on `jobs` worker threads and hands the results to `sink` in the
/// order of the items.
///
/// - The calling thread takes the items from the iterator (so reading input stays on it) and
///   runs `sink`; the workers run `f`.
/// - At most `2 × jobs + 2` items are taken and not yet sunk at any time, so memory stays
///   bounded whatever the number of items (batch small items: see [`map_lines`](super::map_lines)).
/// - `jobs` ≤ 1 runs everything on the calling thread. `jobs` is lowered to [`max_jobs`];
///   when the system refuses a thread, the workers already started do the work (none
///   started: the calling thread does).
/// - An error from `sink` stops the map: no more items are taken, the workers stop, and the
///   error is returned. A panic in `f` is resumed on the calling thread.
///
/// ```
/// use khronika::corpus::map_ordered;
/// let mut out = Vec::new();
/// map_ordered(1..=100u64, 3, |n| n * n, |sq| -> Result<(), ()> { out.push(sq); Ok(()) }).unwrap();
/// assert_eq!(out, (1..=100u64).map(|n| n * n).collect::<Vec<_>>());
/// ```
pub fn map_ordered<I, R, F, S, E>(items: I, jobs: usize, f: F, mut sink: S) -> Result<(), E>
where
    I: IntoIterator,
    I::Item: Send,
    R: Send,
    F: Fn(I::Item) -> R + Sync,
    S: FnMut(R) -> Result<(), E>,
{
    let mut items = items.into_iter();
    let jobs = jobs.min(max_jobs());
    if jobs <= 1 {
        return items.try_for_each(|item| sink(f(item)));
    }
    let capacity = 2 * jobs + 2;
    let (work_tx, work_rx) = sync_channel::<(usize, I::Item)>(jobs);
    let work_rx: Mutex<Receiver<(usize, I::Item)>> = Mutex::new(work_rx);
    // Room for every item in flight: a worker never waits to hand its result over.
    let (done_tx, done_rx) = sync_channel::<(usize, thread::Result<R>)>(capacity);
    let f = &f;
    thread::scope(|scope| {
        let mut workers = 0;
        for n in 0..jobs {
            let (work_rx, done_tx) = (&work_rx, done_tx.clone());
            let worker = move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok((index, item)) = next else { break };
                let result = panic::catch_unwind(AssertUnwindSafe(|| f(item)));
                if done_tx.send((index, result)).is_err() {
                    break;
                }
            };
            match thread::Builder::new().name(format!("khronika-{n}")).spawn_scoped(scope, worker) {
                Ok(_) => workers += 1,
                Err(_) => break,
            }
        }
        drop(done_tx);
        if workers == 0 {
            drop(work_tx);
            return items.try_for_each(|item| sink(f(item)));
        }
        let window = 2 * workers + 2;
        let mut order = InOrder { pending: VecDeque::new(), next: 0 };
        let mut taken = 0;
        let result = (|| {
            for item in items.by_ref() {
                while taken - order.next >= window {
                    match done_rx.recv() {
                        Ok(done) => order.take(done, &mut sink)?,
                        Err(_) => return Ok(()),
                    }
                }
                while let Ok(done) = done_rx.try_recv() {
                    order.take(done, &mut sink)?;
                }
                if work_tx.send((taken, item)).is_err() {
                    return Ok(());
                }
                taken += 1;
            }
            Ok(())
        })();
        drop(work_tx);
        result?;
        while order.next < taken {
            match done_rx.recv() {
                Ok(done) => order.take(done, &mut sink)?,
                Err(_) => break,
            }
        }
        Ok(())
    })
}

/// Results waiting for the ones before them.
struct InOrder<R> {
    /// Slot `k` holds the result of item `next + k`, once it is in.
    pending: VecDeque<Option<R>>,
    /// The next item to sink.
    next: usize,
}

impl<R> InOrder<R> {
    /// Takes one result and sinks every result that is now next in order; resumes a panic
    /// of the worker.
    fn take<E>(
        &mut self,
        (index, result): (usize, thread::Result<R>),
        sink: &mut impl FnMut(R) -> Result<(), E>,
    ) -> Result<(), E> {
        let r = match result {
            Ok(r) => r,
            Err(payload) => panic::resume_unwind(payload),
        };
        let slot = index - self.next;
        if self.pending.len() <= slot {
            self.pending.resize_with(slot + 1, || None);
        }
        self.pending[slot] = Some(r);
        while let Some(Some(_)) = self.pending.front() {
            if let Some(Some(r)) = self.pending.pop_front() {
                self.next += 1;
                sink(r)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn keeps_order_on_any_number_of_threads() {
        for jobs in [0, 1, 2, 3, 8, 100_000, usize::MAX] {
            let mut out = Vec::new();
            let r: Result<(), ()> = map_ordered(
                0..500usize,
                jobs,
                |n| {
                    // Uneven work, so that results finish out of order.
                    let mut x = n;
                    for _ in 0..(n % 7) * 1000 {
                        x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(1));
                    }
                    (n, x)
                },
                |(n, _)| {
                    out.push(n);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(out, (0..500).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn a_sink_error_stops_the_map() {
        let taken = AtomicUsize::new(0);
        let items = (0..1_000_000usize).inspect(|_| {
            taken.fetch_add(1, Ordering::Relaxed);
        });
        let mut sunk = 0;
        let r = map_ordered(
            items,
            2,
            |n| n,
            |n| {
                sunk += 1;
                if n == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(sunk, 11);
        assert!(taken.load(Ordering::Relaxed) < 100, "items are not read after the error");
    }

    #[test]
    fn at_most_a_window_is_in_flight() {
        let taken = AtomicUsize::new(0);
        let mut max = 0;
        let mut sunk = 0;
        let r: Result<(), ()> = map_ordered(
            (0..2000usize).inspect(|_| {
                taken.fetch_add(1, Ordering::SeqCst);
            }),
            2,
            |n| n,
            |_| {
                sunk += 1;
                max = max.max(taken.load(Ordering::SeqCst) - sunk);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert!(max <= 2 * 2 + 2, "{max} items in flight");
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_f_reaches_the_caller() {
        let _ = map_ordered(0..100, 2, |n| if n == 7 { panic!("item 7") } else { n }, |_| -> Result<(), ()> { Ok(()) });
    }
}
