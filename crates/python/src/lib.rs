//! Python bindings of the stance-matrix analyzer: the extension module
//! `stance_matrix._native`, wrapped by the pure-Python package
//! `stance_matrix` (`python/stance_matrix/__init__.py`), which is the API to
//! use.
//!
//! The map and the reduce of a corpus are exposed apart, so that Dask or
//! Spark can run them on a cluster: [`analyze_document`] gives a
//! [`Partial`] (one document's analysis, picklable), [`merge`] folds any
//! number of them, in any order and grouping, into the `stance-matrix/1`
//! matrix. [`MatrixBuilder`] depends on the order of documents (document
//! list, row order, the ` (2)` suffix of repeated ids), so a partial carries
//! its document's position, `index`, and merging sorts by it.

use std::cmp::Ordering;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};
use serde::{Deserialize, Serialize};
use stance_engine::{DocumentAnalysis, MatrixBuilder, StanceMatrix};

/// mimalloc, as in the `stance` command: an article's analysis builds and
/// frees a few hundred vectors, where glibc's allocator took about 15 % of
/// the time. It serves this module's Rust allocations only; Python's own
/// objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    stance_matrix,
    StanceMatrixError,
    PyValueError,
    "A document or partial that the analyzer cannot take: the message says which one and why."
);

/// The schema tag of a serialized partial.
const PARTIAL_SCHEMA: &str = "stance-partial/1";

/// One document's analysis, ready to be merged with others by `merge`.
///
/// Made by `analyze_document`. It pickles (as its JSON) and converts to and
/// from JSON with `to_json` / `Partial.from_json`, so a cluster can ship it.
/// `index` is the document's position in the corpus: `merge` orders
/// documents by `index` (then by id), so the result does not depend on the
/// order in which partials arrive.
#[pyclass(module = "stance_matrix", frozen)]
#[derive(Clone, Serialize, Deserialize)]
pub struct Partial {
    index: u64,
    analysis: DocumentAnalysis,
}

/// The serialized form of a partial.
#[derive(Serialize, Deserialize)]
struct PartialFile {
    schema: String,
    index: u64,
    analysis: DocumentAnalysis,
}

impl Partial {
    fn json(&self) -> Result<String, serde_json::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            schema: &'a str,
            index: u64,
            analysis: &'a DocumentAnalysis,
        }
        serde_json::to_string(&Out { schema: PARTIAL_SCHEMA, index: self.index, analysis: &self.analysis })
    }

    fn json_or_err(&self) -> PyResult<String> {
        self.json().map_err(|e| StanceMatrixError::new_err(format!("cannot serialize the partial: {e}")))
    }

    fn parse(json: &str) -> PyResult<Partial> {
        let file: PartialFile =
            serde_json::from_str(json).map_err(|e| StanceMatrixError::new_err(format!("not a serialized partial: {e}")))?;
        if file.schema != PARTIAL_SCHEMA {
            return Err(StanceMatrixError::new_err(format!(
                "not a serialized partial: schema {:?}, expected {PARTIAL_SCHEMA:?}",
                file.schema
            )));
        }
        Ok(Partial { index: file.index, analysis: file.analysis })
    }

    /// The merge order: position, then id, then content, so that the result is
    /// the same for any order of the same partials.
    fn order(a: &Partial, b: &Partial) -> Ordering {
        a.index
            .cmp(&b.index)
            .then_with(|| a.analysis.summary.id.cmp(&b.analysis.summary.id))
            .then_with(|| a.json().ok().cmp(&b.json().ok()))
    }
}

#[pymethods]
impl Partial {
    /// The document's position in the corpus, the key `merge` sorts by.
    #[getter]
    fn index(&self) -> u64 {
        self.index
    }

    /// The document id.
    #[getter]
    fn id(&self) -> String {
        self.analysis.summary.id.clone()
    }

