//! The exports of a corrected matrix: CSV and JSON files, and the table put
//! on the clipboard (HTML for word processors, TSV for spreadsheets).
//!
//! Every export is built from the [`EditedMatrix`], so a correction is in
//! all of them, and every one says which cells were set by hand.

use stance_engine::StanceMatrix;

use crate::edits::{EditedMatrix, Edits};

/// Separator between several evidence sentences in one CSV field.
const EVIDENCE_SEPARATOR: &str = " ‖ ";

/// Whether a character is invisible formatting that a spreadsheet may skip
/// before deciding that a cell is a formula: spaces, bidi marks and
/// embeddings, zero-width characters and the byte-order mark. Arabic text
/// often starts with such a mark.
fn is_invisible_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The characters that start a formula in Excel, LibreOffice or Google
/// Sheets (`=`, `+`, `-`, `@`), their full-width forms, and the tab and
/// carriage return that OWASP lists with them.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
}

/// The one defusing step of every tabular export (CSV, the clipboard's TSV
/// and its HTML table): a text that a spreadsheet would run as a formula,
/// even behind leading spaces or bidi marks, gets a leading `'`, which
/// spreadsheets read as "this is text" and do not show.
pub fn defuse(value: &str) -> String {
    match value.chars().find(|&c| !is_invisible_lead(c) || c == '\t' || c == '\r') {
        Some(c) if is_formula_start(c) => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// Quotes a CSV field, and defuses text that a spreadsheet would run as a
/// formula ([`defuse`]). Fields holding `;` are quoted too: spreadsheets in
/// locales whose decimal mark is a comma split CSV at semicolons.
pub fn csv_field(value: &str) -> String {
    let value = defuse(value);
    if value.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One line per cell, with a byte-order mark so that spreadsheets read the
/// Arabic as UTF-8, and CRLF line ends as RFC 4180 asks.
pub fn to_csv(edited: &EditedMatrix) -> String {
    let m = &edited.matrix;
    let mut out = String::from(
        "\u{FEFF}actor_id,actor,actor_en,kind,document,document_title,document_date,stance,edited,confidence,overall,evidence,hand_coded,checked,note,member_of\r\n",
    );
    for actor in &m.actors {
        for cell in &actor.cells {
            let document = m.documents.iter().find(|d| d.id == cell.document);
            let evidence: Vec<&str> = cell.evidence.iter().map(|e| e.text.as_str()).collect();
            let fields = [
                actor.id.clone(),
                actor.name.clone(),
                actor.name_en.clone().unwrap_or_default(),
                actor.kind.label().to_string(),
                cell.document.clone(),
                document.map(|d| d.title.clone()).unwrap_or_default(),
                document.and_then(|d| d.date.clone()).unwrap_or_default(),
                cell.stance.label().to_string(),
                edited.is_edited(&actor.id, &cell.document).to_string(),
                format!("{:.2}", cell.confidence),
                actor.overall.label().to_string(),
                evidence.join(EVIDENCE_SEPARATOR),
                edited.hand_cells.contains(&(actor.id.clone(), cell.document.clone())).to_string(),
                edited.is_checked(&actor.id, &cell.document).to_string(),
                edited.note(&actor.id, &cell.document).unwrap_or_default().to_string(),
                edited.member_of.get(&actor.id).cloned().unwrap_or_default(),
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The `stance-matrix/1` contract with the corrections applied, marked
/// `"edited": true` at the top and on each cell set by hand, with the
/// corrections themselves under `"edits"`. Hand coding shows as extra
/// fields: `"hand_coded"`, `"checked"` and `"note"` on cells, `"member_of"`
/// on actors.
pub fn to_json(edited: &EditedMatrix, edits: &Edits) -> String {
    let mut value = serde_json::to_value(&edited.matrix).unwrap_or_default();
    if let Some(actors) = value.get_mut("actors").and_then(|a| a.as_array_mut()) {
        for actor in actors {
            let id = actor.get("id").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            for cell in actor.get_mut("cells").and_then(|c| c.as_array_mut()).into_iter().flatten() {
                let document = cell.get("document").and_then(|v| v.as_str()).unwrap_or_default();
                let key = (id.clone(), document.to_string());
                let note = edited.notes.get(&key).cloned();
                if edited.is_edited(&id, document) {
                    cell["edited"] = serde_json::Value::Bool(true);
                }
                if edited.hand_cells.contains(&key) {
                    cell["hand_coded"] = serde_json::Value::Bool(true);
                }
                if edited.checked.contains(&key) {
                    cell["checked"] = serde_json::Value::Bool(true);
                }
                if let Some(note) = note {
                    cell["note"] = serde_json::Value::String(note);
                }
            }
            if let Some(into) = edited.member_of.get(&id) {
                actor["member_of"] = serde_json::Value::String(into.clone());
            }
        }
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("edited".into(), serde_json::Value::Bool(!edits.is_empty()));
        object.insert("edits".into(), serde_json::to_value(edits).unwrap_or_default());
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The words a pasted table uses, in the interface's language.
pub struct TableWords<'a> {
    /// Heading of the actor column.
    pub actor: &'a str,
    /// Heading of the overall column.
    pub overall: &'a str,
    /// Heading of an untitled article's column, given its number.
    pub article: &'a dyn Fn(usize) -> String,
    /// A stance's label, from its contract label (`for` … `mixed`).
    pub label: &'a dyn Fn(&str) -> String,
    /// What a corrected cell gets after its label.
    pub edited_mark: &'a str,
}

/// Each article column's title: its title, or "article N" for an untitled one.
pub fn column_titles(m: &StanceMatrix, article: &dyn Fn(usize) -> String) -> Vec<String> {
    m.documents.iter().enumerate().map(|(i, d)| if d.title.is_empty() { article(i + 1) } else { d.title.clone() }).collect()
}

/// The header row and the body rows, as display text.
fn table_rows(edited: &EditedMatrix, words: &TableWords) -> Vec<Vec<String>> {
    let m: &StanceMatrix = &edited.matrix;
    let mut rows = Vec::with_capacity(m.actors.len() + 1);
    let mut header = vec![words.actor.to_string()];
    header.extend(column_titles(m, words.article));
    header.push(words.overall.to_string());
    rows.push(header);
    for actor in &m.actors {
        let mut row = vec![actor.name.clone()];
        for d in &m.documents {
            row.push(match actor.cells.iter().find(|c| c.document == d.id) {
                None => "—".to_string(),
                Some(c) => {
                    let mark = if edited.is_edited(&actor.id, &d.id) { words.edited_mark } else { "" };
                    format!("{}{mark}", (words.label)(c.stance.label()))
                }
            });
        }
        row.push((words.label)(actor.overall.label()));
        rows.push(row);
    }
    rows
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The matrix as an HTML table for pasting into a document; every text is
/// defused ([`defuse`]: a spreadsheet takes a pasted table's cells as typed)
/// and escaped, since names and titles come from pasted articles.
pub fn to_html_table(edited: &EditedMatrix, words: &TableWords, rtl: bool) -> String {
    let rows = table_rows(edited, words);
    let dir = if rtl { "rtl" } else { "ltr" };
    let mut out = format!("<table dir=\"{dir}\" border=\"1\"><thead><tr>");
    for h in &rows[0] {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(&defuse(h))));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows[1..] {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape_html(&defuse(&row[0]))));
        for cell in &row[1..] {
            out.push_str(&format!("<td>{}</td>", escape_html(&defuse(cell))));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The matrix as tab-separated lines, the plain-text twin of the HTML table,
/// defused alike.
pub fn to_tsv(edited: &EditedMatrix, words: &TableWords) -> String {
    table_rows(edited, words)
        .iter()
        .map(|row| row.iter().map(|c| defuse(&c.replace(['\t', '\n', '\r'], " "))).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::{apply, tests::sample};
    use stance_engine::Stance;

    #[test]
    fn csv_has_a_line_per_cell_with_edits_marked() {
        let mut edits = Edits::default();
        edits.set_stance("us", "2", Some(Stance::For));
        let csv = to_csv(&apply(&sample(), &edits));
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + 4);
        assert_eq!(lines[4], "us,الولايات المتحدة,,person,2,عنوان 2,,for,true,1.00,for,نص,false,false,,");
        assert!(lines[1].contains(",for,false,0.70,"));
    }

    #[test]
    fn csv_defuses_formulas_and_quotes() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("نص"), "نص");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("=1;2"), "\"'=1;2\"");
    }

    #[test]
    fn every_formula_start_is_defused_even_behind_invisible_marks() {
        for attack in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            " =1+1",
            "\u{200F}=1+1",
            "\u{202B}\u{200E} @x",
            "\u{FEFF}=x",
            "\u{FF1D}1+1",
            "\u{FF0B}1",
        ] {
            assert_eq!(defuse(attack), format!("'{attack}"), "{attack:?}");
        }
        for harmless in ["نص", "2024-05-03", "a=b", "—", "", "\u{200F}نص", "'=x"] {
            assert_eq!(defuse(harmless), harmless, "{harmless:?}");
        }
    }

    #[test]
    fn the_clipboard_table_is_defused_like_the_csv() {
        let mut m = sample();
        m.actors[0].name = "=HYPERLINK(\"http://x\")".into();
        m.documents[0].title = "@SUM(A1)".into();
        let article = |n: usize| format!("Article {n}");
        let label = |l: &str| l.to_string();
        let w = TableWords { actor: "Actor", overall: "Overall", article: &article, label: &label, edited_mark: "" };
        let edited = apply(&m, &Edits::default());
        let tsv = to_tsv(&edited, &w);
        assert!(tsv.lines().next().unwrap().split('\t').any(|c| c == "'@SUM(A1)"), "{tsv}");
        assert!(tsv.lines().any(|l| l.starts_with("'=HYPERLINK(")), "{tsv}");
        let html = to_html_table(&edited, &w, false);
        assert!(html.contains("<th scope=\"col\">&#39;@SUM(A1)</th>"), "{html}");
        assert!(html.contains("<th scope=\"row\">&#39;=HYPERLINK(&quot;http://x&quot;)</th>"), "{html}");
        let csv = to_csv(&edited);
        assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
        assert!(csv.contains(",'@SUM(A1),"), "{csv}");
    }

    #[test]
    fn hand_coding_is_in_the_csv_and_the_json() {
        let mut edits = Edits::default();
        edits.set_checked("us", "2", true);
        edits.set_note("us", "2", "راجعه المحرر");
        edits.set_details("pm", crate::coding::ActorDetails { member_of: Some("us".into()), ..Default::default() });
        edits.add_statement(crate::coding::HandStatement {
            actor: "pm".into(),
            document: "2".into(),
            start: 1,
            end: 3,
            text: "نص".into(),
            stance: Stance::Against,
        });
        let edited = apply(&sample(), &edits);
        let csv = to_csv(&edited);
        assert!(csv.lines().any(|l| l.starts_with("us,") && l.ends_with(",false,true,راجعه المحرر,")), "{csv}");
        assert!(csv.lines().any(|l| l.starts_with("pm,") && l.contains(",2,") && l.ends_with(",true,false,,us")), "{csv}");
        let json: serde_json::Value = serde_json::from_str(&to_json(&edited, &edits)).unwrap();
        let actor = |id: &str| json["actors"].as_array().unwrap().iter().find(|a| a["id"] == id).unwrap().clone();
        assert_eq!(actor("us")["cells"][0]["checked"], true);
        assert_eq!(actor("us")["cells"][0]["note"], "راجعه المحرر");
        assert_eq!(actor("pm")["member_of"], "us");
        assert_eq!(actor("pm")["cells"][1]["hand_coded"], true);
        assert_eq!(actor("pm")["cells"][1]["evidence"][0]["rule"], "hand");
    }

    #[test]
    fn json_is_the_contract_with_edits() {
        let mut edits = Edits::default();
        edits.set_stance("us", "2", Some(Stance::Conditional));
        let json: serde_json::Value = serde_json::from_str(&to_json(&apply(&sample(), &edits), &edits)).unwrap();
        assert_eq!(json["schema"], "stance-matrix/1");
        assert_eq!(json["edited"], true);
        assert_eq!(json["edits"]["stances"][0]["stance"], "conditional");
        let us = json["actors"].as_array().unwrap().iter().find(|a| a["id"] == "us").unwrap();
        assert_eq!(us["cells"][0]["stance"], "conditional");
        assert_eq!(us["cells"][0]["edited"], true);
        assert_eq!(us["overall"], "conditional");
        let pm = json["actors"].as_array().unwrap().iter().find(|a| a["id"] == "pm").unwrap();
        assert!(pm["cells"][0].get("edited").is_none());
    }

    #[test]
    fn the_clipboard_table_is_escaped_and_matches_the_tsv() {
        let mut m = sample();
        m.actors[0].name = "<img src=x onerror=alert(1)>".into();
        m.documents[1].title = String::new();
        let article = |n: usize| format!("Article {n}");
        let label = |l: &str| l.to_uppercase();
        let w = TableWords { actor: "Actor", overall: "Overall", article: &article, label: &label, edited_mark: " ✎" };
        let mut edits = Edits::default();
        edits.set_stance("us", "2", Some(Stance::For));
        let edited = apply(&m, &edits);
        let html = to_html_table(&edited, &w, true);
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(!html.contains("<img"));
        assert!(html.starts_with("<table dir=\"rtl\""));
        let tsv = to_tsv(&edited, &w);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines[0], "Actor\tعنوان 1\tArticle 2\tOverall");
        assert_eq!(lines[3], "الولايات المتحدة\t—\tFOR ✎\tFOR");
    }
}
