//! Prints every attributed statement of a text file with its holders, rule,
//! verdict and content — the analyzer's reasoning, for debugging the lexicon.
//!
//! `cargo run -p stance-engine --example explain -- FILE`

use stance_engine::actors::{find_actors, speaker_slots};
use stance_engine::attribution::attribute;
use stance_engine::document::Prepared;
use stance_engine::lexicon::Lexicon;
use stance_engine::stance::{document_on_topic, judge_around};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            std::process::exit(2);
        }
    };
    let lexicon = Lexicon::get();
    let doc = Prepared::new(&text, lexicon);
    let actors = find_actors(&doc, lexicon);
    let on_topic = document_on_topic(&doc, lexicon);
    println!("subject slots after speech and position verbs:");
    for (verb, slot, outcome) in speaker_slots(&doc, lexicon) {
        let verb_text = doc.original_of_words(verb, verb + 1);
        match outcome {
            Ok((first, end)) => {
                println!("  {verb_text}: speaker «{}»", doc.original_of_words(first, end));
            }
            Err(reason) => {
                let context = doc.original_of_words(slot, (slot + 3).min(doc.words.len()));
                println!("  {verb_text}: no speaker in «{context}…»: {reason}");
            }
        }
    }
    println!("actors:");
    for a in &actors.actors {
        println!("  {} [{:?}] {} {:?}", a.key, a.kind, a.name, a.aliases);
    }
    for s in attribute(&doc, lexicon, &actors) {
        let v = judge_around(&doc, lexicon, s.first, s.end, on_topic, s.holder_span);
        let holders: Vec<&str> = s.holders.iter().map(|&h| actors.actors[h].name.as_str()).collect();
        let cue = v.cue.map_or("", |(x, y)| doc.original_of_words(x, y));
        println!("\n[{}] {:?} {} <{}> {}", s.rule, v.stance, holders.join(" + "), cue, v.family);
        println!("    {}", doc.original_of_words(s.first, s.end).chars().take(220).collect::<String>());
    }
}
