//! Lemma candidates for English words: a small irregular table and suffix stripping. The
//! coder asks "could this word be a form of lemma L?", so over-generation is harmless.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Irregular verb and noun forms → lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("held", "hold"),
    ("sent", "send"),
    ("met", "meet"),
    ("said", "say"),
    ("told", "tell"),
    ("began", "begin"),
    ("begun", "begin"),
    ("fought", "fight"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("made", "make"),
    ("led", "lead"),
    ("sought", "seek"),
    ("brought", "bring"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("won", "win"),
    ("lost", "lose"),
    ("left", "leave"),
    ("kept", "keep"),
    ("stood", "stand"),
    ("rose", "rise"),
    ("broke", "break"),
    ("broken", "break"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("fled", "flee"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("bought", "buy"),
    ("sold", "sell"),
    ("caught", "catch"),
    ("beat", "beat"),
    ("beaten", "beat"),
    ("hit", "hit"),
    ("cut", "cut"),
    ("put", "put"),
    ("set", "set"),
    ("shut", "shut"),
    ("bid", "bid"),
    ("hung", "hang"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("wrote", "write"),
    ("written", "write"),
    ("did", "do"),
    ("done", "do"),
    ("went", "go"),
    ("gone", "go"),
    ("had", "have"),
    ("has", "have"),
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("am", "be"),
    ("seized", "seize"),
    ("built", "build"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("became", "become"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("upheld", "uphold"),
    ("overran", "overrun"),
    ("ran", "run"),
    ("wounded", "wound"),
    ("men", "man"),
    ("women", "woman"),
    ("people", "people"),
    ("children", "child"),
    ("dealt", "deal"),
    ("meant", "mean"),
    ("sped", "speed"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("forgone", "forgo"),
    ("mislead", "mislead"),
    ("misled", "mislead"),
    ("hid", "hide"),
    ("laid", "lay"),
    ("paid", "pay"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("ate", "eat"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("fed", "feed"),
    ("felt", "feel"),
    ("found", "find"),
    ("heard", "hear"),
    ("knew", "know"),
    ("known", "know"),
    ("lent", "lend"),
    ("rang", "ring"),
    ("rung", "ring"),
    ("sat", "sit"),
    ("saw", "see"),
    ("seen", "see"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("spent", "spend"),
    ("spread", "spread"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("swept", "sweep"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("underwent", "undergo"),
    ("wore", "wear"),
    ("overtook", "overtake"),
    ("overtaken", "overtake"),
    ("shed", "shed"),
    ("rode", "ride"),
    ("ridden", "ride"),
    ("wrung", "wring"),
    ("slid", "slide"),
    ("hidden", "hide"),
];

/// Most words a thread has looked up recently, with their [`candidates`]; emptied when it
/// holds this many.
const REMEMBERED: usize = 1 << 16;

thread_local! {
    static REMEMBERED_FORMS: RefCell<HashMap<String, Rc<[String]>>> = RefCell::new(HashMap::new());
}

/// [`candidates`] of a lower-case word, each word's computed once per thread: news repeats
/// its words, and the coder looks up every word of every sentence.
pub fn candidates_of(word: &str) -> Rc<[String]> {
    REMEMBERED_FORMS.with_borrow_mut(|known| {
        if let Some(found) = known.get(word) {
            return Rc::clone(found);
        }
        if known.len() >= REMEMBERED {
            known.clear();
        }
        let found: Rc<[String]> = candidates(word).into();
        known.insert(word.to_string(), Rc::clone(&found));
        found
    })
}

/// Candidate lemmas of `word` (lower-cased first): the word itself, its irregular lemma and
/// the stems left by stripping -s, -es, -ies, -ed, -d, -ied, -ing (with a restored "e" and an
/// undoubled final consonant).
pub fn candidates(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    if let Some(&(_, l)) = IRREGULAR.iter().find(|(f, _)| *f == w) {
        out.push(l.to_string());
    }
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(s) = w.strip_suffix("ies") {
        push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ied") {
        push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        push(s.to_string());
    }
    for suffix in ["ed", "ing"] {
        if let Some(s) = w.strip_suffix(suffix) {
            push(s.to_string());
            push(format!("{s}e"));
            let b = s.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                push(s[..s.len() - 1].to_string());
            }
        }
    }
    if let Some(s) = w.strip_suffix('d').filter(|s| s.ends_with('e')) {
        push(s.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert!(candidates("spoke").contains(&"speak".to_string()));
        assert!(candidates("stationed").contains(&"station".to_string()));
        assert!(candidates("accused").contains(&"accuse".to_string()));
        assert!(candidates("launching").contains(&"launch".to_string()));
        assert!(candidates("invading").contains(&"invade".to_string()));
        assert!(candidates("stopped").contains(&"stop".to_string()));
        assert!(candidates("denies").contains(&"deny".to_string()));
        assert!(candidates("troops").contains(&"troop".to_string()));
    }
}
