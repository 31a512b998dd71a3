//! Command-line options of `stance analyze`.

use std::path::PathBuf;

/// What the output looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The `stance-matrix/1` JSON of the whole corpus.
    Json,
    /// One row per actor and document.
    Csv,
    /// One `stance-matrix/1` object per document and line, streamed.
    Jsonl,
}

/// Parsed options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Output format.
    pub format: Format,
    /// Exit non-zero when any record was bad.
    pub strict: bool,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// No progress bar and no summary line.
    pub quiet: bool,
    /// Files, directories, JSON Lines files, or `-` for JSON Lines on standard input.
    pub inputs: Vec<PathBuf>,
}

/// The usage text.
pub const USAGE: &str = "usage: stance analyze [OPTIONS] INPUT...

Analyzes Arabic news articles and prints their stance matrix (stance-matrix/1).

INPUT is a UTF-8 text file (one article), a directory (every *.txt below it),
a JSON Lines file (*.jsonl, *.ndjson: {\"id\", \"text\", \"date\"?, \"outlet\"?} per line),
or - for JSON Lines on standard input.

OPTIONS:
  --format json|csv|jsonl   output format (default json; jsonl streams one document per line)
  --threads N               worker threads (default: one per core)
  --strict                  exit with status 1 when any record was bad (default: report and skip)
  --quiet                   no progress bar and no summary line on standard error
  -h, --help                this text";

/// Parses the arguments after `analyze`.
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options { format: Format::Json, strict: false, threads: 0, quiet: false, inputs: Vec::new() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--strict" => options.strict = true,
            "--quiet" | "-q" => options.quiet = true,
            "--format" => {
                options.format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some("jsonl") => Format::Jsonl,
                    other => return Err(format!("--format takes json, csv or jsonl, not {other:?}")),
                }
            }
            "--threads" => {
                options.threads =
                    it.next().and_then(|n| n.parse().ok()).filter(|&n: &usize| n > 0).ok_or("--threads takes a positive number")?;
            }
            "-" => options.inputs.push(PathBuf::from("-")),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => options.inputs.push(PathBuf::from(path)),
        }
    }
    if options.inputs.is_empty() {
        return Err("analyze needs at least one input".to_string());
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_and_flags() {
        let o = parse(&args(&["a.txt"])).expect("parses");
        assert_eq!((o.format, o.strict, o.threads, o.quiet), (Format::Json, false, 0, false));
        let o = parse(&args(&["--format", "csv", "--strict", "--threads", "2", "-", "dir"])).expect("parses");
        assert_eq!((o.format, o.strict, o.threads), (Format::Csv, true, 2));
        assert_eq!(o.inputs, vec![PathBuf::from("-"), PathBuf::from("dir")]);
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(parse(&args(&[])).is_err());
        assert!(parse(&args(&["--format", "xml", "a"])).is_err());
        assert!(parse(&args(&["--threads", "0", "a"])).is_err());
        assert!(parse(&args(&["--frobnicate", "a"])).is_err());
    }
}
