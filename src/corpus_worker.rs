//! The worker's half of result files at corpus scale (compiled into the
//! `stance-worker` binary only).
//!
//! A result file of 10,000 articles is 75 MB of JSON: parsing it on the
//! page's thread stalls the tab for seconds and holding it there costs
//! hundreds of megabytes. So the page hands the `File` itself to a worker,
//! which reads, parses and keeps the matrix; the page then asks for the
//! window it renders and for one cell's evidence at a time, and the search
//! and the stance filter run here, over names folded once.
//!
//! Messages in: `{corpus: "open", file}`, `{corpus: "window", id, request}`
//! (a JSON [`WindowRequest`]), `{corpus: "cell", id, request}` (a JSON
//! [`CellRequest`]). Messages out: `{corpus: "opened", json}` (a
//! [`CorpusSummary`]), `{corpus: "window", id, json}` (a
//! [`MatrixWindow`]), `{corpus: "cell", id, json}` (a [`CellDetail`] or
//! `null`), and `{corpus: "error", id, reason}`.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use stance_engine::contract::SCHEMA;
use stance_engine::{Overall, StanceMatrix};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::matrix_view::{cell_detail, cut_window, plain_heading, CellDetail, MatrixWindow};
use crate::membership::bodies;
use crate::result_marks::Marks;
use crate::rows::{arrange_by, counts, folded_names, Arranged, Query};

/// Largest result file read, in bytes.
const MAX_FILE_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// What the page asks to render.
#[derive(Debug, Deserialize)]
pub struct WindowRequest {
    /// Search, filter, order, grouping.
    pub query: Query,
    /// Lines `[start, end)`.
    pub lines: [usize; 2],
    /// Article columns `[start, end)`.
    pub columns: [usize; 2],
}

/// The cell whose evidence the page shows.
#[derive(Debug, Deserialize)]
pub struct CellRequest {
    /// Actor id.
    pub actor: String,
    /// Document id.
    pub document: String,
}

/// What the page learns when the file is read.
#[derive(Debug, Serialize)]
pub struct CorpusSummary {
    /// Articles.
    pub documents: usize,
    /// Actors.
    pub actors: usize,
    /// Cells.
    pub cells: usize,
    /// Actors per overall position.
    pub counts: Vec<(Overall, usize)>,
    /// The worker's WebAssembly memory after reading, in MB.
    pub memory_mb: f64,
    /// How long reading and indexing took, in ms.
    pub millis: f64,
    /// Whether this widget exported the file (its marks are shown).
    pub from_widget: bool,
}

/// A result file held by the worker, indexed for windows.
struct Corpus {
    matrix: StanceMatrix,
    /// Each actor's names, folded for the search.
    folded: Vec<Vec<String>>,
    /// Each actor's cells as `(column, cell index)`, by column.
    by_column: Vec<Vec<(u32, u32)>>,
    /// The last query and its rows: scrolling re-arranges nothing.
    last: Option<(Query, Arranged)>,
    /// The editor's marks (✎, ✓) of a file this widget exported.
    marks: Marks,
    /// Each actor's body (see `membership.rs`), from the same file.
    bodies: Vec<Option<usize>>,
}

impl Corpus {
    fn new(matrix: StanceMatrix, marks: Marks) -> Corpus {
        let column: HashMap<&str, u32> = matrix.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i as u32)).collect();
        let by_column = matrix
            .actors
            .iter()
            .map(|a| {
                let mut cells: Vec<(u32, u32)> =
                    a.cells.iter().enumerate().filter_map(|(i, c)| column.get(c.document.as_str()).map(|&col| (col, i as u32))).collect();
                cells.sort_unstable();
                cells
            })
            .collect();
        let folded = matrix.actors.iter().map(folded_names).collect();
        let bodies = bodies(&matrix, &marks.member_of);
        Corpus { matrix, folded, by_column, last: None, marks, bodies }
    }

    fn window(&mut self, request: &WindowRequest) -> MatrixWindow {
        if self.last.as_ref().is_none_or(|(q, _)| *q != request.query) {
            let folded = &self.folded;
            let arranged = arrange_by(&self.matrix, &request.query, &self.bodies, |i, needle| folded[i].iter().any(|f| f.contains(needle)));
            self.last = Some((request.query.clone(), arranged));
        }
        let Some((_, arranged)) = self.last.as_ref() else { unreachable!("arranged just above") };
        let m = &self.matrix;
        let by_column = &self.by_column;
        let cell_at = |a: usize, c: usize| {
            let cells = &by_column[a];
            cells.binary_search_by_key(&(c as u32), |&(col, _)| col).ok().map(|at| &m.actors[a].cells[cells[at].1 as usize])
        };
        let mut window = cut_window(
            m,
            arranged,
            request.lines[0]..request.lines[1],
            request.columns[0]..request.columns[1],
            cell_at,
            |c| plain_heading(m, c),
            |actor, document| self.marks.cell(actor, document),
        );
        window.counts = counts(m);
        window
    }

    fn cell(&self, request: &CellRequest) -> Option<CellDetail> {
        let number = self.matrix.documents.iter().position(|d| d.id == request.document)? + 1;
        let (edited, _) = self.marks.cell(&request.actor, &request.document);
        cell_detail(&self.matrix, &request.actor, &request.document, number, edited)
    }
}

