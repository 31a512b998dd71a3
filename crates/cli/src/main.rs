//! `stance`: the stance-matrix analyzer from a terminal.
//!
//! `stance analyze FILE...` reads each file as one UTF-8 document (its id is
//! the file name) and prints the `stance-matrix/1` JSON on standard output.
//! Errors print one line naming the file and exit with status 2; a closed
//! output pipe is not an error.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use stance_engine::{analyze, Document};

const USAGE: &str =
    "usage: stance analyze FILE...\n\nPrints the stance-matrix/1 JSON of the given UTF-8 text files (one document per file).";

/// A failure the user can act on, printed as one line.
#[derive(Debug)]
struct CliError(String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The document id of a path: its file name, or the whole path if it has none.
fn document_id(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn read_document(path: &Path) -> Result<Document, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError(format!("{}: cannot read: {}", path.display(), describe(&e))))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| CliError(format!("{}: not valid UTF-8 (invalid byte at offset {})", path.display(), e.utf8_error().valid_up_to())))?;
    Ok(Document::new(document_id(path), text))
}

/// An I/O error without the "(os error N)" noise.
fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => e.to_string(),
    }
}

fn run(args: &[String]) -> Result<(), CliError> {
    let Some((command, files)) = args.split_first() else {
        return Err(CliError(USAGE.to_string()));
    };
    if command == "-h" || command == "--help" {
        println!("{USAGE}");
        return Ok(());
    }
    if command != "analyze" {
        return Err(CliError(format!("unknown command {command:?}\n{USAGE}")));
    }
    if files.is_empty() {
        return Err(CliError(format!("analyze needs at least one file\n{USAGE}")));
    }
    let documents = files.iter().map(|f| read_document(Path::new(f))).collect::<Result<Vec<_>, _>>()?;
    let matrix = analyze(&documents);
    let mut out = io::stdout().lock();
    let written =
        serde_json::to_writer_pretty(&mut out, &matrix).map_err(io::Error::from).and_then(|()| writeln!(out)).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(CliError(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stance: {e}");
            ExitCode::from(2)
        }
    }
}
