//! Streaming input: documents are read one at a time from files,
//! directories and JSON Lines, so a corpus never has to fit in memory.
//!
//! A record that cannot be used (an invalid JSON line, a line without text, a
//! non-UTF-8 file inside a directory) is a [`Problem::Skipped`]; an input
//! named on the command line that cannot be read at all is a
//! [`Problem::Fatal`].

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use stance_engine::Document;

/// A document with the optional metadata of a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The document.
    pub document: Document,
    /// Publication date, if given.
    pub date: Option<String>,
    /// Outlet, if given.
    pub outlet: Option<String>,
}

/// Why a record or input was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A bad record, reported and skipped.
    Skipped(String),
    /// An input named on the command line that cannot be read.
    Fatal(String),
}

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
}

/// A source of records still to be read.
enum Source {
    /// A text file named on the command line.
    File(PathBuf),
    /// A text file found in a directory (problems are records, not fatal).
    FoundFile(PathBuf),
    /// A JSON Lines stream with its display name and next line number.
    Lines { name: String, reader: Box<dyn BufRead>, line: usize },
}

/// Yields records from every input in order.
pub struct Records {
    pending: VecDeque<PathBuf>,
    current: Option<Source>,
    queued_files: VecDeque<PathBuf>,
}

impl Records {
    /// Prepares to read `inputs` in order.
    pub fn new(inputs: &[PathBuf]) -> Records {
        Records { pending: inputs.iter().cloned().collect(), current: None, queued_files: VecDeque::new() }
    }

    fn open(&mut self, path: PathBuf) -> Result<(), Problem> {
        let name = path.display().to_string();
        if name == "-" {
            self.current = Some(Source::Lines { name: "stdin".to_string(), reader: Box::new(BufReader::new(io::stdin())), line: 0 });
            return Ok(());
        }
        let meta = std::fs::metadata(&path).map_err(|e| Problem::Fatal(format!("{name}: cannot read: {}", describe(&e))))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            collect_txt(&path, &mut files).map_err(|e| Problem::Fatal(format!("{name}: cannot list: {}", describe(&e))))?;
            files.sort();
            self.queued_files.extend(files);
            return Ok(());
        }
        let jsonl = matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"));
        if jsonl {
            let file = File::open(&path).map_err(|e| Problem::Fatal(format!("{name}: cannot read: {}", describe(&e))))?;
            self.current = Some(Source::Lines { name, reader: Box::new(BufReader::new(file)), line: 0 });
        } else {
            self.current = Some(Source::File(path));
        }
        Ok(())
    }
}

/// Every `*.txt` file below `dir`.
fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().and_then(|e| e.to_str()) == Some("txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// An I/O error without the "(os error N)" noise.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        io::ErrorKind::InvalidData => "not valid UTF-8".to_string(),
        _ => e.to_string(),
    }
}

/// The document id of a path: its file name, or the whole path if it has none.
fn document_id(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn read_text_file(path: &Path) -> Result<Record, String> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("{}: cannot read: {}", path.display(), describe(&e)))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{}: not valid UTF-8 (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to()))?;
    Ok(Record { document: Document::new(document_id(path), text), date: None, outlet: None })
}

fn parse_line(name: &str, number: usize, line: &str) -> Result<Record, String> {
    let record: JsonRecord = serde_json::from_str(line).map_err(|e| format!("{name}:{number}: invalid JSON: {e}"))?;
    let text = record.text.ok_or_else(|| format!("{name}:{number}: no \"text\" string"))?;
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => format!("{name}:{number}"),
        Some(_) => return Err(format!("{name}:{number}: \"id\" must be a string or a number")),
    };
    Ok(Record { document: Document::new(id, text), date: record.date, outlet: record.outlet })
}

impl Iterator for Records {
    type Item = Result<Record, Problem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.current.take() {
                Some(Source::File(path)) => return Some(read_text_file(&path).map_err(Problem::Fatal)),
                Some(Source::FoundFile(path)) => return Some(read_text_file(&path).map_err(Problem::Skipped)),
                Some(Source::Lines { name, mut reader, line }) => {
                    let mut buf = Vec::new();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) => continue,
                        Ok(_) => {
                            let number = line + 1;
                            let parsed = match std::str::from_utf8(&buf) {
                                Ok(s) if s.trim().is_empty() => None,
                                Ok(s) => Some(parse_line(&name, number, s.trim_end_matches(['\n', '\r']))),
                                Err(_) => Some(Err(format!("{name}:{number}: not valid UTF-8"))),
                            };
                            self.current = Some(Source::Lines { name, reader, line: number });
                            match parsed {
                                None => continue,
                                Some(result) => return Some(result.map_err(Problem::Skipped)),
                            }
                        }
                        Err(e) => return Some(Err(Problem::Fatal(format!("{name}: cannot read: {}", describe(&e))))),
                    }
                }
                None => {
                    if let Some(path) = self.queued_files.pop_front() {
                        self.current = Some(Source::FoundFile(path));
                        continue;
                    }
                    let path = self.pending.pop_front()?;
                    if let Err(problem) = self.open(path) {
                        return Some(Err(problem));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_records() {
        let r = parse_line("c.jsonl", 3, r#"{"id": "a1", "text": "نص", "date": "2024-01-02", "outlet": "X"}"#).expect("valid");
        assert_eq!(r.document.id, "a1");
        assert_eq!(r.date.as_deref(), Some("2024-01-02"));
        assert_eq!(parse_line("c.jsonl", 4, r#"{"id": 7, "text": "t"}"#).expect("numeric id").document.id, "7");
        assert_eq!(parse_line("c.jsonl", 5, r#"{"text": "t"}"#).expect("no id").document.id, "c.jsonl:5");
    }

    #[test]
    fn bad_lines_name_their_line() {
        assert!(parse_line("c.jsonl", 9, "{not json").unwrap_err().starts_with("c.jsonl:9: invalid JSON"));
        assert!(parse_line("c.jsonl", 2, r#"{"id": "x"}"#).unwrap_err().contains("c.jsonl:2: no \"text\""));
        assert!(parse_line("c.jsonl", 2, r#"{"id": [1], "text": "t"}"#).is_err());
    }
}
