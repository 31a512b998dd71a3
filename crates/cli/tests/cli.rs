//! The `stance` binary from the outside: output contract and error handling.

use std::path::PathBuf;
use std::process::{Command, Output};

fn stance(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stance")).args(args).output().expect("the stance binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stance-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn analyzes_files_into_the_contract() {
    let dir = temp_dir("ok");
    let file = dir.join("article.txt");
    std::fs::write(&file, "عنوان\nوطالب البرلمان العراقي بانسحاب القوات الأمريكية.").expect("write");
    let out = stance(&["analyze", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["schema"], "stance-matrix/1");
    assert_eq!(json["documents"][0]["id"], "article.txt");
    assert_eq!(json["documents"][0]["title"], "عنوان");
    assert_eq!(json["actors"][0]["cells"][0]["stance"], "for");
}

#[test]
fn a_missing_file_is_one_line_naming_it() {
    let out = stance(&["analyze", "/nonexistent/nothing-here.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nothing-here.txt") && err.contains("no such file"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn non_utf8_is_one_line_naming_the_file() {
    let dir = temp_dir("latin1");
    let file = dir.join("latin1.txt");
    std::fs::write(&file, [0x71, 0xe9, 0xff, 0x0a]).expect("write");
    let out = stance(&["analyze", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
}

#[test]
fn an_empty_directory_gives_an_empty_matrix() {
    let dir = temp_dir("empty-dir");
    let out = stance(&["analyze", "--quiet", dir.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(stance(&[]).status.code(), Some(2));
    assert_eq!(stance(&["analyze"]).status.code(), Some(2));
    assert_eq!(stance(&["frobnicate"]).status.code(), Some(2));
    assert!(stance(&["--help"]).status.success());
    assert_eq!(stance(&["analyze", "--format", "xml", "x.txt"]).status.code(), Some(2));
}
