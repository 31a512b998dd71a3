//! The exports of a corrected matrix: CSV and JSON files, and the table put
//! on the clipboard (HTML for word processors, TSV for spreadsheets).
//!
//! Every export is built from the [`EditedMatrix`], so a correction is in
//! all of them, and every one says which cells were set by hand.

use stance_engine::StanceMatrix;

use crate::edits::{EditedMatrix, Edits};

/// Separator between several evidence sentences in one CSV field.
const EVIDENCE_SEPARATOR: &str = " ‖ ";

/// Quotes a CSV field, and defuses text that a spreadsheet would run as a
/// formula (a leading = + - @, tab or carriage return gets a `'`).
pub fn csv_field(value: &str) -> String {
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if value.contains([',', '"', '\n', '\r']) {
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
        "\u{FEFF}actor_id,actor,actor_en,kind,document,document_title,document_date,stance,edited,confidence,overall,evidence\r\n",
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
/// corrections themselves under `"edits"`.
pub fn to_json(edited: &EditedMatrix, edits: &Edits) -> String {
    let mut value = serde_json::to_value(&edited.matrix).unwrap_or_default();
    if let Some(actors) = value.get_mut("actors").and_then(|a| a.as_array_mut()) {
        for actor in actors {
            let id = actor.get("id").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            for cell in actor.get_mut("cells").and_then(|c| c.as_array_mut()).into_iter().flatten() {
                let document = cell.get("document").and_then(|v| v.as_str()).unwrap_or_default();
                if edited.is_edited(&id, document) {
                    cell["edited"] = serde_json::Value::Bool(true);
                }
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
/// escaped, since names and titles come from pasted articles.
pub fn to_html_table(edited: &EditedMatrix, words: &TableWords, rtl: bool) -> String {
    let rows = table_rows(edited, words);
    let dir = if rtl { "rtl" } else { "ltr" };
    let mut out = format!("<table dir=\"{dir}\" border=\"1\"><thead><tr>");
    for h in &rows[0] {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows[1..] {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape_html(&row[0])));
        for cell in &row[1..] {
            out.push_str(&format!("<td>{}</td>", escape_html(cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The matrix as tab-separated lines, the plain-text twin of the HTML table.
pub fn to_tsv(edited: &EditedMatrix, words: &TableWords) -> String {
    table_rows(edited, words)
        .iter()
        .map(|row| row.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect::<Vec<_>>().join("\t"))
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
        assert_eq!(lines[4], "us,الولايات المتحدة,,person,2,عنوان 2,,for,true,1.00,for,نص");
        assert!(lines[1].contains(",for,false,0.70,"));
    }

    #[test]
    fn csv_defuses_formulas_and_quotes() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("نص"), "نص");
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
