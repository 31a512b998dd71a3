//! Compiles the lexicon from `data/` at build time.
//!
//! The engine's own modules for text, matching and the lexicon are compiled
//! into this script as they are (one source of truth), the data files are
//! compiled with them, and the result is written in the form of
//! `src/matcher/compiled.rs` for the engine to read at start-up: some 25
//! million instructions of normalizing and interning fewer per process and
//! per page's worker. A data file with an error fails the build, naming the
//! file and line.

// Only the lexicon's compilation of these modules is used here.
#![allow(unused)]

#[path = "src/contract.rs"]
mod contract;
#[path = "src/lexicon/mod.rs"]
mod lexicon;
#[path = "src/matcher/mod.rs"]
mod matcher;
#[path = "src/text/mod.rs"]
mod text;

/// What `lexicon::Lexicon::get` reads in the engine; the script never calls it.
const COMPILED_LEXICON: &[u8] = &[];

fn main() {
    for path in ["data", "src/text", "src/matcher", "src/lexicon", "src/contract.rs"] {
        println!("cargo::rerun-if-changed={path}");
    }
    let lexicon = match lexicon::Lexicon::build() {
        Ok(lexicon) => lexicon,
        Err(e) => {
            eprintln!("error in the lexicon's data: {e}");
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon.bin");
    if let Err(e) = std::fs::write(&out, lexicon.write_compiled()) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
