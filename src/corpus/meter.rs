//! How far a corpus run has got, for a progress line and an end summary: a [`Meter`] counts
//! the bytes and lines read through its [`Metered`] reader, and [`Meter::while_running`]
//! shows them from a second thread while the run goes on.

use super::Summary;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Counts the bytes and lines read from a corpus since it was made; readable from any
/// thread while a run reads.
///
/// ```
/// use khronika::corpus::{records, Meter};
/// use std::io::BufReader;
/// let corpus = concat!(
///     r#"{"id": 1, "date": "2020-03-20", "text": "Вчера в Павлодаре выявлено 9 случаев."}"#, "\n",
///     "not json\n",
/// );
/// let meter = Meter::new();
/// let summary = records(BufReader::new(meter.reader(corpus.as_bytes())), std::io::sink(), 1)?;
/// assert_eq!((meter.bytes(), meter.lines()), (corpus.len() as u64, 2));
/// assert!(meter.summary(&summary).starts_with("2 documents, 1 event, 1 error, "));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Meter {
    bytes: AtomicU64,
    lines: AtomicU64,
    started: Instant,
}

impl Default for Meter {
    fn default() -> Self {
        Meter::new()
    }
}

impl Meter {
    /// A meter at zero; its clock starts now.
    pub fn new() -> Self {
        Meter { bytes: AtomicU64::new(0), lines: AtomicU64::new(0), started: Instant::now() }
    }

    /// `inner`, counted: every byte read through it (and every line break) adds to this meter.
    pub fn reader<R: Read>(&self, inner: R) -> Metered<'_, R> {
        Metered { inner, meter: self }
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Line breaks read so far (a last line without one is not counted).
    pub fn lines(&self) -> u64 {
        self.lines.load(Ordering::Relaxed)
    }

    /// Time since the meter was made.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Megabytes (10⁶ bytes) read per second since the meter was made.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed().as_secs_f64().max(1e-3);
        self.bytes() as f64 / 1e6 / secs
    }

    /// A progress line: `12000 lines read, 54.1 MB, 3.4 MB/s`.
    pub fn progress(&self) -> String {
        format!(
            "{} read, {:.1} MB, {:.1} MB/s",
            counted(self.lines(), "line"),
            self.bytes() as f64 / 1e6,
            self.mb_per_s()
        )
    }

    /// The end summary of a run that read through this meter: `N documents, M events, K
    /// errors, X MB/s` (documents: the corpus lines; errors: the lines that got an error
    /// record; the events part is left out when the run did not count them).
    pub fn summary(&self, summary: &Summary) -> String {
        let events = summary.events.map(|n| format!("{}, ", counted(n as u64, "event"))).unwrap_or_default();
        format!(
            "{}, {events}{}, {:.1} MB/s",
            counted(summary.lines as u64, "document"),
            counted(summary.failed as u64, "error"),
            self.mb_per_s()
        )
    }

    /// Runs `run` on this thread while a second thread calls `show` with this meter every
    /// `every` (not before the first `every` has passed, and not after `run` returns).
    ///
    /// ```
    /// use khronika::corpus::Meter;
    /// use std::time::Duration;
    /// let meter = Meter::new();
    /// let mut shown = 0;
    /// let result = meter.while_running(Duration::from_millis(5), |_| shown += 1, || {
    ///     std::thread::sleep(Duration::from_millis(60));
    ///     42
    /// });
    /// assert_eq!(result, 42);
    /// assert!(shown >= 1);
    /// ```
    pub fn while_running<T>(&self, every: Duration, mut show: impl FnMut(&Meter) + Send, run: impl FnOnce() -> T) -> T {
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
                    show(self);
                }
            });
            let result = run();
            drop(stop);
            result
        })
    }

    /// Runs `run` on this thread while `err` (standard error, say) shows
    /// [`progress`](Meter::progress) lines prefixed `timeline: `: on a terminal one line
    /// repainted in place every quarter second and erased when `run` returns; elsewhere
    /// (a log file) a line of its own every second. A write error of `err` is ignored: a
    /// progress line is not worth failing a run for.
    ///
    /// ```
    /// use khronika::corpus::Meter;
    /// let (meter, mut err) = (Meter::new(), Vec::new());
    /// let n = meter.show_progress(true, &mut err, || 7);
    /// assert_eq!(n, 7);
    /// assert_eq!(err, b"\r\x1b[K", "a run this short shows no line, and erases it");
    /// ```
    pub fn show_progress<T>(&self, terminal: bool, mut err: impl Write + Send, run: impl FnOnce() -> T) -> T {
        let (every, erase, end) = match terminal {
            true => (Duration::from_millis(250), "\r\x1b[K", ""),
            false => (Duration::from_secs(1), "", "\n"),
        };
        let paint = |m: &Meter| {
            let _ = write!(err, "{erase}timeline: {}{end}", m.progress());
        };
        let result = self.while_running(every, paint, run);
        let _ = write!(err, "{erase}");
        result
    }
}

/// `1 line`, `2 lines`.
fn counted(n: u64, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// A reader whose bytes and lines are counted by a [`Meter`] (see [`Meter::reader`]).
#[derive(Debug)]
pub struct Metered<'a, R> {
    inner: R,
    meter: &'a Meter,
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or_default();
        self.meter.bytes.fetch_add(n as u64, Ordering::Relaxed);
        self.meter.lines.fetch_add(read.iter().filter(|&&b| b == b'\n').count() as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_read_in_any_chunks() {
        let meter = Meter::new();
        let mut reader = meter.reader(&b"a\nbb\n\nccc"[..]);
        let mut buf = [0u8; 3];
        let mut total = 0;
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            total += n;
        }
        assert_eq!((total, meter.bytes(), meter.lines()), (9, 9, 3));
        assert!(meter.progress().starts_with("3 lines read, 0.0 MB, "), "{}", meter.progress());
    }

    #[test]
    fn summary_counts_with_their_plurals() {
        let meter = Meter::new();
        let s = Summary { lines: 1, failed: 0, events: None };
        assert!(meter.summary(&s).starts_with("1 document, 0 errors, "), "{}", meter.summary(&s));
        let s = Summary { lines: 3, failed: 1, events: Some(12) };
        assert!(meter.summary(&s).starts_with("3 documents, 12 events, 1 error, "), "{}", meter.summary(&s));
        assert!(meter.summary(&s).ends_with(" MB/s"));
    }

    #[test]
    fn progress_lines_off_a_terminal_are_lines_of_their_own() {
        let (meter, mut err) = (Meter::new(), Vec::new());
        meter.show_progress(false, &mut err, || std::thread::sleep(Duration::from_millis(2100)));
        let err = String::from_utf8(err).unwrap();
        let lines: Vec<&str> = err.lines().collect();
        assert!((1..=3).contains(&lines.len()), "{err:?}");
        assert!(lines.iter().all(|l| l.starts_with("timeline: 0 lines read, 0.0 MB, ")), "{err:?}");
        assert!(!err.contains('\r') && err.ends_with('\n'), "{err:?}");
    }

    #[test]
    fn nothing_is_shown_for_a_run_shorter_than_the_interval() {
        let meter = Meter::new();
        let mut shown = 0;
        meter.while_running(Duration::from_secs(60), |_| shown += 1, || ());
        assert_eq!(shown, 0);
    }
}
