//! The modality suite: sentences written for the events stage, each with the modality its
//! event must carry, run through text, time, syntax, actors and events. The suite lives in
//! `tests/modality_suite.tsv`; accuracy must stay at or above 95%.

use dyad_core::{Document, Published};
use dyad_extract::{Actors, Coder};
use dyad_syntax::Models;

const SUITE: &str = include_str!("modality_suite.tsv");

#[test]
fn modality_suite_accuracy() {
    let models = Models::embedded().expect("embedded models");
    let actors = Actors::embedded().expect("embedded lexicon");
    let coder = Coder::embedded().expect("embedded patterns");
    let (mut total, mut right) = (0, 0);
    let mut misses = Vec::new();
    for line in SUITE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad suite line: {line}");
        let (want, trigger, sentence) = (cols[0], cols[1], cols[2]);
        let mut doc = Document::new("m", sentence).expect("short text");
        doc.meta.published = Some(Published::parse("2022-02-13").expect("date"));
        dyad_text::annotate(&mut doc);
        dyad_time::annotate(&mut doc);
        models.annotate(&mut doc);
        actors.annotate(&mut doc);
        coder.annotate(&mut doc);
        total += 1;
        let got = doc
            .events
            .iter()
            .find(|e| doc.slice(e.trigger).to_lowercase().starts_with(trigger))
            .map(|e| e.modality.as_str());
        if got == Some(want) {
            right += 1;
        } else {
            misses.push(format!("want {want:<12} got {:<12} '{trigger}' in: {sentence}", got.unwrap_or("no event")));
        }
    }
    let accuracy = f64::from(right) / f64::from(total);
    eprintln!("modality suite: {right}/{total} = {accuracy:.3}");
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(total >= 150, "the suite has {total} sentences; it needs at least 150");
    assert!(accuracy >= 0.95, "modality accuracy {accuracy:.3} < 0.95 ({} misses)", misses.len());
}
