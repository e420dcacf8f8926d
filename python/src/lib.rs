//! The Rust half of khronika's Python package: the extension module `khronika._khronika`.
//!
//! It speaks the library's corpus language: each document comes in as one corpus line (the
//! JSON object `{"id", "date", "text", "prefer"}` that `khronika::corpus::read_line` reads)
//! and goes out as the library's record JSON (`khronika::export::json::RecordView`), or as
//! the library's error record when the line cannot be read, so the Python face returns
//! exactly what the library's corpus mode writes. `khronika/__init__.py` turns Python
//! values into lines and records back into dicts.
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

use khronika::corpus::{self, map_ordered, read_line};
use khronika::export::json::RecordView;
use khronika::{Extractor, Prefer, ResolveOptions, Timeline};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::convert::Infallible;
use std::panic::{self, AssertUnwindSafe};

create_exception!(
    _khronika,
    Error,
    PyValueError,
    "A value khronika cannot use: a bad date, a bad preference, a record that cannot be merged."
);

/// One analysed document's timeline (with its document's id), kept beside its record so
/// that `khronika.merge` folds the very timelines the library built, byte offsets and all.
#[pyclass(frozen, module = "khronika._khronika", name = "Timeline")]
struct PyTimeline {
    inner: Timeline,
}

#[pymethods]
impl PyTimeline {
    /// Number of events.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<khronika timeline of {} events>", self.inner.len())
    }
}

/// The run's options: the library's defaults, with `prefer` when given.
fn options(prefer: Option<&str>) -> PyResult<ResolveOptions> {
    let mut options = ResolveOptions::default();
    if let Some(p) = prefer {
        options.prefer = p.parse::<Prefer>().map_err(|e| Error::new_err(format!("bad prefer: {e}")))?;
    }
    Ok(options)
}

/// The record JSON of corpus line number `line_no` and, when the line was read, its
/// document's timeline. A panic in the analysis (a bug) becomes an error record.
fn analyse_line(line_no: usize, bytes: &[u8], options: ResolveOptions) -> (String, Option<Timeline>) {
    let analysed = panic::catch_unwind(AssertUnwindSafe(|| match read_line(bytes) {
        Ok(line) => {
            let extractor = Extractor::new(ResolveOptions { prefer: line.prefer.unwrap_or(options.prefer), ..options });
            // With the id as the document's, as the library's corpus merge analyses a line;
            // the record is the one its corpus mode writes (the line's id as written).
            let doc = line.document_with_id();
            let analysis = extractor.analyze(&doc);
            let record = RecordView::new(&doc, &analysis).with_id(line.id.clone());
            match serde_json::to_string(&record) {
                Ok(json) => (json, Some(analysis.timeline)),
                Err(e) => (error_json(line_no, &format!("the record could not be written: {e}")), None),
            }
        }
        Err(e) => (serde_json::to_string(&e.record(line_no)).unwrap_or_default(), None),
    }));
    analysed.unwrap_or_else(|_| (error_json(line_no, "internal error: the analysis failed"), None))
}

/// An error record without an id, for what the library's own records do not cover.
fn error_json(line_no: usize, message: &str) -> String {
    serde_json::json!({ "line": line_no, "error": message }).to_string()
}

