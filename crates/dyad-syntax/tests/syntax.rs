//! End-to-end tests of dyad-syntax: the embedded models, a smoke training run on sentences
//! written for these tests, CoNLL-U in and out, and inputs that must not crash.

use dyad_core::{Document, Sentence, Span, Token, TokenKind};
use dyad_syntax::{Models, TrainOptions};
use std::path::{Path, PathBuf};

/// Four tiny annotated sentences written for these tests (not from any treebank).
const TINY: &str = "\
# sent_id = t1
1\tBlinken\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-PER
2\tspoke\t_\tVERB\tVBD\t_\t0\troot\t_\tNER=O
3\twith\t_\tADP\tIN\t_\t4\tcase\t_\tNER=O
4\tLavrov\t_\tPROPN\tNNP\t_\t2\tobl\t_\tNER=B-PER
5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O

# sent_id = t2
1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-LOC
2\tmoved\t_\tVERB\tVBD\t_\t0\troot\t_\tNER=O
3\ttroops\t_\tNOUN\tNNS\t_\t2\tobj\t_\tNER=O
4\tto\t_\tADP\tIN\t_\t5\tcase\t_\tNER=O
5\tBelarus\t_\tPROPN\tNNP\t_\t2\tobl\t_\tNER=B-LOC
6\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O

# sent_id = t3
1\tThe\t_\tDET\tDT\t_\t3\tdet\t_\tNER=B-ORG
2\tState\t_\tPROPN\tNNP\t_\t3\tcompound\t_\tNER=I-ORG
3\tDepartment\t_\tPROPN\tNNP\t_\t4\tnsubj\t_\tNER=I-ORG
4\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\tNER=O
5\tit\t_\tPRON\tPRP\t_\t6\tnsubj\t_\tNER=O
6\twarned\t_\tVERB\tVBD\t_\t4\tccomp\t_\tNER=O
7\tMoscow\t_\tPROPN\tNNP\t_\t6\tobj\t_\tNER=B-LOC
8\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\tNER=O

# sent_id = t4
1\tBiden\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-PER
2\tcalled\t_\tVERB\tVBD\t_\t0\troot\t_\tNER=O
3\tPutin\t_\tPROPN\tNNP\t_\t2\tobj\t_\tNER=B-PER
4\ton\t_\tADP\tIN\t_\t5\tcase\t_\tNER=O
5\tSaturday\t_\tPROPN\tNNP\t_\t2\tobl\t_\tNER=O
6\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O

";

/// A fixture file under the target directory's scratch space (rewritten by every run, so
/// nothing piles up in the system's temporary directory).
fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-syntax-test");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write fixture");
    path
}

/// A document with one sentence, tokenised on spaces, with a final period split off.
fn doc_of(text: &str) -> Document {
    let mut doc = Document::new("t", text).expect("short text");
    let mut start = None;
    let bytes = text.as_bytes();
    for i in 0..=bytes.len() {
        let at_end = i == bytes.len();
        let boundary = at_end || bytes[i] == b' ' || (bytes[i] == b'.' && (i + 1 == bytes.len()));
        if boundary {
            if let Some(s) = start.take() {
                doc.tokens.push(Token { span: Span::new(s, i), kind: TokenKind::Word, word_split: 0 });
            }
            if !at_end && bytes[i] == b'.' {
                doc.tokens.push(Token { span: Span::new(i, i + 1), kind: TokenKind::Punct, word_split: 0 });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    let n = doc.tokens.len() as u32;
    doc.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..n, boilerplate: false });
    doc
}

#[test]
fn embedded_models_load_and_tag() {
    let models = Models::embedded().expect("embedded models load");
    assert!(models.tagger.is_some(), "a tagger is embedded");
    let mut doc = doc_of("The minister said the talks would continue in Geneva on Monday.");
    models.annotate(&mut doc);
    let tags: Vec<&str> = doc.words.iter().map(|w| w.upos).collect();
    assert_eq!(tags, ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]);
    if models.parser.is_some() {
        let said = &doc.words[2];
        assert_eq!((said.head, said.deprel), (None, "root"));
        assert_eq!(doc.words[1].head, Some(2), "minister attaches to said");
        assert_eq!(doc.words[1].deprel, "nsubj");
        assert_eq!(doc.words.iter().filter(|w| w.head.is_none()).count(), 1);
    }
    if models.ner.is_some() {
        let names: Vec<(&str, &str)> = doc.entities.iter().map(|e| (doc.slice(e.span), e.label.as_str())).collect();
        assert!(names.contains(&("Geneva", "LOC")), "{names:?}");
    }
}

