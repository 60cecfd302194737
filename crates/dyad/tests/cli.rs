//! End-to-end tests of the `dyad` command: real processes, real files, output checked
//! against the dyad/1 JSON Schema.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).stdin(Stdio::null()).output().expect("dyad runs")
}

fn dyad_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh directory under the target dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_file("schema/dyad1.schema.json")).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid(record: &Value) {
    let v = validator();
    let errors: Vec<String> = v.iter_errors(record).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
}

/// Character-offset slice, as a consumer of dyad/1 in Python would take it.
fn char_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn extract_plain_text_is_schema_valid_with_boilerplate_flagged() {
    let out = dyad(&["extract", "--date", "2023-05-08", "--text", "--annotations", &fixture("dispatch.txt")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&record);
    assert_eq!(record["doc"]["id"], "dispatch");
    assert_eq!(record["doc"]["published"], "2023-05-08");
    let text = record["doc"]["text"].as_str().unwrap();
    let sentences = record["sentences"].as_array().unwrap();
    let flags: Vec<bool> = sentences.iter().map(|s| s["boilerplate"].as_bool().unwrap()).collect();
    assert_eq!(flags, [false, false, false, true, true, true], "{sentences:#?}");
    let first = char_slice(text, sentences[0]["start"].as_u64().unwrap(), sentences[0]["end"].as_u64().unwrap());
    assert!(first.starts_with("Geneva: UN Secretary-General António Guterres met"), "{first}");
    assert!(first.ends_with("a U.N. spokesman said."), "{first}");
    // Every token's character offsets select its own text, past the non-ASCII name too.
    for t in record["tokens"].as_array().unwrap() {
        let got = char_slice(text, t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
        assert_eq!(got, t["text"].as_str().unwrap());
    }
}

#[test]
fn jsonl_records_keep_their_ids_dates_and_order_on_any_thread_count() {
    let samples = repo_file("samples/articles.jsonl").display().to_string();
    let one = dyad(&["extract", "--jsonl", &samples, "--format", "jsonl", "--threads", "1", "--annotations"]);
    let two = dyad(&["extract", "--jsonl", &samples, "--format", "jsonl", "--threads", "2", "--annotations"]);
    assert!(one.status.success() && two.status.success(), "{}{}", stderr(&one), stderr(&two));
    assert_eq!(one.stdout, two.stdout, "output must not depend on the thread count");
    let records = stdout_lines(&one);
    let ids: Vec<&str> = records.iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["kyiv-2022-02-25", "vilnius-2023-07-11", "addis-2022-11-02"]);
    assert_eq!(records[1]["doc"]["published"], "2023-07-11T18:20:00+03:00");
    records.iter().for_each(assert_valid);
}

#[test]
fn bad_records_are_named_and_the_rest_is_processed() {
    let dir = scratch("bad-records");
    let file = dir.join("mixed.jsonl");
    std::fs::write(
        &file,
        b"{\"id\": \"a\", \"text\": \"One sentence.\"}\nnot json\n{\"id\": \"b\"}\n\n{\"id\": \"c\", \"text\": \"Bad \xff byte.\"}\n{\"id\": \"d\", \"text\": \"Last one.\"}\n",
    )
    .unwrap();
    let out = dyad(&["extract", "--jsonl", file.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "failed records make the exit status 1");
    let ids: Vec<String> = stdout_lines(&out).iter().map(|r| r["doc"]["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["a", "d"]);
    let err = stderr(&out);
    let f = file.display();
    assert!(err.contains(&format!("dyad: {f}:2: not a JSON object")), "{err}");
    assert!(err.contains(&format!("dyad: {f}:3: record has no string field 'text'")), "{err}");
    assert!(err.contains(&format!("dyad: {f}:5: invalid UTF-8 at byte 25")), "{err}");

    let lossy = dyad(&["extract", "--jsonl", file.to_str().unwrap(), "--format", "jsonl", "--lossy"]);
    let ids: Vec<String> = stdout_lines(&lossy).iter().map(|r| r["doc"]["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["a", "c", "d"]);
    assert!(stderr(&lossy).contains(&format!("{f}:5: warning: replaced 1 invalid UTF-8 sequence(s)")));
}

#[test]
fn directories_report_unreadable_entries_and_go_on() {
    let dir = scratch("dir-walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.txt"), "Second file. It has two sentences.").unwrap();
    std::fs::write(dir.join("sub/a.txt"), "Nested file.").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.bin"), [0x89, b'P', b'N', b'G', 0xff, 0x00]).unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Skipped.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("dangling.txt")).unwrap();
    let out = dyad(&["extract", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let records = stdout_lines(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b", "empty", "a"], "name order, hidden files skipped");
    assert_eq!(records[1]["sentences"].as_array().unwrap().len(), 0);
    let err = stderr(&out);
    assert!(err.contains("binary.bin: invalid UTF-8 at byte 0"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("dangling.txt: No such file or directory"), "{err}");
    assert!(err.contains("empty.txt: warning: empty document"), "{err}");
}

#[test]
fn stdin_and_json_arrays() {
    let out = dyad_stdin(&["extract", "-", "--date", "2022-02-13"], "Talks ended. Nobody spoke.".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let one: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(one["doc"]["id"], "stdin");
    assert_eq!(one["sentences"].as_array().unwrap().len(), 2);

    let samples = repo_file("samples/articles.jsonl").display().to_string();
    let out = dyad(&["extract", "--jsonl", &samples]);
    let many: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(many.as_array().map(Vec::len), Some(3), "several documents in json format make an array");
}

#[test]
fn usage_errors_explain_themselves() {
    let out = dyad(&["extract", "--date", "2022-02-30", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'2022-02-30' is not a date"), "{}", stderr(&out));
}