/// Analyses corpus lines (each a UTF-8 JSON object, one document, with its 1-based
/// number for its error record) on `jobs` threads (0: one per core; at most four per core),
/// the GIL released. Returns one `(record_json, timeline or None)` per line, in order.
#[pyfunction]
#[pyo3(signature = (lines, jobs = 1, prefer = None))]
fn analyze_lines(
    py: Python<'_>,
    lines: Vec<(usize, Bound<'_, PyBytes>)>,
    jobs: usize,
    prefer: Option<&str>,
) -> PyResult<Vec<(String, Option<PyTimeline>)>> {
    let options = options(prefer)?;
    let lines: Vec<(usize, Vec<u8>)> = lines.iter().map(|(n, b)| (*n, b.as_bytes().to_vec())).collect();
    let jobs = corpus::jobs(jobs).min(lines.len().max(1));
    let results = py.detach(move || {
        let mut out = Vec::with_capacity(lines.len());
        let f = |(line_no, line): (usize, Vec<u8>)| analyse_line(line_no, &line, options);
        let _ = map_ordered(lines, jobs, f, |r| {
            out.push(r);
            Ok::<(), Infallible>(())
        });
        out
    });
    Ok(results.into_iter().map(|(json, t)| (json, t.map(|inner| PyTimeline { inner }))).collect())
}

/// Merges timelines into one corpus timeline (`khronika::Timeline::merge`; `None` takes a
/// place in the numbering and adds nothing) with the merged timelines `parts` holds (JSON
/// that a merge wrote before: `khronika.merge`'s result or the example's `--merge --format
/// json`, read by `khronika::corpus::read_merged`), and returns its JSON, as the example's
/// `--merge --format json` writes it.
#[pyfunction]
#[pyo3(signature = (timelines, parts = Vec::new()))]
fn merge_timelines(
    py: Python<'_>,
    timelines: Vec<Option<Py<PyTimeline>>>,
    parts: Vec<(usize, String)>,
) -> PyResult<String> {
    let timelines = &timelines;
    py.detach(move || {
        let mut read = Vec::with_capacity(parts.len());
        for (k, json) in &parts {
            let part = corpus::read_merged(&format!("item {k}"), json).map_err(|e| Error::new_err(e.to_string()))?;
            read.push(part);
        }
        let all = timelines.iter().map(|t| t.as_ref().map(|t| t.get().inner.clone()).unwrap_or_default());
        let merged = Timeline::merge(all.chain(read));
        serde_json::to_string(&merged)
            .map_err(|e| Error::new_err(format!("the merged timeline could not be written: {e}")))
    })
}

/// The library's corpus mode on a JSONL input (`khronika::corpus::records_with`): the
/// records as JSONL bytes. The tests hold the Python face to it.
#[pyfunction]
#[pyo3(signature = (input, jobs = 1, prefer = None))]
fn corpus_records<'py>(
    py: Python<'py>,
    input: &[u8],
    jobs: usize,
    prefer: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = options(prefer)?;
    let input = input.to_vec();
    let out = py.detach(move || {
        let mut out = Vec::new();
        corpus::records_with(input.as_slice(), &mut out, corpus::jobs(jobs), options).map(|_| out)
    });
    let out = out.map_err(|e| Error::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, &out))
}

/// The library's corpus merge on a JSONL input (`khronika::corpus::merge_with`): the merged
/// timeline's JSON (the example's `--jsonl --merge --format json`) and the error records'
/// JSON. The tests hold the Python face to it.
#[pyfunction]
#[pyo3(signature = (input, jobs = 1))]
fn corpus_merge(py: Python<'_>, input: &[u8], jobs: usize) -> PyResult<(String, Vec<String>)> {
    let input = input.to_vec();
    let merged = py.detach(move || {
        let mut errors = Vec::new();
        let on_error = |e: &corpus::ErrorRecord| errors.push(serde_json::to_string(e).unwrap_or_default());
        let (timeline, _) =
            corpus::merge_with(input.as_slice(), corpus::jobs(jobs), ResolveOptions::default(), on_error)?;
        let json = serde_json::to_string(&timeline).map_err(std::io::Error::other)?;
        Ok::<_, std::io::Error>((json, errors))
    });
    merged.map_err(|e| Error::new_err(e.to_string()))
}

/// The worker threads a requested `jobs` runs on (`khronika::corpus::jobs`: 0 is one per
/// core, and no more than four per core).
#[pyfunction]
fn jobs(requested: usize) -> usize {
    corpus::jobs(requested)
}

/// The extension module.
#[pymodule]
fn _khronika(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyTimeline>()?;
    m.add_function(wrap_pyfunction!(analyze_lines, m)?)?;
    m.add_function(wrap_pyfunction!(merge_timelines, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_records, m)?)?;
    m.add_function(wrap_pyfunction!(corpus_merge, m)?)?;
    m.add_function(wrap_pyfunction!(jobs, m)?)?;
    Ok(())
}