    /// The document's entry in `documents[]`: id, title, chars, date?, outlet?.
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.analysis.summary).map_err(|e| StanceMatrixError::new_err(e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// Number of actors that hold a statement in this document.
    #[getter]
    fn actor_count(&self) -> usize {
        self.analysis.cells.len()
    }

    /// The partial as JSON (`{"schema": "stance-partial/1", "index", "analysis"}`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| self.json_or_err())
    }

    /// A partial from the JSON that `to_json` wrote.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, PyAny>) -> PyResult<Partial> {
        let json = text_of(json, "json")?;
        py.detach(|| Partial::parse(&json))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.get_type::<Partial>().getattr("from_json")?;
        let json = slf.get().json_or_err()?;
        PyTuple::new(py, [from_json.into_any(), PyTuple::new(py, [json])?.into_any()])
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Partial>().is_ok_and(|o| Partial::order(self, o.get()) == Ordering::Equal)
    }

    fn __repr__(&self) -> String {
        format!("Partial(id={:?}, index={}, actors={})", self.analysis.summary.id, self.index, self.analysis.cells.len())
    }
}

/// A Python str as a Rust String, with clear errors for other types and for
/// strings that are not valid Unicode (lone surrogates).
fn text_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let Ok(s) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!("{what} must be a str, not {}", type_name(value))));
    };
    match s.extract::<String>() {
        Ok(text) => Ok(text),
        Err(_) => Err(StanceMatrixError::new_err(format!(
            "{what} is not valid Unicode: {}; decode the bytes with errors=\"replace\" or fix the source",
            surrogate_position(s)
        ))),
    }
}

/// Where the first lone surrogate of a string is, for the error message.
fn surrogate_position(s: &Bound<'_, PyString>) -> String {
    let found = (|| -> PyResult<Option<usize>> {
        let bytes = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
        let bytes = bytes.cast::<PyBytes>()?.as_bytes();
        Ok(bytes.chunks_exact(4).position(|c| (0xD800..=0xDFFF).contains(&u32::from_le_bytes([c[0], c[1], c[2], c[3]]))))
    })();
    match found {
        Ok(Some(i)) => format!("a lone surrogate at character {i}"),
        _ => "it cannot be encoded as UTF-8".to_string(),
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// One document of an `analyze` call, read from Python.
struct Input {
    id: String,
    text: String,
    date: Option<String>,
    outlet: Option<String>,
}

fn optional_text(dict: &Bound<'_, PyDict>, key: &str, what: &str) -> PyResult<Option<String>> {
    match dict.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => text_of(&v, &format!("{what}: \"{key}\"")).map(Some),
    }
}

/// Reads the documents of `analyze`: dicts `{"id", "text", "date"?,
/// "outlet"?}` or plain strings, which get the id `{source}:{n}` (n counted
/// from 1), as the CLI names a JSON Lines record without an id.
fn read_inputs(docs: &Bound<'_, PyAny>, source: &str) -> PyResult<Vec<Input>> {
    if docs.is_instance_of::<PyString>() || docs.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "docs must be a list of documents (dicts or strings), not a single {}; wrap it in a list",
            type_name(docs)
        )));
    }
    let iter = docs.try_iter().map_err(|_| PyTypeError::new_err(format!("docs must be a list of documents, not {}", type_name(docs))))?;
    let mut inputs = Vec::new();
    for (n, item) in iter.enumerate() {
        let item = item?;
        let what = format!("document {n}");
        if item.is_instance_of::<PyString>() {
            let text = text_of(&item, &format!("{what}: text"))?;
            inputs.push(Input { id: format!("{source}:{}", n + 1), text, date: None, outlet: None });
            continue;
        }
        let Ok(dict) = item.cast::<PyDict>() else {
            return Err(PyTypeError::new_err(format!(
                "{what} must be a dict {{\"id\", \"text\", \"date\"?, \"outlet\"?}} or a str, not {}",
                type_name(&item)
            )));
        };
        let id = match dict.get_item("id")? {
            None => {
                return Err(StanceMatrixError::new_err(format!(
                    "{what} has no \"id\"; give one, or pass the text as a plain string to get the id \"{source}:{}\"",
                    n + 1
                )))
            }
            Some(v) => document_id(&v, &what)?,
        };
        let what = format!("{what} ({id:?})");
        let text = match dict.get_item("text")? {
            None => return Err(StanceMatrixError::new_err(format!("{what} has no \"text\""))),
            Some(v) => text_of(&v, &format!("{what}: \"text\""))?,
        };
        let date = optional_text(dict, "date", &what)?;
        let outlet = optional_text(dict, "outlet", &what)?;
        inputs.push(Input { id, text, date, outlet });
    }
    Ok(inputs)
}

