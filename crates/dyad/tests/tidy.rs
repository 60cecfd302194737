//! Code invariants that `cargo test` enforces: every source file opens with a module
//! doc, and crates depend only on earlier pipeline stages (data flows one way).

use std::path::{Path, PathBuf};

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target" && n != "fuzz") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let mut files = Vec::new();
    rust_files(&crates_dir(), &mut files);
    let undocumented: Vec<_> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().trim_start().starts_with("//!"))
        .map(|f| f.strip_prefix(crates_dir()).unwrap().display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "files without a `//!` module doc: {undocumented:?}");
}

/// Pipeline rank of each crate: a crate may depend only on crates of a lower rank.
fn rank(name: &str) -> Option<u8> {
    Some(match name {
        "dyad-core" => 0,
        "dyad-text" | "dyad-ingest" | "dyad-time" => 1,
        "dyad-syntax" => 2,
        "dyad-lexicon" => 3,
        "dyad-extract" => 4,
        "dyad-store" => 5,
        "dyad" => 6,
        _ => return None,
    })
}

#[test]
fn crates_depend_only_on_earlier_stages() {
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(crates_dir()).unwrap() {
        let manifest = entry.unwrap().path().join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else { continue };
        let name = text.lines().find_map(|l| l.strip_prefix("name = ")).unwrap().trim_matches('"').to_string();
        let Some(own) = rank(&name) else {
            problems.push(format!("{name}: not in the pipeline order of tests/tidy.rs; add it there"));
            continue;
        };
        // Only [dependencies] count; tests and benches may use anything.
        let deps = text.split("\n[dependencies]").nth(1).unwrap_or("").split("\n[").next().unwrap_or("");
        for dep in deps.lines().filter_map(|l| l.split([' ', '=', '.']).next()).filter(|d| d.starts_with("dyad")) {
            match rank(dep) {
                Some(r) if r < own => {}
                _ => problems.push(format!("{name} depends on {dep}, which is not an earlier stage")),
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
