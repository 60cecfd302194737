//! End-to-end tests of the `dyad` command: real processes, real files, output checked
//! against the dyad/1 JSON Schema.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).args(args).stdin(Stdio::null()).output().expect("dyad runs")
}

/// dyad running with its standard input, output and error piped.
fn spawn_piped(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs")
}

fn dyad_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn_piped(args);
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

/// Entities (text, label, actor) and events (code, source, target) of one story.
fn entities_and_events(text: &str) -> (Vec<Value>, Vec<Value>, Value) {
    let out = dyad_stdin(&["extract", "-", "--date", "2022-02-13"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let entities = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Value::from(vec![e["text"].clone(), e["label"].clone(), e["actor"].clone()]));
    let events = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Value::from(vec![e["cameo"].clone(), e["source"]["code"].clone(), e["target"]["code"].clone()]));
    (entities.collect(), events.collect(), doc["diagnostics"].clone())
}

#[test]
fn stories_written_in_lower_case_or_capitals_are_read_like_news() {
    let story = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. \
                 Police in Athens arrested 30 protesters after the talks.";
    let (entities, events, diagnostics) = entities_and_events(story);
    assert!(!events.is_empty() && entities.len() >= 4, "{entities:?} {events:?}");
    assert!(diagnostics.is_null() || diagnostics.as_array().is_some_and(Vec::is_empty), "{diagnostics}");
    for caseless in [story.to_ascii_lowercase(), story.to_ascii_uppercase()] {
        let (e, v, d) = entities_and_events(&caseless);
        assert_eq!((&e, &v), (&entities, &events), "{caseless}");
        assert!(d.to_string().contains("capitals were restored"), "{d}");
    }
    // --as-written annotates the text as it stands: nothing restored, and next to nothing found.
    let lower = story.to_ascii_lowercase();
    let out = dyad_stdin(&["extract", "-", "--date", "2022-02-13", "--as-written"], lower.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!doc["diagnostics"].to_string().contains("capitals were restored"), "{}", doc["diagnostics"]);
    assert!(doc["entities"].as_array().map_or(0, Vec::len) < entities.len(), "{}", doc["entities"]);
}