/// An id as the CLI takes it from JSON: a non-empty string, or an integer.
fn document_id(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if value.is_instance_of::<PyString>() {
        let id = text_of(value, &format!("{what}: \"id\""))?;
        if id.is_empty() {
            return Err(StanceMatrixError::new_err(format!("{what}: \"id\" is empty")));
        }
        return Ok(id);
    }
    if value.is_instance_of::<pyo3::types::PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(value.str()?.to_string());
    }
    Err(PyTypeError::new_err(format!("{what}: \"id\" must be a str or an int, not {}", type_name(value))))
}

/// The CLI's per-record analysis: a record's own date wins over one found in
/// the text; the outlet is the record's.
fn analyze_one(id: &str, text: &str, date: Option<String>, outlet: Option<String>) -> DocumentAnalysis {
    let mut analysis = stance_engine::analyze_document(id, text);
    if date.is_some() {
        analysis.summary.date = date;
    }
    analysis.summary.outlet = outlet;
    analysis
}

fn analyze_inputs(inputs: Vec<Input>) -> StanceMatrix {
    let mut builder = MatrixBuilder::default();
    for input in inputs {
        builder.add(analyze_one(&input.id, &input.text, input.date, input.outlet));
    }
    builder.finish()
}

/// The CLI's JSON: pretty, two-space indent, and a trailing newline.
fn pretty(matrix: &StanceMatrix) -> PyResult<String> {
    let mut out = serde_json::to_string_pretty(matrix).map_err(|e| StanceMatrixError::new_err(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

/// The matrix of `docs` as the CLI's JSON text (pretty, trailing newline).
#[pyfunction]
#[pyo3(signature = (docs, *, source = "stdin"))]
fn analyze_json(py: Python<'_>, docs: &Bound<'_, PyAny>, source: &str) -> PyResult<String> {
    let inputs = read_inputs(docs, source)?;
    py.detach(|| pretty(&analyze_inputs(inputs)))
}

/// The matrix of `docs` as compact JSON, for `analyze` to load into a dict.
#[pyfunction]
#[pyo3(signature = (docs, *, source = "stdin"))]
fn analyze_compact(py: Python<'_>, docs: &Bound<'_, PyAny>, source: &str) -> PyResult<String> {
    let inputs = read_inputs(docs, source)?;
    py.detach(|| serde_json::to_string(&analyze_inputs(inputs)).map_err(|e| StanceMatrixError::new_err(e.to_string())))
}

/// Analyzes one document (the map): returns its `Partial`.
#[pyfunction]
#[pyo3(signature = (id, text, *, index = 0, date = None, outlet = None))]
fn analyze_document(
    py: Python<'_>,
    id: &Bound<'_, PyAny>,
    text: &Bound<'_, PyAny>,
    index: u64,
    date: Option<&Bound<'_, PyAny>>,
    outlet: Option<&Bound<'_, PyAny>>,
) -> PyResult<Partial> {
    let id = document_id(id, "id")?;
    let text = text_of(text, "text")?;
    let date = date.filter(|d| !d.is_none()).map(|d| text_of(d, "date")).transpose()?;
    let outlet = outlet.filter(|o| !o.is_none()).map(|o| text_of(o, "outlet")).transpose()?;
    Ok(py.detach(|| Partial { index, analysis: analyze_one(&id, &text, date, outlet) }))
}

/// Collects partials from an iterable of partials and (nested) iterables of them.
fn collect_partials(value: &Bound<'_, PyAny>, out: &mut Vec<Partial>, depth: usize) -> PyResult<()> {
    if let Ok(p) = value.cast::<Partial>() {
        out.push(p.get().clone());
        return Ok(());
    }
    if depth > 0 && value.is_instance_of::<PyString>() {
        return Err(StanceMatrixError::new_err(format!(
            "expected a Partial, got a str: turn serialized partials back with Partial.from_json ({:?}…)",
            value.str()?.to_string().chars().take(40).collect::<String>()
        )));
    }
    let Ok(iter) = value.try_iter() else {
        return Err(PyTypeError::new_err(format!(
            "merge takes Partial objects (from analyze_document) or lists of them, not {}",
            type_name(value)
        )));
    };
    for item in iter {
        collect_partials(&item?, out, depth + 1)?;
    }
    Ok(())
}

fn merge_partials(mut partials: Vec<Partial>) -> StanceMatrix {
    partials.sort_by(Partial::order);
    let mut builder = MatrixBuilder::default();
    for p in partials {
        builder.add(p.analysis);
    }
    builder.finish()
}

/// The matrix of partials (the reduce) as the CLI's JSON text.
#[pyfunction]
fn merge_json(py: Python<'_>, partials: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut all = Vec::new();
    collect_partials(partials, &mut all, 0)?;
    py.detach(|| pretty(&merge_partials(all)))
}

/// The matrix of partials as compact JSON, for `merge` to load into a dict.
#[pyfunction]
fn merge_compact(py: Python<'_>, partials: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut all = Vec::new();
    collect_partials(partials, &mut all, 0)?;
    py.detach(|| serde_json::to_string(&merge_partials(all)).map_err(|e| StanceMatrixError::new_err(e.to_string())))
}

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
}

/// One JSON Lines record, read exactly as the CLI reads it
/// (crates/cli/src/input.rs `parse_line`): the tests compare the two outputs
/// byte for byte on the same files.
fn parse_line(name: &str, number: usize, line: &str) -> Result<Input, String> {
    let record: JsonRecord = serde_json::from_str(line).map_err(|e| format!("{name}:{number}: invalid JSON: {e}"))?;
    let text = record.text.ok_or_else(|| format!("{name}:{number}: no \"text\" string"))?;
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => format!("{name}:{number}"),
        Some(_) => return Err(format!("{name}:{number}: \"id\" must be a string or a number")),
    };
    Ok(Input { id, text, date: record.date, outlet: record.outlet })
}

/// Analyzes a block of whole lines of a JSON Lines file, as the CLI does:
/// `name` is the file as named on the command line, `first_line` the number
/// (from 1) of the block's first line. Blank lines are passed over; bad lines
/// are returned as messages (`"{name}:{line}: why"`). Each partial's index is
/// its line number, so merging gives the documents in file order.
#[pyfunction]
fn analyze_jsonl_block(py: Python<'_>, name: &str, first_line: usize, data: &Bound<'_, PyBytes>) -> PyResult<(Vec<Partial>, Vec<String>)> {
    let data = data.as_bytes().to_vec();
    let name = name.to_string();
    Ok(py.detach(move || {
        let mut partials = Vec::new();
        let mut problems = Vec::new();
        let mut number = first_line;
        let mut rest: &[u8] = &data;
        while !rest.is_empty() {
            let end = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
            let (line, tail) = rest.split_at(end);
            rest = tail;
            match std::str::from_utf8(line) {
                Ok(s) if s.trim().is_empty() => {}
                Ok(s) => match parse_line(&name, number, s.trim_end_matches(['\n', '\r'])) {
                    Ok(input) => partials
                        .push(Partial { index: number as u64, analysis: analyze_one(&input.id, &input.text, input.date, input.outlet) }),
                    Err(message) => problems.push(message),
                },
                Err(_) => problems.push(format!("{name}:{number}: not valid UTF-8")),
            }
            number += 1;
        }
        (partials, problems)
    }))
}

/// The compiled part of `stance_matrix`; use the `stance_matrix` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("StanceMatrixError", m.py().get_type::<StanceMatrixError>())?;
    m.add_class::<Partial>()?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_compact, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_document, m)?)?;
    m.add_function(wrap_pyfunction!(merge_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge_compact, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_jsonl_block, m)?)?;
    m.add("SCHEMA", "stance-matrix/1")?;
    Ok(())
}
