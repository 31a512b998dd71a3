//! `stance analyze` on corpora: directories, JSON Lines files and standard
//! input; JSON, CSV and JSON Lines output; bad records skipped or, with
//! `--strict`, failing the run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FOR_TEXT: &str = "عنوان أول\\nوطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.";
const AGAINST_TEXT: &str = "عنوان ثان\\nويرفض الأكراد انسحاب القوات الأمريكية من الإقليم.";

fn stance(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the stance binary runs");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes()).expect("stdin accepts input");
    }
    child.wait_with_output().expect("stance finishes")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stance-corpus-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn stance_of(json: &serde_json::Value, actor: &str, document: &str) -> Option<String> {
    json["actors"].as_array()?.iter().find(|a| a["id"] == actor)?["cells"]
        .as_array()?
        .iter()
        .find(|c| c["document"] == document)
        .and_then(|c| c["stance"].as_str().map(str::to_string))
}

fn jsonl(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn a_directory_is_read_recursively_for_txt_files() {
    let dir = temp_dir("tree");
    std::fs::create_dir_all(dir.join("2024/jan")).expect("nested dir");
    std::fs::write(dir.join("a.txt"), FOR_TEXT.replace("\\n", "\n")).expect("write");
    std::fs::write(dir.join("2024/jan/b.txt"), AGAINST_TEXT.replace("\\n", "\n")).expect("write");
    std::fs::write(dir.join("2024/notes.md"), "not an article").expect("write");
    let json = json_of(&stance(&["analyze", "--quiet", path(&dir)], None));
    let ids: Vec<&str> = json["documents"].as_array().expect("documents").iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids, vec!["b.txt", "a.txt"]);
    assert_eq!(stance_of(&json, "iraq-parliament", "a.txt").as_deref(), Some("for"));
    assert_eq!(stance_of(&json, "kurds", "b.txt").as_deref(), Some("against"));
}

