//! Prints a text with its capitals restored by the embedded models' word table:
//! `cargo run --release -p dyad-syntax --example truecase < text.txt`
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("reading standard input");
    let models = dyad_syntax::Models::embedded().expect("embedded models");
    let restorer = models.case_restorer().expect("the embedded NER model carries a word table");
    let mut doc = dyad_core::Document::new("stdin", text.as_str()).expect("a text of under 4 GB");
    dyad_text::annotate(&mut doc);
    let starts: Vec<u32> = doc.sentences.iter().map(|s| s.span.start).collect();
    let casing = dyad_syntax::casing(&text);
    match restorer.restore(&text, casing, &starts) {
        Some(restored) => print!("{restored}"),
        None => eprintln!("{casing:?}: the text is left as it is"),
    }
}
