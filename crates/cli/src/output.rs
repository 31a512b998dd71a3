//! Writing results: the whole matrix as JSON, one CSV row per actor and
//! document, or one JSON object per document and line.

use std::io::{self, Write};

use stance_engine::{DocumentAnalysis, MatrixBuilder, StanceMatrix};
use stance_session::export::csv_field;

/// Writes the `stance-matrix/1` JSON of the whole corpus.
pub fn write_json(out: &mut impl Write, matrix: &StanceMatrix) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, matrix).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes one line: the `stance-matrix/1` JSON of a single document.
pub fn write_jsonl_line(out: &mut impl Write, analysis: DocumentAnalysis) -> io::Result<()> {
    let mut builder = MatrixBuilder::default();
    builder.add(analysis);
    serde_json::to_writer(&mut *out, &builder.finish()).map_err(io::Error::from)?;
    writeln!(out)
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 10] =
    ["actor_id", "actor", "actor_en", "kind", "document", "stance", "confidence", "overall", "evidence", "cue"];

/// Writes one row per actor and document, with the first evidence.
pub fn write_csv(out: &mut impl Write, matrix: &StanceMatrix) -> io::Result<()> {
    writeln!(out, "{}", CSV_HEADER.join(","))?;
    for actor in &matrix.actors {
        for cell in &actor.cells {
            let first = cell.evidence.first();
            let fields = [
                actor.id.clone(),
                actor.name.clone(),
                actor.name_en.clone().unwrap_or_default(),
                actor.kind.label().to_string(),
                cell.document.clone(),
                cell.stance.label().to_string(),
                format!("{:.2}", cell.confidence),
                actor.overall.label().to_string(),
                first.map(|e| e.text.clone()).unwrap_or_default(),
                first.map(|e| e.cue.clone()).unwrap_or_default(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", row.join(","))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        // The widget's CSV and this one share the field writer, formula defusing included.
        assert_eq!(csv_field("=1+1"), "'=1+1");
    }

    #[test]
    fn csv_has_a_row_per_cell() {
        let matrix = stance_engine::analyze(&[stance_engine::Document::new(
            "a.txt",
            "وطالب البرلمان العراقي بانسحاب القوات الأمريكية، وقال إن ذلك واجب.",
        )]);
        let mut buf = Vec::new();
        write_csv(&mut buf, &matrix).expect("writes");
        let text = String::from_utf8(buf).expect("utf-8");
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(CSV_HEADER.join(",").as_str()));
        let row = lines.next().expect("one row");
        assert!(row.starts_with("iraq-parliament,مجلس النواب العراقي,Iraqi parliament,government_body,a.txt,for,"), "{row}");
    }
}