#[test]
fn json_lines_file_with_metadata() {
    let dir = temp_dir("jsonl");
    let file = dir.join("corpus.jsonl");
    let body = jsonl(&[
        &format!(r#"{{"id": "n1", "text": "{FOR_TEXT}", "date": "2024-01-05", "outlet": "Example Daily"}}"#),
        &format!(r#"{{"id": "n2", "text": "{AGAINST_TEXT}"}}"#),
    ]);
    std::fs::write(&file, body).expect("write");
    let json = json_of(&stance(&["analyze", "--quiet", path(&file)], None));
    assert_eq!(json["documents"][0]["id"], "n1");
    assert_eq!(json["documents"][0]["date"], "2024-01-05");
    assert_eq!(json["documents"][0]["outlet"], "Example Daily");
    assert_eq!(json["documents"][0]["title"], "عنوان أول");
    assert_eq!(stance_of(&json, "iraq-parliament", "n1").as_deref(), Some("for"));
    assert_eq!(stance_of(&json, "kurds", "n2").as_deref(), Some("against"));
}

#[test]
fn json_lines_on_standard_input() {
    let body = jsonl(&[&format!(r#"{{"id": "s1", "text": "{FOR_TEXT}"}}"#)]);
    let json = json_of(&stance(&["analyze", "--quiet", "-"], Some(&body)));
    assert_eq!(stance_of(&json, "iraq-parliament", "s1").as_deref(), Some("for"));
}

#[test]
fn the_same_actor_across_documents_is_one_row() {
    let body = jsonl(&[
        &format!(r#"{{"id": "x1", "text": "{FOR_TEXT}"}}"#),
        r#"{"id": "x2", "text": "وقال البرلمان العراقي إنه يرفض بقاء القوات الأمريكية."}"#,
    ]);
    let json = json_of(&stance(&["analyze", "--quiet", "-"], Some(&body)));
    let rows: Vec<&serde_json::Value> =
        json["actors"].as_array().expect("actors").iter().filter(|a| a["id"] == "iraq-parliament").collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["cells"].as_array().map(Vec::len), Some(2));
}

#[test]
fn csv_output_has_one_row_per_actor_and_document() {
    let body = jsonl(&[&format!(r#"{{"id": "c1", "text": "{FOR_TEXT}"}}"#), &format!(r#"{{"id": "c2", "text": "{AGAINST_TEXT}"}}"#)]);
    let out = stance(&["analyze", "--quiet", "--format", "csv", "-"], Some(&body));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "actor_id,actor,actor_en,kind,document,stance,confidence,overall,evidence,cue");
    assert!(lines.iter().any(|l| l.starts_with("iraq-parliament,") && l.contains(",c1,for,")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("kurds,") && l.contains(",c2,against,")), "{text}");
}

#[test]
fn jsonl_output_streams_one_matrix_per_document() {
    let body = jsonl(&[&format!(r#"{{"id": "j1", "text": "{FOR_TEXT}"}}"#), &format!(r#"{{"id": "j2", "text": "{AGAINST_TEXT}"}}"#)]);
    let out = stance(&["analyze", "--quiet", "--format", "jsonl", "-"], Some(&body));
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["schema"], "stance-matrix/1");
    assert_eq!(lines[1]["documents"][0]["id"], "j2");
}

#[test]
fn bad_records_are_reported_with_their_line_and_skipped() {
    let dir = temp_dir("bad");
    let file = dir.join("mixed.jsonl");
    let body = jsonl(&[
        &format!(r#"{{"id": "ok1", "text": "{FOR_TEXT}"}}"#),
        "{this is not json",
        r#"{"id": "no-text"}"#,
        "",
        &format!(r#"{{"id": "ok2", "text": "{AGAINST_TEXT}"}}"#),
    ]);
    std::fs::write(&file, body).expect("write");
    let out = stance(&["analyze", path(&file)], None);
    let json = json_of(&out);
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("mixed.jsonl:3: no \"text\""), "{err}");
    assert!(err.contains("2 documents") && err.contains("2 bad records skipped"), "{err}");
}

#[test]
fn strict_makes_bad_records_fail_the_run() {
    let body = jsonl(&[&format!(r#"{{"id": "ok", "text": "{FOR_TEXT}"}}"#), "[1, 2"]);
    let out = stance(&["analyze", "--strict", "--quiet", "-"], Some(&body));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin:2: invalid JSON"));
    // Nothing is lost: the good record is still in the output.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_non_utf8_file_inside_a_directory_is_skipped() {
    let dir = temp_dir("latin");
    std::fs::write(dir.join("good.txt"), FOR_TEXT.replace("\\n", "\n")).expect("write");
    std::fs::write(dir.join("bad.txt"), [0xe9, 0xff, 0x0a]).expect("write");
    let out = stance(&["analyze", path(&dir)], None);
    let json = json_of(&out);
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt: not valid UTF-8"));
    assert_eq!(stance(&["analyze", "--strict", "--quiet", path(&dir)], None).status.code(), Some(1));
}

#[test]
fn the_summary_line_counts_documents_and_actors() {
    let out = stance(&["analyze", "-"], Some(&jsonl(&[&format!(r#"{{"id": "a", "text": "{FOR_TEXT}"}}"#)])));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("stance: 1 documents, 1 actors,") && err.trim_end().ends_with(" s"), "{err}");
    let quiet = stance(&["analyze", "--quiet", "-"], Some(&jsonl(&[&format!(r#"{{"id": "a", "text": "{FOR_TEXT}"}}"#)])));
    assert!(quiet.stderr.is_empty());
}

#[test]
fn threads_do_not_change_the_result() {
    let lines: Vec<String> =
        (0..40).map(|i| format!(r#"{{"id": "d{i}", "text": "{}"}}"#, if i % 2 == 0 { FOR_TEXT } else { AGAINST_TEXT })).collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let body = jsonl(&refs);
    let one = stance(&["analyze", "--quiet", "--threads", "1", "-"], Some(&body));
    let two = stance(&["analyze", "--quiet", "--threads", "2", "-"], Some(&body));
    assert_eq!(one.stdout, two.stdout);
}
