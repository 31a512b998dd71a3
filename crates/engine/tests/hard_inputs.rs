//! Inputs from the wild, each with its own test: the analyzer returns a
//! normal result (often an empty one) and never panics or loses offsets.

use stance_engine::{analyze, Document, Stance, StanceMatrix};

fn one(text: &str) -> StanceMatrix {
    let m = analyze(&[Document::new("d", text)]);
    for actor in &m.actors {
        for cell in &actor.cells {
            for e in &cell.evidence {
                let slice: String = text.chars().skip(e.start).take(e.end - e.start).collect();
                assert_eq!(slice, e.text);
            }
        }
    }
    m
}

fn stance_of(m: &StanceMatrix, id: &str) -> Option<Stance> {
    m.actors.iter().find(|a| a.id == id).and_then(|a| a.cells.first()).map(|c| c.stance)
}

const DEMAND: &str = "وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.";

#[test]
fn empty_and_whitespace_only() {
    for text in ["", " ", "\n\n\t  \r\n", "\u{00a0}\u{2003}"] {
        let m = one(text);
        assert!(m.actors.is_empty());
        assert_eq!(m.documents[0].title, "");
    }
}

#[test]
fn punctuation_only() {
    assert!(one("... ،،، ؟؟ !! «» “” -- ؛؛ ()").actors.is_empty());
}

#[test]
fn ten_megabytes_in_one_line_without_punctuation() {
    let words = "قال البرلمان العراقي إن الحكومة تطالب بانسحاب القوات الأمريكية ويرفض الأكراد ذلك ";
    let text = words.repeat(10 * 1024 * 1024 / words.len() + 1);
    assert!(text.len() >= 10 * 1024 * 1024);
    let m = analyze(&[Document::new("big", text.as_str())]);
    assert_eq!(m.documents[0].chars, text.chars().count());
    assert!(!m.actors.is_empty());
}

#[test]
fn english_and_french_text() {
    assert!(one("Washington said the troops will stay in Iraq. The parliament voted.").actors.is_empty());
    assert!(one("Le parlement irakien a demandé le retrait des troupes américaines.").actors.is_empty());
}

#[test]
fn mixed_arabic_and_english() {
    let m = one("According to CNN, وطالب البرلمان العراقي (Iraqi parliament) بانسحاب القوات الأمريكية (US forces).");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn pasted_html_and_script_tags_are_plain_text() {
    let text = format!("<p><b>{DEMAND}</b></p><script>alert('x')</script><img src=x onerror=alert(1)>");
    let m = one(&text);
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
    let evidence = &m.actors.iter().find(|a| a.id == "iraq-parliament").expect("row").cells[0].evidence[0].text;
    assert!(evidence.contains("البرلمان"));
}

#[test]
fn bidi_controls_inside_words() {
    let m = one("وطالب البر\u{200f}لمان العراقي\u{202b} بانسحاب\u{202c} القوات الأمريكية.");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn zero_width_characters_inside_words() {
    let m = one("وطالب البرلمان\u{200b} العر\u{200c}اقي بانسحاب\u{200d} القوات\u{feff} الأمريكية.");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn emoji_between_words() {
    let m = one("😀 وطالب البرلمان العراقي 🇮🇶 بانسحاب القوات الأمريكية 👍.");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn full_diacritics_and_combining_marks() {
    let m = one("وَطَالَبَ البَرْلَمَانُ العِرَاقِيُّ بِانْسِحَابِ القُوَّاتِ الأَمْرِيكِيَّةِ مِنَ البِلَادِ.");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
    one("e\u{301}\u{301}\u{301} \u{64b}\u{64b}\u{64b}\u{651} \u{300}");
}

#[test]
fn arabic_presentation_forms() {
    // "ﻻ" is lam-alef and "ﷲ" the Allah ligature; the rest in presentation forms B.
    let m = one("قال البرلمان العراقي: ﻻ نريد انسحاب القوات الأمريكية. ﷲ");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::Against));
    one("\u{FE8D}\u{FEDF}\u{FE92}\u{FEAE}\u{FEDF}\u{FEE4}\u{FE8E}\u{FEE5}");
}

#[test]
fn persian_and_urdu_letters() {
    let m = one("وطالب البرلمان العراقی بانسحاب القوات الأمريکية.");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
    one("ۀ ہ ھ ڪ گ پ چ ژ ڤ ے");
}

#[test]
fn unbalanced_quotation_marks() {
    let m = one("قال البرلمان العراقي: \"نطالب بانسحاب القوات الأمريكية. ثم « انتهى. ” ثم “");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn windows_line_endings() {
    let m = one("عنوان\r\n\r\nوطالب البرلمان العراقي بانسحاب القوات الأمريكية.\r\n");
    assert_eq!(m.documents[0].title, "عنوان");
    assert_eq!(stance_of(&m, "iraq-parliament"), Some(Stance::For));
}

#[test]
fn five_hundred_documents_at_once() {
    let docs: Vec<Document> = (0..500).map(|i| Document::new(format!("n{i}"), DEMAND)).collect();
    let m = analyze(&docs);
    assert_eq!(m.documents.len(), 500);
    let row = m.actors.iter().find(|a| a.id == "iraq-parliament").expect("row");
    assert_eq!(row.cells.len(), 500);
}
