//! The linear-scaling guard of the benchmark, at small sizes: the cost per
//! megabyte of a corpus sixteen times larger must stay within twice the cost
//! of the small one (a quadratic step would make it about sixteen times).
//! Times are compared with each other, never with a fixed budget, and the
//! best of several runs is taken to keep machine noise out.

use std::time::{Duration, Instant};

use stance_engine::{analyze, Document};

/// Paragraphs written for this test, in the register of the news the widget reads.
const PARAGRAPHS: &[&str] = &[
    "وقال وزير الخارجية العراقي إن الحوار مع واشنطن يهدف إلى جدولة انسحاب القوات الأمريكية من البلاد.",
    "وأكد الخبير الأمني أحمد الشريفي أن العراق لا يزال بحاجة إلى التحالف الدولي في مجال التدريب.",
    "ويرفض الأكراد والسنة خروج القوات الأجنبية، بحسب ما نقلته مصادر مطلعة.",
    "وطالبت الفصائل المسلحة الموالية لإيران بتسريع إخراج القوات الأمريكية، مهددة بالتصعيد.",
    "ولم يصدر تعليق فوري من البنتاغون، لكن مسؤولا أمريكيا قال إن التحول لن يشمل سحب القوات.",
    "وقالت الحكومة العراقية في بيان إنها تريد إنهاء المهمة القتالية مع الإبقاء على المستشارين.",
    "ويتوقع المراقبون أن تستمر المفاوضات أشهرا قبل التوصل إلى اتفاق نهائي بشأن الوجود العسكري.",
];

fn corpus(bytes: usize) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut total = 0;
    let mut k = 0usize;
    while total < bytes {
        let mut text = String::new();
        while text.len() < 4_000 {
            k = (k * 7 + 3) % PARAGRAPHS.len();
            text.push_str(PARAGRAPHS[k]);
            text.push('\n');
        }
        total += text.len();
        docs.push(Document::new(format!("d{}", docs.len()), text));
    }
    docs
}

/// The timing tests take turns: run side by side on a 2-core machine they
/// would measure each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Best of seven: the engine reads these corpora in a few milliseconds now,
/// so one preemption on a loaded machine can double a single run.
fn cost_per_mb(docs: &[Document]) -> f64 {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let best = (0..7)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyze(docs));
            t.elapsed()
        })
        .min()
        .unwrap_or(Duration::ZERO);
    best.as_secs_f64() / (bytes as f64 / 1e6)
}

#[test]
fn cost_per_megabyte_does_not_grow_with_the_corpus() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let _ = analyze(&corpus(10_000)); // warm up: lexicon and allocator
    let small = cost_per_mb(&corpus(50_000));
    let large = cost_per_mb(&corpus(800_000));
    assert!(large <= small * 2.0, "cost per MB grew from {small:.4} s to {large:.4} s");
}

#[test]
fn one_long_paragraph_scales_like_many_short_ones() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let line: String = PARAGRAPHS.concat().replace(['.', '،'], " ");
    let small = vec![Document::new("s", line.repeat(8))];
    let large = vec![Document::new("l", line.repeat(128))];
    let _ = analyze(&small);
    let (large, small) = (cost_per_mb(&large), cost_per_mb(&small));
    assert!(large <= small * 2.0, "cost per MB grew from {small:.4} s to {large:.4} s");
}
