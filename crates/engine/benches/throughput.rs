//! Engine throughput: `cargo bench -p stance-engine`.
//!
//! Reports the one-time set-up (reading the lexicon that the build script
//! compiled, and for comparison compiling it from the data files), then
//! throughput on the seed articles and on synthetic corpora of 100 KB, 1 MB
//! and 10 MB made by shuffling the seeds' paragraphs into new ~10 KB
//! documents, and the cost per MB at each size, then one 1 MB document
//! without a sentence end. Cost per MB that stays flat as the corpus grows,
//! and as one document grows, is what linear means here. These are figures
//! to read, not assertions: timings on a shared machine are too noisy for a
//! test to fail on.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use stance_engine::lexicon::Lexicon;
use stance_engine::{analyze, Document};

/// The CLI's allocator (crates/cli/src/main.rs), so that these figures are
/// the engine as the `stance` command runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small deterministic generator, so every run shuffles the same way.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

fn seeds_dir() -> PathBuf {
    std::env::var_os("STANCE_SEEDS").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"), PathBuf::from)
}

fn corpus(paragraphs: &[String], bytes: usize, rng: &mut Lcg) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut text = format!("مقال {}\n", docs.len());
        while text.len() < 10_000 {
            text.push_str(&paragraphs[rng.next(paragraphs.len())]);
            text.push('\n');
        }
        total += text.len();
        docs.push(Document::new(format!("d{}", docs.len()), text));
    }
    docs
}

/// Best of `runs` timings, to keep the machine's noise out.
fn best_time(docs: &[Document], runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyze(docs));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn megabytes(docs: &[Document]) -> f64 {
    docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6
}

fn main() {
    let t = Instant::now();
    let _ = Lexicon::get();
    println!("set-up: lexicon read from its compiled form in {:.1} ms (once per process or worker)", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let built = Lexicon::build();
    println!("        compiling it from the data files instead (the build script's work): {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    if let Err(e) = built {
        eprintln!("lexicon error: {e}");
        std::process::exit(1);
    }

    let dir = seeds_dir();
    let mut seeds: Vec<Document> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok().map(|t| Document::new(e.file_name().to_string_lossy(), t)))
            .collect(),
        Err(e) => {
            eprintln!("cannot read the seed articles in {} ({e}); set STANCE_SEEDS", dir.display());
            std::process::exit(1);
        }
    };
    seeds.sort_by(|a, b| a.id.cmp(&b.id));
    let time = best_time(&seeds, 20);
    println!(
        "seeds: {} documents, {:.0} KB: {:.2} ms, {:.1} MB/s",
        seeds.len(),
        megabytes(&seeds) * 1e3,
        time.as_secs_f64() * 1e3,
        megabytes(&seeds) / time.as_secs_f64()
    );

    let paragraphs: Vec<String> = seeds
        .iter()
        .flat_map(|d| d.text.lines().map(str::trim).filter(|l| l.chars().count() > 40).map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut rng = Lcg(20261122);
    let mut costs = Vec::new();
    for (label, bytes, runs) in [("100 KB", 100_000, 10), ("1 MB", 1_000_000, 5), ("10 MB", 10_000_000, 5)] {
        let docs = corpus(&paragraphs, bytes, &mut rng);
        let time = best_time(&docs, runs);
        let mb = megabytes(&docs);
        let per_mb = time.as_secs_f64() * 1e3 / mb;
        costs.push(per_mb);
        println!(
            "{label}: {} documents, {:.2} MB in {:.1} ms: {:.1} MB/s, {:.1} ms per MB",
            docs.len(),
            mb,
            time.as_secs_f64() * 1e3,
            mb / time.as_secs_f64(),
            per_mb
        );
    }
    if let (Some(first), Some(last)) = (costs.first(), costs.last()) {
        println!("cost per MB, 10 MB / 100 KB: {:.2}", last / first);
    }

    // One document of 1 MB that never ends a sentence: every stage that
    // works per sentence or per document meets all of it at once.
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&paragraphs[rng.next(paragraphs.len())].replace(['.', '،', '؟', '!', ':'], " "));
        text.push(' ');
    }
    let docs = [Document::new("long", text)];
    let time = best_time(&docs, 3);
    let mb = megabytes(&docs);
    let per_mb = time.as_secs_f64() * 1e3 / mb;
    println!(
        "one document, {mb:.2} MB, no sentence end: {:.1} ms, {:.1} MB/s, {per_mb:.1} ms per MB",
        time.as_secs_f64() * 1e3,
        mb / time.as_secs_f64()
    );
    if let Some(first) = costs.first() {
        println!("cost per MB, that document / 100 KB corpus: {:.2}", per_mb / first);
    }
}
