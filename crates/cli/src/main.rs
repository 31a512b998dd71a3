//! `stance`: the stance-matrix analyzer from a terminal, for single articles
//! and for corpora.
//!
//! Inputs are streamed (files, directories, JSON Lines, standard input),
//! analyzed in parallel in order-preserving chunks, and merged into one
//! matrix at the end; `--format jsonl` streams each document's result
//! instead. Bad records are reported on standard error and skipped. Exit
//! status: 0 success, 1 bad records under `--strict`, 2 an input that cannot
//! be read or a usage error. A closed output pipe is not an error.

mod input;
mod options;
mod output;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use stance_engine::{analyze_document, DocumentAnalysis, MatrixBuilder};

use input::{Problem, Record, Records};
use options::{Format, Options, USAGE};

/// Documents analyzed together: enough to keep every core busy, few enough
/// that memory stays bounded however large the corpus.
const CHUNK: usize = 256;

/// mimalloc instead of the system allocator: each article's analysis builds
/// and frees a few hundred vectors sized by its words, and glibc's malloc
/// spent about 15 % of a one-thread run splitting and merging those chunks
/// (perf, `cargo bench -p stance-engine`); with mimalloc the same run is
/// 11-13 % faster, output unchanged. The browser's wasm keeps Rust's own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How a run ended.
enum Outcome {
    Done { bad_records: usize },
    Fatal(String),
}

fn analyze_record(record: &Record) -> DocumentAnalysis {
    let mut analysis = analyze_document(&record.document.id, &record.document.text);
    // The record's own date wins over one found in the text.
    if record.date.is_some() {
        analysis.summary.date = record.date.clone();
    }
    analysis.summary.outlet = record.outlet.clone();
    analysis
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} documents analyzed ({per_sec}, {elapsed})") {
        bar.set_style(style);
    }
    bar
}

fn run(options: &Options) -> io::Result<Outcome> {
    let started = Instant::now();
    let bar = progress_bar(options.quiet);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut records = Records::new(&options.inputs);
    let mut builder = MatrixBuilder::default();
    let mut bad_records = 0;
    let mut documents = 0;
    let mut exhausted = false;
    while !exhausted {
        let mut chunk = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK {
            match records.next() {
                None => {
                    exhausted = true;
                    break;
                }
                Some(Ok(record)) => chunk.push(record),
                Some(Err(Problem::Skipped(message))) => {
                    bar.suspend(|| eprintln!("stance: skipped {message}"));
                    bad_records += 1;
                }
                Some(Err(Problem::Fatal(message))) => {
                    bar.finish_and_clear();
                    return Ok(Outcome::Fatal(message));
                }
            }
        }
        let analyses: Vec<DocumentAnalysis> = chunk.par_iter().map(analyze_record).collect();
        documents += analyses.len();
        for analysis in analyses {
            match options.format {
                Format::Jsonl => output::write_jsonl_line(&mut out, analysis)?,
                Format::Json | Format::Csv => builder.add(analysis),
            }
            bar.inc(1);
        }
    }
    let actors = builder.actor_count();
    match options.format {
        Format::Json => output::write_json(&mut out, &builder.finish())?,
        Format::Csv => output::write_csv(&mut out, &builder.finish())?,
        Format::Jsonl => {}
    }
    out.flush()?;
    bar.finish_and_clear();
    if !options.quiet {
        let actors = if options.format == Format::Jsonl { String::new() } else { format!(", {actors} actors") };
        let skipped = if bad_records > 0 { format!(", {bad_records} bad records skipped") } else { String::new() };
        eprintln!("stance: {documents} documents{actors}{skipped}, {:.2} s", started.elapsed().as_secs_f64());
    }
    Ok(Outcome::Done { bad_records })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("stance: {USAGE}");
        return ExitCode::from(2);
    };
    if command == "-h" || command == "--help" || rest.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if command != "analyze" {
        eprintln!("stance: unknown command {command:?}\n{USAGE}");
        return ExitCode::from(2);
    }
    let options = match options::parse(rest) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("stance: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if options.threads > 0 {
        if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(options.threads).build_global() {
            eprintln!("stance: cannot start {} threads: {e}", options.threads);
            return ExitCode::from(2);
        }
    }
    match run(&options) {
        Ok(Outcome::Done { bad_records }) if bad_records > 0 && options.strict => ExitCode::from(1),
        Ok(Outcome::Done { .. }) => ExitCode::SUCCESS,
        Ok(Outcome::Fatal(message)) => {
            eprintln!("stance: {message}");
            ExitCode::from(2)
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stance: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}
