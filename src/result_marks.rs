//! What a result file carries beyond the `stance-matrix/1` contract when the
//! widget itself exported it: `"edits"` at the top, `"member_of"` on actors,
//! `"edited"`, `"checked"`, `"hand_coded"` and `"note"` on cells. Opening
//! such a file shows the same marks (✎, ✓) and rows under their body, and
//! says it is a widget export, not the command line's. The page reads them
//! for a file it parses itself, the worker for one it holds (a file of more
//! than `corpus::IN_PAGE_BYTES`).

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde::Deserialize;
use stance_session::EditedMatrix;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    edits: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    actors: Vec<ActorMarks>,
}

#[derive(Deserialize)]
struct ActorMarks {
    id: String,
    #[serde(default)]
    member_of: Option<String>,
    #[serde(default)]
    cells: Vec<CellMarks>,
}

#[derive(Deserialize)]
struct CellMarks {
    document: String,
    #[serde(default)]
    edited: bool,
    #[serde(default)]
    checked: bool,
    #[serde(default)]
    hand_coded: bool,
    #[serde(default)]
    note: Option<String>,
}

/// The marks of the result file on show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Whether the widget exported it (it has `"edits"`).
    pub from_widget: bool,
    edited: BTreeSet<(String, String)>,
    checked: BTreeSet<(String, String)>,
    hand: BTreeSet<(String, String)>,
    notes: BTreeMap<(String, String), String>,
    /// Row id → the row it belongs to.
    pub member_of: BTreeMap<String, String>,
}

impl Marks {
    /// The marks of a result file's JSON (none for the command line's).
    pub fn read(json: &str) -> Marks {
        Marks::read_bytes(json.as_bytes())
    }

    /// The marks of a result file's JSON bytes.
    pub fn read_bytes(json: &[u8]) -> Marks {
        let Ok(file) = serde_json::from_slice::<File>(json) else { return Marks::default() };
        let mut marks = Marks { from_widget: file.edits.is_some(), ..Default::default() };
        for actor in file.actors {
            if let Some(body) = actor.member_of {
                marks.member_of.insert(actor.id.clone(), body);
            }
            for cell in actor.cells {
                let key = (actor.id.clone(), cell.document);
                if cell.edited {
                    marks.edited.insert(key.clone());
                }
                if cell.checked {
                    marks.checked.insert(key.clone());
                }
                if cell.hand_coded {
                    marks.hand.insert(key.clone());
                }
                if let Some(note) = cell.note {
                    marks.notes.insert(key, note);
                }
            }
        }
        marks
    }

    /// Whether a cell was set by hand (✎) and whether it was checked (✓).
    #[cfg_attr(not(test), allow(dead_code))] // the worker's
    pub fn cell(&self, actor: &str, document: &str) -> (bool, bool) {
        if self.edited.is_empty() && self.checked.is_empty() {
            return (false, false);
        }
        let key = (actor.to_string(), document.to_string());
        (self.edited.contains(&key), self.checked.contains(&key))
    }

    /// Puts the marks on the matrix shown.
    pub fn apply(&self, edited: &mut EditedMatrix) {
        edited.member_of.extend(self.member_of.iter().map(|(k, v)| (k.clone(), v.clone())));
        edited.edited_cells.extend(self.edited.iter().cloned());
        edited.checked.extend(self.checked.iter().cloned());
        edited.hand_cells.extend(self.hand.iter().cloned());
        edited.notes.extend(self.notes.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// The marks of the result file on show, shared by the toolbar that opens it
/// and the page that shows it.
#[derive(Clone, Copy)]
pub struct ResultMarks(pub StoredValue<Marks>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_export_says_so_and_the_cli_output_does_not() {
        let widget = r#"{"schema":"stance-matrix/1","edited":true,"edits":{"stances":[]},"actors":[{"id":"us","cells":[{"document":"a1","edited":true,"checked":true,"note":"n"}]},{"id":"pm","member_of":"us","cells":[{"document":"a1","checked":true}]}]}"#;
        let m = Marks::read(widget);
        assert!(m.from_widget && m.edited.contains(&("us".into(), "a1".into())) && m.checked.len() == 2 && m.notes.len() == 1);
        assert_eq!((m.cell("us", "a1"), m.cell("pm", "a1"), m.cell("pm", "a2")), ((true, true), (false, true), (false, false)));
        assert_eq!(m.member_of.get("pm").map(String::as_str), Some("us"));
        let cli = r#"{"schema":"stance-matrix/1","actors":[{"id":"us","cells":[{"document":"x.txt","stance":"for"}]}]}"#;
        assert_eq!(Marks::read(cli), Marks { from_widget: false, ..Default::default() });
    }
}