#[test]
fn the_shared_pipeline_gives_what_each_model_gives_alone() {
    // `annotate` reuses buffers from sentence to sentence and hands the tagger's word parts to
    // the parser and the NER tagger; each model's own `predict` computes everything afresh.
    let models = Models::embedded().expect("embedded models load");
    let (Some(tagger), Some(parser), Some(ner)) = (&models.tagger, &models.parser, &models.ner) else { return };
    let sentences = [
        "Officials in Warsaw said on Tuesday that two convoys had crossed the border .",
        "The Foreign Ministry of Ruritania summoned the ambassador , a spokeswoman said .",
        "Fighting resumed near the port after talks in Istanbul collapsed late on Friday night .",
    ];
    let mut doc = doc_of(&sentences.join(" "));
    // One sentence per line of `sentences`, by token counts.
    doc.sentences.clear();
    let mut first = 0usize;
    for s in sentences {
        let end = first + s.split(' ').count();
        let span = Span { start: doc.tokens[first].span.start, end: doc.tokens[end - 1].span.end };
        doc.sentences.push(Sentence { span, tokens: first as u32..end as u32, boilerplate: false });
        first = end;
    }
    models.annotate(&mut doc);
    let from_pipeline: Vec<(&str, &str)> = doc.words.iter().map(|w| (w.upos, w.deprel)).collect();
    let mut names: Vec<&str> = doc.entities.iter().map(|e| doc.slice(e.span)).collect();
    let (mut alone, mut alone_names) = (Vec::new(), Vec::new());
    for s in sentences {
        let words: Vec<&str> = s.split(' ').collect();
        let tags = tagger.predict(&words);
        let arcs = parser.predict(&words, &tags);
        alone.extend(tags.iter().zip(&arcs).map(|(t, a)| (t.upos, a.deprel)));
        alone_names.extend(ner.predict(&words, &tags, None).iter().map(|e| words[e.start..e.end].join(" ")));
    }
    assert_eq!(from_pipeline, alone);
    names.sort_unstable();
    alone_names.sort_unstable();
    assert_eq!(names, alone_names);
}

#[test]
fn multiword_tokens_are_tagged_as_two_words() {
    let models = Models::embedded().expect("embedded models load");
    let text = "Russia's army didn't move.";
    let mut doc = Document::new("t", text).expect("short text");
    for (s, e, split) in [(0, 8, 2u8), (9, 13, 0), (14, 20, 3), (21, 25, 0), (25, 26, 0)] {
        doc.tokens.push(Token { span: Span::new(s, e), kind: TokenKind::Word, word_split: split });
    }
    doc.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..5, boilerplate: false });
    models.annotate(&mut doc);
    let words: Vec<(&str, &str)> = doc.words.iter().map(|w| (doc.slice(w.span), w.xpos)).collect();
    assert_eq!(
        words,
        [("Russia", "NNP"), ("'s", "POS"), ("army", "NN"), ("did", "VBD"), ("n't", "RB"), ("move", "VB"), (".", ".")]
    );
}