#[test]
fn usage_errors_explain_themselves() {
    let out = dyad(&["extract", "--date", "2022-02-30", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'2022-02-30' is not a date"), "{}", stderr(&out));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-02-13T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.rsplit('/').next().unwrap(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

const STORY_HTML: &str = "<html lang=\"en\"><head><title>Envoys meet in Geneva - Example News</title>\
    <meta property=\"article:published_time\" content=\"2022-02-12T09:00:00+01:00\"></head><body>\
    <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav><article>\
    <h1>Envoys meet in Geneva</h1><p>Envoys from both countries met in Geneva on Saturday for a third round of \
    talks on the ceasefire, officials said, and agreed to meet again within two weeks.</p><p>The talks lasted \
    more than six hours and ended without a joint statement, according to a diplomat who attended.</p>\
    </article><footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>";

fn article_ids(out: &Output) -> Vec<String> {
    stdout_lines(out).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn warc_archives_with_gzip_members_a_non_html_record_and_a_truncated_end() {
    let dir = scratch("warc");
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{STORY_HTML}");
    let mut archive = Vec::new();
    archive.extend(gzip(&warc_record("warcinfo", "urn:info", "application/warc-fields", b"software: test\r\n")));
    archive.extend(gzip(&warc_record(
        "request",
        "https://news.example/a1",
        "application/http",
        b"GET /a1 HTTP/1.1\r\n\r\n",
    )));
    archive.extend(gzip(&warc_record("response", "https://news.example/a1", "application/http", http.as_bytes())));
    let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n";
    archive.extend(gzip(&warc_record("response", "https://news.example/logo", "application/http", png)));
    archive.extend(gzip(&warc_record("response", "https://news.example/a2", "application/http", http.as_bytes())));
    let last = warc_record("response", "https://news.example/a3", "application/http", http.as_bytes());
    archive.extend(gzip(&last[..last.len() / 2]));
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, archive).unwrap();
    let out = dyad(&["article", "--dedup", "0", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "the truncated record is an error");
    let records = stdout_lines(&out);
    assert_eq!(article_ids(&out), ["urn:uuid:a1", "urn:uuid:a2"]);
    assert_eq!(records[0]["url"], "https://news.example/a1");
    assert_eq!(records[0]["published"], "2022-02-12T09:00:00+01:00");
    let text = records[0]["text"].as_str().unwrap();
    assert!(text.starts_with("Envoys from both countries met in Geneva"), "{text}");
    assert!(!text.contains("Home") && !text.contains("Copyright"), "chrome must go: {text}");
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:6: WARC: truncated record", path.display())), "{err}");
    assert!(err.contains("skipped 1 WARC response that is not HTML"), "{err}");
}

#[test]
fn formats_are_recognised_by_content_and_duplicates_linked() {
    let dir = scratch("formats");
    std::fs::write(dir.join("a-page.html"), STORY_HTML).unwrap();
    std::fs::write(dir.join("b-copy.bin.gz"), gzip(STORY_HTML.as_bytes())).unwrap();
    let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title><item><title>T</title>\
        <link>https://w.example/1</link><guid>w-1</guid><pubDate>Sat, 12 Feb 2022 08:00:00 GMT</pubDate>\
        <description>Talks resumed in Vienna on Saturday.</description></item></channel></rss>";
    std::fs::write(dir.join("c-feed"), feed).unwrap();
    std::fs::write(dir.join("d-records"), "{\"id\": \"r1\", \"text\": \"A record.\"}\n").unwrap();
    std::fs::write(dir.join("e-notes.txt"), "<p> is how a paragraph starts in HTML.").unwrap();
    let out = dyad(&["article", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = stdout_lines(&out);
    assert_eq!(article_ids(&out), ["a-page", "b-copy", "w-1", "r1", "e-notes"]);
    assert_eq!(records[0]["title"], "Envoys meet in Geneva");
    assert_eq!(records[1]["duplicate_of"]["id"], "a-page", "a gzip copy of the page is an exact duplicate");
    assert_eq!(records[2]["published"], "2022-02-12T08:00:00Z");
    assert_eq!(records[4]["text"], "<p> is how a paragraph starts in HTML.", ".txt stays plain text");
    let text = dyad(&["article", "--format", "text", dir.join("a-page.html").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).starts_with("Envoys from both countries"));
}

#[test]
fn hostile_inputs_give_named_errors_or_best_effort_documents() {
    let dir = scratch("hostile");
    let mut truncated = gzip(STORY_HTML.as_bytes());
    truncated.truncate(truncated.len() / 2);
    std::fs::write(dir.join("a-truncated.html.gz"), truncated).unwrap();
    std::fs::write(dir.join("b-binary.dat"), (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>()).unwrap();
    let deep = format!(
        "<html><body>{}<p>Deep text survives.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    std::fs::write(dir.join("c-deep.html"), deep).unwrap();
    let mut latin = b"<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf\xe9 owners in S\xe3o Paulo protested on Monday against the new tax, organisers said.</p></article></body></html>".to_vec();
    latin.extend_from_slice(b"\n");
    std::fs::write(dir.join("d-wrong-charset.html"), latin).unwrap();
    std::fs::write(dir.join("e-ok.txt"), "Still processed.").unwrap();
    let out = dyad(&["article", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a-truncated.html.gz:"), "{err}");
    assert!(err.contains("b-binary.dat: invalid UTF-8"), "{err}");
    let records = stdout_lines(&out);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["c-deep", "d-wrong-charset", "e-ok"]);
    assert!(records[0]["text"].as_str().unwrap().contains("Deep text survives."));
    let wrong = records[1]["text"].as_str().unwrap();
    assert!(wrong.contains("owners in S") && wrong.contains("protested on Monday"), "best effort: {wrong}");
}

/// A JSONL file of `n` small distinct articles.
fn many_articles(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("many.jsonl");
    let mut lines = String::new();
    for i in 0..n {
        lines.push_str(&format!(
            "{{\"id\": \"doc{i:05}\", \"date\": \"2022-02-13\", \"text\": \"Officials in city {i} met envoys on Saturday. They agreed to talk again on Monday, a spokesman for mission {i} said.\"}}\n"
        ));
    }
    std::fs::write(&path, lines).unwrap();
    path
}

fn store_counts(db: &Path) -> (i64, i64, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let count = |t: &str| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap();
    (count("documents"), count("entities"), count("mentions"))
}

#[test]
fn ingest_is_idempotent_and_survives_kill_9() {
    let dir = scratch("kill9");
    let input = many_articles(&dir, 2000);
    let input = input.to_str().unwrap();
    let whole = dir.join("whole.db");
    let out = dyad(&["ingest", "-q", "--db", whole.to_str().unwrap(), "--jsonl", input]);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = store_counts(&whole);
    assert_eq!(expected.0, 2000);
    let again = dyad(&["ingest", "--db", whole.to_str().unwrap(), "--jsonl", input]);
    assert!(stderr(&again).contains("stored 0 new documents (2000 already stored)"), "{}", stderr(&again));
    assert_eq!(store_counts(&whole), expected, "re-ingesting changes nothing");

    // Kill a run partway, then rerun: the result equals the uninterrupted run.
    let killed = dir.join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "-q", "--batch", "16", "--db", killed.to_str().unwrap(), "--jsonl", input])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    // Killed early, the file may not even hold the tables yet: count what is there.
    let partial: i64 = rusqlite::Connection::open(&killed)
        .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
        .unwrap_or(0);
    assert!(partial <= 2000);
    let rerun = dyad(&["ingest", "-q", "--db", killed.to_str().unwrap(), "--jsonl", input]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert_eq!(store_counts(&killed), expected, "the killed run had stored {partial} documents");
}

#[test]
fn query_and_export_refuse_missing_and_foreign_stores() {
    let dir = scratch("stores");
    let missing = dir.join("none.db");
    let out = dyad(&["query", "--db", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no such store"), "{}", stderr(&out));
    let foreign = dir.join("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t (x);").unwrap();
    let out = dyad(&["export", "--format", "gdelt", "--db", foreign.to_str().unwrap()]);
    assert!(stderr(&out).contains("not a dyad store"), "{}", stderr(&out));
    let out = dyad(&["run", "-q", "--db", dir.join("samples.db").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Top dyads"));
}

#[test]
fn export_parquet_to_a_file_or_a_pipe_never_a_terminal() {
    let dir = scratch("parquet");
    let db = dir.join("samples.db");
    let db = db.to_str().unwrap();
    let out = dyad(&["run", "-q", "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = |format: &str| {
        let out = dyad(&["export", "--db", db, "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    for (format, tsv) in [("parquet", "gdelt"), ("parquet-mentions", "gdelt-mentions")] {
        let path = dir.join(format!("{format}.parquet"));
        let out = dyad(&["export", "--db", db, "--format", format, "--out", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let rows = lines(tsv);
        assert!(rows > 0, "the samples hold events");
        assert!(stderr(&out).contains(&format!("exported {rows} rows")), "{format}: {}", stderr(&out));
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"), "{format}: a whole Parquet file");
        assert!(!dir.join(format!("{format}.parquet.partial")).exists());
        // To a pipe: the same bytes (the export is deterministic).
        let piped = dyad(&["export", "--db", db, "--format", format]);
        assert!(piped.status.success(), "{}", stderr(&piped));
        assert!(piped.stdout == bytes, "{format}: stdout differs from --out");
    }
    // A failed export leaves no file behind, partial or not.
    let missing = dir.join("no-such-dir").join("events.parquet");
    let out = dyad(&["export", "--db", db, "--format", "parquet", "--out", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("events.parquet.partial"), "the error names the file: {}", stderr(&out));
    // A terminal gets an error, not binary. `script` gives the child a pseudo-terminal.
    if Path::new("/usr/bin/script").exists() {
        let command = format!("{} export --db {db} --format parquet", env!("CARGO_BIN_EXE_dyad"));
        let out = Command::new("/usr/bin/script").args(["-qec", &command, "/dev/null"]).output().unwrap();
        let seen = String::from_utf8_lossy(&out.stdout);
        assert!(seen.contains("standard output is a terminal: give --out FILE"), "{seen}");
        assert!(!seen.contains("PAR1"), "{seen}");
    }
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    // The reader is gone before dyad writes a byte (`dyad explain ... | head -0`): each
    // command stops without a panic and exits as a finished one.
    for args in [&["explain", "Blinken met Lavrov in Geneva on Friday."][..], &["extract", "--format", "jsonl"]] {
        let mut child = spawn_piped(args);
        drop(child.stdout.take());
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(b"Blinken met Lavrov in Geneva on Friday.").unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
        assert!(out.status.success(), "{args:?}: {:?} {}", out.status, stderr(&out));
    }
}

#[test]
fn bench_times_every_stage_from_ingest_to_store() {
    let samples = repo_file("samples/articles.jsonl").display().to_string();
    let out = dyad(&["bench", &samples, "--threads", "2"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let stages: Vec<&str> = text.lines().filter_map(|l| l.split_whitespace().next()).collect();
    for stage in ["ingest", "text", "time", "syntax", "actors", "events", "store"] {
        assert!(stages.contains(&stage), "no {stage} row in:\n{text}");
    }
    assert_eq!(text.lines().filter(|l| l.starts_with("total")).count(), 2, "{text}");
    assert!(text.contains("events per document") && text.contains("peak memory"), "{text}");
}