thread_local! {
    static CORPUS: RefCell<Option<Corpus>> = const { RefCell::new(None) };
}

fn get(data: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn reply(scope: &web_sys::DedicatedWorkerGlobalScope, kind: &str, id: &JsValue, body: (&str, &str)) {
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &JsValue::from_str("corpus"), &JsValue::from_str(kind));
    let _ = js_sys::Reflect::set(&out, &JsValue::from_str("id"), id);
    let _ = js_sys::Reflect::set(&out, &JsValue::from_str(body.0), &JsValue::from_str(body.1));
    let _ = scope.post_message(&out);
}

fn memory_mb() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64 / (1024.0 * 1024.0))
}

/// Whether `needle` (at least one byte) occurs in `haystack`.
fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    let mut from = 0;
    while let Some(at) = haystack[from..].iter().position(|&b| b == first) {
        let start = from + at + 1;
        if haystack[start..].starts_with(rest) {
            return true;
        }
        from = start;
    }
    false
}

/// Reads and indexes the file; the bytes are dropped once parsed.
fn open(file: &web_sys::File) -> Result<CorpusSummary, String> {
    let started = js_sys::Date::now();
    if file.size() > MAX_FILE_BYTES {
        return Err(format!("larger than {} MB", MAX_FILE_BYTES / (1024.0 * 1024.0)));
    }
    // A worker may read synchronously: nothing else waits on this thread.
    let reader = web_sys::FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let buffer = reader.read_as_array_buffer(file).map_err(|_| "the file could not be read".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    drop(buffer);
    let matrix: StanceMatrix = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if matrix.schema != SCHEMA {
        return Err(format!("{} ≠ {SCHEMA}", matrix.schema));
    }
    // A second pass for the marks, only over a file this widget exported:
    // the command line's output, the corpus-scale case, is read once.
    let marks = if holds(&bytes, b"\"edits\":") { Marks::read_bytes(&bytes) } else { Marks::default() };
    drop(bytes);
    let from_widget = marks.from_widget;
    let corpus = Corpus::new(matrix, marks);
    let m = &corpus.matrix;
    let summary = CorpusSummary {
        documents: m.documents.len(),
        actors: m.actors.len(),
        cells: m.actors.iter().map(|a| a.cells.len()).sum(),
        counts: counts(m),
        memory_mb: 0.0,
        millis: js_sys::Date::now() - started,
        from_widget,
    };
    CORPUS.with(|c| *c.borrow_mut() = Some(corpus));
    Ok(CorpusSummary { memory_mb: memory_mb(), ..summary })
}

/// Answers a corpus message; returns whether `data` was one.
pub fn handle(data: &JsValue, scope: &web_sys::DedicatedWorkerGlobalScope) -> bool {
    let Some(kind) = get(data, "corpus").as_string() else { return false };
    let id = get(data, "id");
    let request = get(data, "request").as_string().unwrap_or_default();
    let json = |value: Result<String, serde_json::Error>| value.unwrap_or_else(|_| "null".to_string());
    match kind.as_str() {
        "open" => {
            // The previous file's memory is free for this one.
            CORPUS.with(|c| c.borrow_mut().take());
            match get(data, "file").dyn_into::<web_sys::File>().map_err(|_| "no file".to_string()).and_then(|f| open(&f)) {
                Ok(summary) => reply(scope, "opened", &id, ("json", &json(serde_json::to_string(&summary)))),
                Err(reason) => reply(scope, "error", &id, ("reason", &reason)),
            }
        }
        "window" => match serde_json::from_str::<WindowRequest>(&request) {
            Ok(request) => {
                let window = CORPUS.with(|c| c.borrow_mut().as_mut().map(|corpus| corpus.window(&request)));
                reply(scope, "window", &id, ("json", &json(serde_json::to_string(&window))));
            }
            Err(e) => reply(scope, "error", &id, ("reason", &e.to_string())),
        },
        "cell" => match serde_json::from_str::<CellRequest>(&request) {
            Ok(request) => {
                let detail = CORPUS.with(|c| c.borrow().as_ref().and_then(|corpus| corpus.cell(&request)));
                reply(scope, "cell", &id, ("json", &json(serde_json::to_string(&detail))));
            }
            Err(e) => reply(scope, "error", &id, ("reason", &e.to_string())),
        },
        _ => reply(scope, "error", &id, ("reason", "unknown corpus message")),
    }
    true
}
