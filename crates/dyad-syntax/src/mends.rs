//! Mends of the parse: two shapes the parser gets wrong in news often enough that the event
//! coder, which reads subjects, objects and clauses, would miss the event. Each rewrites
//! arcs into the shape UD English EWT gives the same words. (The tagger's own mends, of
//! past and present tenses read as participles and nouns, are `tagger::mend_tenses`.)

use crate::parser::Arc;
use crate::tagger::{PosTag, SUBORDINATORS};

/// Both mends, in order, over one sentence's arcs (heads 1-based, 0 for the root).
pub(crate) fn mend_parse(words: &[&str], tags: &[PosTag], arcs: &mut [Arc]) {
    raise_infinitive_subjects(words, arcs);
    mend_clause_openers(words, tags, arcs);
}

/// Word `k`'s head as a 0-based index, `None` for the root.
fn head(arcs: &[Arc], k: usize) -> Option<usize> {
    arcs[k].head.checked_sub(1)
}

/// The first dependent of word `h` whose relation and form `fits`.
fn kid(arcs: &[Arc], h: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    (0..arcs.len()).find(|&k| head(arcs, k) == Some(h) && fits(k))
}

/// "urged the United States to stop": the treebank makes the noun the verb's object and the
/// infinitive its `xcomp`, but the parser sometimes makes the noun the subject of a `ccomp`
/// infinitive instead. The second reading is turned into the first: a `ccomp` marked by
/// "to", whose subject stands between the verb and it, when the verb has no object of its own.
fn raise_infinitive_subjects(words: &[&str], arcs: &mut [Arc]) {
    for c in 0..arcs.len() {
        let Some(v) = head(arcs, c).filter(|&v| v < c && arcs[c].deprel == "ccomp") else { continue };
        let marked_to = kid(arcs, c, |k| arcs[k].deprel == "mark" && words[k].eq_ignore_ascii_case("to")).is_some();
        let has_obj = kid(arcs, v, |k| matches!(arcs[k].deprel, "obj" | "iobj")).is_some();
        let Some(subj) = kid(arcs, c, |k| arcs[k].deprel == "nsubj").filter(|&n| v < n && n < c) else { continue };
        if marked_to && !has_obj {
            arcs[subj] = Arc { head: v + 1, deprel: "obj" };
            arcs[c].deprel = "xcomp";
        }
    }
}

/// "eight years after Iraq annexed Kuwait": the parser sometimes reads "after Iraq" as a
/// phrase (the opener a `case` of the noun) and leaves the verb after it without a subject.
/// Such a clause is read as one: when the noun right before a verb without a subject of its
/// own is the object of a subordinator, and does not modify the verb's head, the noun becomes
/// the verb's subject, the subordinator its `mark`, and the verb an `advcl`.
fn mend_clause_openers(words: &[&str], tags: &[PosTag], arcs: &mut [Arc]) {
    for v in 1..arcs.len().min(tags.len()) {
        let n = v - 1;
        let noun = matches!(tags[n].upos, "NOUN" | "PROPN" | "PRON");
        if !noun || tags[v].upos != "VERB" || head(arcs, v) == Some(n) || head(arcs, n) == Some(v) {
            continue;
        }
        let opener =
            |k: usize| arcs[k].deprel == "case" && SUBORDINATORS.iter().any(|s| words[k].eq_ignore_ascii_case(s));
        let Some(opener) = kid(arcs, n, opener).filter(|&k| k < n) else { continue };
        if kid(arcs, v, |k| arcs[k].deprel.starts_with("nsubj")).is_none() {
            arcs[n] = Arc { head: v + 1, deprel: "nsubj" };
            arcs[opener] = Arc { head: v + 1, deprel: "mark" };
            if matches!(arcs[v].deprel, "xcomp" | "ccomp" | "acl" | "nmod" | "obl") {
                arcs[v].deprel = "advcl";
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arcs from (head, relation) pairs with 0-based heads, `None` for the root.
    fn arcs(parse: &[(Option<usize>, &'static str)]) -> Vec<Arc> {
        parse.iter().map(|&(h, deprel)| Arc { head: h.map_or(0, |h| h + 1), deprel }).collect()
    }

    fn got(arcs: &[Arc], k: usize) -> (Option<usize>, &'static str) {
        (head(arcs, k), arcs[k].deprel)
    }

    fn tags(upos: &[&'static str]) -> Vec<PosTag> {
        upos.iter().map(|&upos| PosTag { upos, xpos: "_" }).collect()
    }

    #[test]
    fn an_infinitive_s_subject_after_the_verb_becomes_its_object() {
        // "China urged Washington to stop": Washington the subject of a `ccomp` "stop".
        let words = ["China", "urged", "Washington", "to", "stop"];
        let mut a =
            arcs(&[(Some(1), "nsubj"), (None, "root"), (Some(4), "nsubj"), (Some(4), "mark"), (Some(1), "ccomp")]);
        raise_infinitive_subjects(&words, &mut a);
        assert_eq!((got(&a, 2), a[4].deprel), ((Some(1), "obj"), "xcomp"));
        // A finite clause ("said Washington stopped") and a verb with an object stay as parsed.
        let mut a = arcs(&[(None, "root"), (Some(2), "nsubj"), (Some(0), "ccomp")]);
        raise_infinitive_subjects(&["said", "Washington", "stopped"], &mut a);
        assert_eq!(got(&a, 1), (Some(2), "nsubj"));
        let words = ["told", "us", "Washington", "to", "stop"];
        let mut a =
            arcs(&[(None, "root"), (Some(0), "obj"), (Some(4), "nsubj"), (Some(4), "mark"), (Some(0), "ccomp")]);
        raise_infinitive_subjects(&words, &mut a);
        assert_eq!(got(&a, 2), (Some(4), "nsubj"));
    }

    #[test]
    fn a_clause_read_as_a_phrase_gets_its_subject_back() {
        // "years after Iraq annexed Kuwait" with "after" a `case` of "Iraq", "Iraq" an `nmod`
        // of "years" and "annexed" an `xcomp` without a subject.
        let words = ["flares", "years", "after", "Iraq", "annexed", "Kuwait"];
        let upos = tags(&["VERB", "NOUN", "ADP", "PROPN", "VERB", "PROPN"]);
        let mut a = arcs(&[
            (None, "root"),
            (Some(3), "nmod"),
            (Some(3), "case"),
            (Some(1), "nmod"),
            (Some(0), "xcomp"),
            (Some(4), "obj"),
        ]);
        mend_clause_openers(&words, &upos, &mut a);
        assert_eq!(got(&a, 3), (Some(4), "nsubj"));
        assert_eq!((got(&a, 2), a[4].deprel), ((Some(4), "mark"), "advcl"));
        // A verb with its own subject, and a participle modifying the noun, stay as parsed.
        let mut a = arcs(&[(Some(1), "case"), (Some(3), "obl"), (Some(3), "nsubj"), (None, "root")]);
        mend_clause_openers(&["after", "talks", "Iran", "agreed"], &tags(&["ADP", "NOUN", "PROPN", "VERB"]), &mut a);
        assert_eq!(got(&a, 1), (Some(3), "obl"));
        let mut a = arcs(&[(Some(1), "case"), (Some(3), "obl"), (Some(1), "acl"), (None, "root")]);
        mend_clause_openers(&["after", "years", "spent", "left"], &tags(&["ADP", "NOUN", "VERB", "VERB"]), &mut a);
        assert_eq!(got(&a, 1), (Some(3), "obl"));
    }
}