#[test]
fn smoke_training_learns_the_training_sentences() {
    let train = temp_file("tiny.conllu", TINY);
    // The tagger's lexicon keeps words seen twice, and a plain word outside it never gets a
    // closed class: the tagger reads the tiny treebank twice, as a real one has its "the"
    // and "to" many times.
    let twice = temp_file("tiny-twice.conllu", &TINY.repeat(2));
    let options = TrainOptions { epochs: 8, prune: 0.0, ..TrainOptions::default() };
    let tagger = dyad_syntax::train_tagger(&twice, &train, &options).expect("tagger trains");
    assert!(tagger.dev_score > 99.0, "tagger fits its training data: {}", tagger.dev_score);
    let again = dyad_syntax::train_tagger(&twice, &train, &options).expect("tagger trains");
    assert_eq!(tagger.bytes, again.bytes, "same data and seed, same weights");

    let t = dyad_syntax::Tagger::from_bytes(&tagger.bytes).expect("tagger reads back");
    assert_eq!(t.to_bytes(), tagger.bytes, "tagger serialisation round-trips");
    let options = TrainOptions { tagger: Some(t), epochs: 15, prune: 0.0, ..options };
    let parser = dyad_syntax::train_parser(&train, &train, &options).expect("parser trains");
    assert!(parser.dev_score > 90.0, "parser fits its training data: {}", parser.dev_score);
    let ner = dyad_syntax::train_ner(&train, &train, &options).expect("ner trains");
    assert!(ner.dev_score > 90.0, "NER fits its training data: {}", ner.dev_score);
    let back = dyad_syntax::NerTagger::from_bytes(&ner.bytes).expect("NER reads back");
    assert_eq!(back.to_bytes(), ner.bytes, "NER serialisation round-trips");

    let back = dyad_syntax::Parser::from_bytes(&parser.bytes).expect("parser reads back");
    assert_eq!(back.to_bytes(), parser.bytes, "parser serialisation round-trips");

    // With a word table the parser adds cluster features and carries the table in its file.
    let table = temp_file("tiny-words.tsv", "w\tblinken\t1\t2\t3\t4\nw\tmet\t5\t6\t7\t0\n");
    let words = dyad_syntax::WordTable::read_tsv(&table).expect("word table reads");
    let with_table = TrainOptions { word_table: Some(words), ..options.clone() };
    let clustered = dyad_syntax::train_parser(&train, &train, &with_table).expect("parser trains with clusters");
    assert!(clustered.dev_score > 90.0, "parser with clusters fits its training data: {}", clustered.dev_score);
    assert!(clustered.bytes.len() > parser.bytes.len(), "the table is stored in the model");
    let back = dyad_syntax::Parser::from_bytes(&clustered.bytes).expect("parser with clusters reads back");
    assert_eq!(back.to_bytes(), clustered.bytes, "serialisation with a table round-trips");

    // The tagger too: it stores the table, and the parser's jackknife taggers take it from it.
    let tag_options = TrainOptions { word_table: with_table.word_table.clone(), tagger: None, ..with_table.clone() };
    let tagged = dyad_syntax::train_tagger(&twice, &train, &tag_options).expect("tagger trains with a table");
    assert!(tagged.dev_score > 99.0, "tagger with a table fits its training data: {}", tagged.dev_score);
    assert!(tagged.bytes.len() > tagger.bytes.len(), "the table is stored in the tagger");
    let t = dyad_syntax::Tagger::from_bytes(&tagged.bytes).expect("tagger with a table reads back");
    assert_eq!(t.to_bytes(), tagged.bytes, "tagger serialisation with a table round-trips");
    let jackknifed = TrainOptions { tagger: Some(t), jackknife: 2, ..options.clone() };
    let parsed = dyad_syntax::train_parser(&train, &train, &jackknifed).expect("parser trains on jackknifed tags");
    assert!(parsed.dev_score > 80.0, "parser on jackknifed tags fits its training data: {}", parsed.dev_score);

    let models = Models::from_bytes(&tagger.bytes, &parser.bytes, &ner.bytes).expect("models read back");
    let mut out = Vec::new();
    let n = models.parse_conllu(TINY.as_bytes(), &mut out).expect("parses");
    assert_eq!(n, 4);
    let out = String::from_utf8(out).expect("utf8");
    assert!(out.contains("1\tBlinken\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-PER\n"), "{out}");
    assert!(out.contains("2\tState\t_\tPROPN\tNNP\t_\t3\tcompound\t_\tNER=I-ORG\n"), "{out}");
}

