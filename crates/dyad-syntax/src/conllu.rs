//! Reading and writing CoNLL-U (and the IOB2 token files of Universal NER).
//!
//! [`Reader`] yields one [`ConlluSentence`] per blank-line-separated block. Word lines with ten
//! tab-separated columns are CoNLL-U; shorter lines (`ID FORM TAG ...`, the UNER IOB2 layout)
//! are read as a form and an NER tag. Comment lines, multiword-token ranges (`3-4`) and empty
//! nodes (`8.1`) are kept verbatim so that [`write_sentence`] can give them back.

use crate::{Error, Result};
use std::io::{BufRead, Write};

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluWord {
    /// Column 2: the word form.
    pub form: String,
    /// Column 3 (`_` when absent).
    pub lemma: String,
    /// Column 4: universal part of speech (`_` when absent).
    pub upos: String,
    /// Column 5: language-specific (PTB) tag (`_` when absent).
    pub xpos: String,
    /// Column 6 (`_` when absent).
    pub feats: String,
    /// Column 7: 1-based index of the head word, 0 for the root; `None` when absent.
    pub head: Option<usize>,
    /// Column 8: dependency relation (`_` when absent).
    pub deprel: String,
    /// Column 9 (`_` when absent).
    pub deps: String,
    /// Column 10 (`_` when absent).
    pub misc: String,
    /// The NER tag (`B-PER`, `O`): `NER=` in MISC, or column 3 of an IOB2 file.
    pub ner: Option<String>,
}

/// A line of a sentence block, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A `#` comment, kept verbatim.
    Comment(String),
    /// A multiword-token range or an empty node, kept verbatim.
    Other(String),
    /// The word at this index of [`ConlluSentence::words`].
    Word(usize),
}

/// One sentence block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// The block's lines in order.
    pub lines: Vec<Line>,
    /// The syntactic words.
    pub words: Vec<ConlluWord>,
}

impl ConlluSentence {
    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Reads sentence blocks from CoNLL-U or IOB2 text.
pub struct Reader<R> {
    input: R,
    line_no: usize,
    buf: String,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Reader<R> {
        Reader { input, line_no: 0, buf: String::new(), done: false }
    }