#[test]
fn odd_inputs_do_not_panic() {
    let models = Models::embedded().expect("embedded models load");
    for text in ["", ".", "a", "ééé ü 😀 --- ,,,", &"word ".repeat(400)] {
        let mut doc = doc_of(text);
        models.annotate(&mut doc);
        assert_eq!(doc.words.len(), doc.tokens.len());
    }
    // Token ranges and spans that point nowhere are skipped, not trusted.
    let mut doc = Document::new("t", "short").expect("short text");
    doc.tokens.push(Token { span: Span::new(2, 99), kind: TokenKind::Word, word_split: 0 });
    doc.sentences.push(Sentence { span: Span::new(0, 5), tokens: 0..5, boilerplate: false });
    doc.sentences.push(Sentence { span: Span::new(0, 5), tokens: 0..1, boilerplate: false });
    models.annotate(&mut doc);
    let mut out = Vec::new();
    assert!(models.parse_conllu("1\tx\t_\t_\t_\t_\tnot-a-number\t_\t_\t_\n".as_bytes(), &mut out).is_err());
    assert!(Models::from_bytes(b"DYSYN\x01\x01garbage", b"", b"").is_err());
}

/// Sentences drawn from words that the name mends act on (titles, hyphens, legal forms,
/// acronyms, place words, scores): whatever the tagger and the mends make of them, every
/// entity stays inside its sentence, in order and apart from the others, and every word
/// keeps one arc.
#[test]
fn name_mends_keep_spans_inside_ordered_and_apart() {
    const WORDS: [&str; 30] = [
        "Mr",
        "Judge",
        "Ross",
        "Perot",
        "said",
        "the",
        "Gulf",
        "of",
        "Mexico",
        "Gaza",
        "Strip",
        "Inc.",
        ",",
        "CCNG",
        "-",
        "Jean",
        "Michel",
        "HANO",
        "Housing",
        "Authority",
        "New",
        "Orleans",
        "(",
        ")",
        "City",
        "Hall",
        "4-38",
        "P.",
        "Economist",
        ":",
    ];
    let models = Models::embedded().expect("embedded models load");
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..300 {
        let n = 1 + next() % 14;
        let words: Vec<&str> = (0..n).map(|_| WORDS[next() % WORDS.len()]).collect();
        let a = models.analyse(&words);
        assert_eq!(a.arcs.len(), n, "{words:?}");
        let mut end = 0;
        for e in &a.entities {
            assert!(end <= e.start && e.start < e.end && e.end <= n, "{words:?}: {:?}", a.entities);
            end = e.end;
        }
    }
}

#[test]
fn damaged_model_files_are_errors_not_panics() {
    let models = Models::embedded().expect("embedded models load");
    let files: Vec<Vec<u8>> = vec![
        models.tagger.as_ref().map(|t| t.to_bytes()).unwrap_or_default(),
        models.parser.as_ref().map(|p| p.to_bytes()).unwrap_or_default(),
        models.ner.as_ref().map(|n| n.to_bytes()).unwrap_or_default(),
    ];
    for (which, bytes) in files.iter().enumerate() {
        let load = |b: &[u8]| match which {
            0 => dyad_syntax::Tagger::from_bytes(b).map(|_| ()),
            1 => dyad_syntax::Parser::from_bytes(b).map(|_| ()),
            _ => dyad_syntax::NerTagger::from_bytes(b).map(|_| ()),
        };
        assert!(load(bytes).is_ok());
        for cut in [0, 3, 6, 7, 50, bytes.len() / 2, bytes.len().saturating_sub(1)] {
            assert!(load(&bytes[..cut.min(bytes.len())]).is_err(), "model {which} cut at {cut}");
        }
        // Flipped bytes may or may not load, but never panic.
        let mut damaged = bytes.clone();
        for i in (7..damaged.len()).step_by(997) {
            damaged[i] ^= 0x5a;
        }
        let _ = load(&damaged);
    }
}