    fn next_block(&mut self) -> Result<Option<ConlluSentence>> {
        let mut sent = ConlluSentence::default();
        loop {
            self.buf.clear();
            let n = self.input.read_line(&mut self.buf).map_err(|e| Error::io(None, e))?;
            if n == 0 {
                self.done = true;
                return Ok((!sent.lines.is_empty()).then_some(sent));
            }
            self.line_no += 1;
            let line = self.buf.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                if sent.lines.is_empty() {
                    continue;
                }
                return Ok(Some(sent));
            }
            if line.starts_with('#') {
                sent.lines.push(Line::Comment(line.to_string()));
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let id = cols[0];
            if id.contains('-') || id.contains('.') {
                sent.lines.push(Line::Other(line.to_string()));
                continue;
            }
            if cols.len() < 2 {
                return Err(Error::format(self.line_no, "a word line needs at least ID and FORM"));
            }
            let expected = sent.words.len() + 1;
            if id.parse::<usize>().ok() != Some(expected) {
                return Err(Error::format(self.line_no, format!("word id '{id}', expected {expected}")));
            }
            let word = if cols.len() >= 10 {
                let head = match cols[6] {
                    "_" => None,
                    h => Some(h.parse::<usize>().map_err(|_| Error::format(self.line_no, "HEAD is not a number"))?),
                };
                let ner = cols[9].split('|').find_map(|kv| kv.strip_prefix("NER=")).map(str::to_string);
                ConlluWord {
                    form: cols[1].to_string(),
                    lemma: cols[2].to_string(),
                    upos: cols[3].to_string(),
                    xpos: cols[4].to_string(),
                    feats: cols[5].to_string(),
                    head,
                    deprel: cols[7].to_string(),
                    deps: cols[8].to_string(),
                    misc: cols[9].to_string(),
                    ner,
                }
            } else {
                let blank = || "_".to_string();
                ConlluWord {
                    form: cols[1].to_string(),
                    lemma: blank(),
                    upos: blank(),
                    xpos: blank(),
                    feats: blank(),
                    head: None,
                    deprel: blank(),
                    deps: blank(),
                    misc: blank(),
                    ner: cols.get(2).map(|t| t.to_string()),
                }
            };
            sent.lines.push(Line::Word(sent.words.len()));
            sent.words.push(word);
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<ConlluSentence>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_block() {
            Ok(Some(s)) => Some(Ok(s)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Reads every sentence of a file.
pub fn read_file(path: &std::path::Path) -> Result<Vec<ConlluSentence>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(Some(path), e))?;
    Reader::new(std::io::BufReader::new(f)).collect::<Result<Vec<_>>>().map_err(|e| e.with_path(path))
}

/// Writes a sentence block as CoNLL-U (ten columns) followed by a blank line. The NER tag, when
/// set, replaces any `NER=` item of MISC.
pub fn write_sentence(out: &mut impl Write, sent: &ConlluSentence) -> std::io::Result<()> {
    for line in &sent.lines {
        match line {
            Line::Comment(s) | Line::Other(s) => writeln!(out, "{s}")?,
            Line::Word(i) => {
                let Some(w) = sent.words.get(*i) else { continue };
                let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
                let mut misc: Vec<&str> =
                    w.misc.split('|').filter(|kv| !kv.is_empty() && *kv != "_" && !kv.starts_with("NER=")).collect();
                let ner;
                if let Some(tag) = &w.ner {
                    ner = format!("NER={tag}");
                    misc.push(&ner);
                }
                let misc = if misc.is_empty() { "_".to_string() } else { misc.join("|") };
                let col = |s: &str| if s.is_empty() { "_".to_string() } else { s.replace(['\t', '\n'], " ") };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    i + 1,
                    col(&w.form),
                    col(&w.lemma),
                    col(&w.upos),
                    col(&w.xpos),
                    col(&w.feats),
                    head,
                    col(&w.deprel),
                    col(&w.deps),
                    misc
                )?;
            }
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tDo\tdo\tAUX\tVB\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tNER=O\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tSpaceAfter=No\n\n";

    #[test]
    fn conllu_round_trips() {
        let sents: Vec<_> = Reader::new(SAMPLE.as_bytes()).collect::<Result<_>>().expect("reads");
        assert_eq!(sents.len(), 1);
        let s = &sents[0];
        assert_eq!(s.forms(), vec!["Do", "n't", "go", "."]);
        assert_eq!(s.words[0].head, Some(3));
        assert_eq!(s.words[2].ner.as_deref(), Some("O"));
        let mut out = Vec::new();
        write_sentence(&mut out, s).expect("writes");
        assert_eq!(String::from_utf8(out).expect("utf8"), SAMPLE);
    }

    #[test]
    fn iob2_lines_are_read_as_forms_and_tags() {
        let text = "# sent_id = a\n1\tBlinken\tB-PER\t-\tx\n2\tspoke\tO\t-\t-\n\n\n1\tHi\tO\n";
        let sents: Vec<_> = Reader::new(text.as_bytes()).collect::<Result<_>>().expect("reads");
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].words[0].ner.as_deref(), Some("B-PER"));
        let mut out = Vec::new();
        write_sentence(&mut out, &sents[0]).expect("writes");
        assert!(String::from_utf8(out).expect("utf8").contains("1\tBlinken\t_\t_\t_\t_\t_\t_\t_\tNER=B-PER\n"));
    }

    #[test]
    fn bad_input_is_an_error() {
        for bad in ["2\tx\n", "1\tx\t_\t_\t_\t_\tnope\t_\t_\t_\n", "1\n"] {
            let r: Result<Vec<_>> = Reader::new(bad.as_bytes()).collect();
            assert!(r.is_err(), "{bad:?}");
        }
    }
}
