//! Unit tests of the events stage on sentences written for them (seed-like, not the seed).

use super::Coder;
use crate::Actors;
use dyad_core::{Document, Event, Modality, Published};
use std::sync::OnceLock;

struct Stages {
    models: dyad_syntax::Models,
    actors: Actors,
    coder: Coder,
}

fn stages() -> &'static Stages {
    static S: OnceLock<Stages> = OnceLock::new();
    S.get_or_init(|| Stages {
        models: dyad_syntax::Models::embedded().expect("embedded models"),
        actors: Actors::embedded().expect("embedded lexicon"),
        coder: Coder::embedded().expect("embedded patterns"),
    })
}

/// Runs text → time → (syntax) → actors → events.
fn run(text: &str, date: &str, syntax: bool) -> Document {
    let s = stages();
    let mut doc = Document::new("t", text).expect("short text");
    doc.meta.published = Some(Published::parse(date).expect("date"));
    dyad_text::annotate(&mut doc);
    dyad_time::annotate(&mut doc);
    if syntax {
        s.models.annotate(&mut doc);
    }
    s.actors.annotate(&mut doc);
    s.coder.annotate(&mut doc);
    doc
}

fn find<'a>(doc: &'a Document, code: &str) -> Option<&'a Event> {
    doc.events.iter().find(|e| e.cameo == code)
}

/// Fails, listing what was coded, unless an event's code line starts with `prefix`
/// ("111 POL->BLR asserted": code, source -> target, modality).
fn assert_coded(doc: &Document, prefix: &str) {
    let got = codes(doc);
    assert!(got.iter().any(|c| c.starts_with(prefix)), "no '{prefix}' in {got:?}");
}

fn codes(doc: &Document) -> Vec<String> {
    doc.events
        .iter()
        .map(|e| {
            format!(
                "{} {}->{} {}",
                e.cameo,
                e.source.as_ref().and_then(|p| p.code.as_deref()).unwrap_or("-"),
                e.target.as_ref().and_then(|p| p.code.as_deref()).unwrap_or("-"),
                e.modality.as_str()
            )
        })
        .collect()
}

#[test]
fn embedded_data_loads() {
    let c = Coder::embedded().expect("embedded patterns load");
    assert_eq!(c.cameo_codes(), 311);
    assert!(c.patterns().len() > 150);
}

#[test]
fn bad_pattern_lines_are_reported_with_file_and_line() {
    let err = super::patterns::parse("events/x.tsv", "# c\n041\tv\tspeak\twith=T\n").unwrap_err();
    assert_eq!((err.file, err.line), ("events/x.tsv", 2));
    let err = super::patterns::parse("events/x.tsv", "041\tq\tspeak\twith=T\tA sentence.\n").unwrap_err();
    assert!(err.message.contains("v or n"), "{err}");
    let err = super::patterns::parse("events/x.tsv", "041\tv\tspeak\twith=T\t\n").unwrap_err();
    assert!(err.message.contains("test sentence"), "{err}");
}

/// Every pattern's own test sentence, run through text → time → syntax → actors → events,
/// gives an event with the pattern's code that happened (asserted or reported), between the
/// actors the pattern's last column names when it names them. Failures are listed with what
/// the sentence gave instead.
#[test]
fn every_pattern_codes_its_own_test_sentence() {
    let coder = &stages().coder;
    let mut failed = Vec::new();
    let starts = |code: Option<&str>, prefix: &str| code.is_some_and(|c| c.starts_with(prefix));
    for p in coder.patterns() {
        let doc = run(&p.example, "2023-06-01", true);
        let ok = doc.events.iter().any(|e| {
            e.cameo == p.code
                && e.modality.is_factual()
                && p.expect.as_ref().is_none_or(|(src, tgt)| {
                    let target = e.target.as_ref().and_then(|t| t.code.as_deref());
                    starts(e.source.as_ref().and_then(|t| t.code.as_deref()), src)
                        && match tgt.as_deref() {
                            None => true,
                            Some("-") => e.target.is_none(),
                            Some(t) => starts(target, t),
                        }
                })
        });
        if !ok {
            failed.push(format!("{} {}: '{}' gave {:?}", p.origin, p.code, p.example, codes(&doc)));
        }
    }
    let n = coder.patterns().len();
    for f in &failed {
        eprintln!("  {f}");
    }
    eprintln!("patterns coding their own sentence: {}/{n}", n - failed.len());
    assert!(failed.is_empty(), "{} of {n} patterns miss their own test sentence", failed.len());
}

/// Every CAMEO code has at least one pattern.
#[test]
fn every_cameo_code_has_a_pattern() {
    let coder = &stages().coder;
    let missing = coder.codes_without_pattern();
    assert!(missing.is_empty(), "{} codes without a pattern: {missing:?}", missing.len());
}

#[test]
fn phone_call_with_title_and_attribution() {
    let doc = run(
        "Japanese Foreign Minister Yoshimasa Hayashi spoke with Chinese Foreign Minister Wang Yi by phone on Friday, \
         the Japanese Foreign Ministry said.",
        "2022-01-23",
        true,
    );
    let e = find(&doc, "041").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(e.source.as_ref().and_then(|p| p.code.as_deref()), Some("JPNGOV"));
    assert_eq!(e.target.as_ref().and_then(|p| p.code.as_deref()), Some("CHNGOV"));
    assert_eq!(e.date.as_deref(), Some("2022-01-21"));
    assert_eq!(e.modality, Modality::Asserted);
    let a = e.attribution.as_ref().expect("attributed");
    assert!(doc.slice(a.span).contains("Foreign Ministry"), "{}", doc.slice(a.span));
    assert_eq!(e.plover.as_ref().map(|p| p.kind.as_str()), Some("CONSULT"));
}

#[test]
fn a_speaker_as_source_is_named_by_its_own_mention() {
    // "they" is unresolved, so the speaker sends; the source points at the name (with its
    // entity), not at the whole attributing phrase.
    let doc = run(
        "Margus Tsahkna, the Estonian foreign minister, said on Friday that they would send more artillery \
         shells to Kyiv.",
        "2024-03-02",
        true,
    );
    let e = find(&doc, "072").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    let source = e.source.as_ref().expect("a source");
    assert_eq!(doc.slice(source.span), "Margus Tsahkna");
    assert!(source.entity.is_some());
    let a = e.attribution.as_ref().expect("attributed");
    assert!(doc.slice(a.span).ends_with("said"), "{}", doc.slice(a.span));
}

#[test]
fn a_dateline_is_not_the_subject() {
    // However the parser attaches the dateline ("Tokyo" as subject, the minister in
    // apposition, or the minister as subject), the minister is the source.
    for dateline in ["Tokyo:", "TOKYO \u{2014}"] {
        let doc = run(
            &format!(
                "{dateline} Japanese Foreign Minister Yoshimasa Hayashi met with Chinese Foreign Minister Wang Yi on Friday."
            ),
            "2022-01-23",
            true,
        );
        let e = find(&doc, "036").or_else(|| find(&doc, "040")).unwrap_or_else(|| panic!("{:?}", codes(&doc)));
        assert_eq!(e.source.as_ref().and_then(|p| p.code.as_deref()), Some("JPNGOV"), "{dateline}");
        assert_eq!(e.target.as_ref().and_then(|p| p.code.as_deref()), Some("CHNGOV"), "{dateline}");
    }
}

#[test]
fn speculation_and_denial_are_not_asserted() {
    for text in [
        "Officials fear that Serbia may be weighing a strike against Kosovo.",
        "Beijing denies that it is getting ready to mount an assault on Taiwan.",
        "A Chinese invasion of Taiwan could start within weeks.",
        "Should Russia invade Ukraine, Germany would respond.",
    ] {
        let doc = run(text, "2022-02-13", true);
        for e in &doc.events {
            if matches!(e.root(), "18" | "19" | "20") {
                assert!(!e.modality.is_factual(), "{text}: {:?}", codes(&doc));
            }
        }
    }
    let doc = run("Beijing denies that it is getting ready to mount an assault on Taiwan.", "2022-02-13", true);
    let deny = find(&doc, "016").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(deny.modality, Modality::Asserted);
    assert_eq!(deny.source.as_ref().and_then(|p| p.code.as_deref()), Some("CHNGOV"));
}

#[test]
fn conditional_warning_is_a_threat() {
    let doc =
        run("Blinken said that if Russia invades Ukraine, there would be a massive response.", "2022-02-13", true);
    let threat = find(&doc, "130").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(threat.modality, Modality::Asserted);
    assert_eq!(threat.target.as_ref().and_then(|p| p.code.as_deref()), Some("RUS"));
    let invade = find(&doc, "192").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(invade.modality, Modality::Conditional);
}

#[test]
fn anchored_duration_dates_background_events() {
    let doc = run(
        "The row flares again eight years after Iraq annexed Kuwait, while Baghdad has blamed \
         Riyadh for breaking the truce terms.",
        "1998-08-02",
        true,
    );
    let annex = find(&doc, "192").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(annex.date.as_deref(), Some("1990"));
    assert!(annex.historical);
    let accuse = doc.events.iter().find(|e| e.root() == "11").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert!(!accuse.historical);
}

#[test]
fn symmetric_call_gives_both_directions() {
    let doc = run("Emmanuel Macron and Olaf Scholz held a telephone call on Tuesday.", "2022-06-14", true);
    let pairs: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.cameo == "041")
        .map(|e| (e.source.as_ref().and_then(|p| p.code.clone()), e.target.as_ref().and_then(|p| p.code.clone())))
        .collect();
    assert!(pairs.contains(&(Some("FRAGOV".into()), Some("DEUGOV".into()))), "{pairs:?}");
    assert!(pairs.contains(&(Some("DEUGOV".into()), Some("FRAGOV".into()))), "{pairs:?}");
}

#[test]
fn reportedly_is_reported_and_quantities_attach() {
    let doc =
        run("China has reportedly deployed more than 5,000 soldiers near the frontier with India.", "2022-02-13", true);
    let e = find(&doc, "154").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(e.modality, Modality::Reported);
    assert_eq!(e.quantities.len(), 1);
    assert!(e.place.is_some());
}

#[test]
fn token_window_fallback_without_parse() {
    let doc = run("Russia attacked Ukraine on Monday. Iran did not attack Israel.", "2022-02-13", false);
    let got = codes(&doc);
    assert!(got.contains(&"180 RUS->UKR asserted".to_string()), "{got:?}");
    assert!(got.contains(&"180 IRN->ISR negated".to_string()), "{got:?}");
}

#[test]
fn boilerplate_and_empty_documents_give_no_events() {
    let doc = run("", "2022-02-13", true);
    assert!(doc.events.is_empty());
    let mut doc = Document::new("b", "Russia attacked Ukraine.").expect("short");
    stages().coder.annotate(&mut doc);
    assert!(doc.events.is_empty(), "no sentences, no events");
}

#[test]
fn explain_names_the_pattern_and_the_modality_cue() {
    let doc = run("Russia may attack Ukraine.", "2022-02-13", true);
    let text = stages().coder.explain(&doc);
    assert!(text.contains("candidate 'attack' → 180 (Use unconventional violence"), "{text}");
    assert!(text.contains("modality: hypothetical"), "{text}");
}

fn time_of(e: &Event) -> Option<(&str, &str)> {
    e.time.as_ref().map(|(a, b)| (a.as_str(), b.as_str()))
}

#[test]
fn a_zoned_clock_time_on_the_event_day_is_its_time() {
    let doc = run(
        "On Saturday at 10:30 am ET, Chinese Foreign Minister Wang Yi talked by phone with Sergey Lavrov, \
         Russia's foreign minister.",
        "2022-02-13",
        true,
    );
    let e = find(&doc, "041").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(e.date.as_deref(), Some("2022-02-12"));
    assert_eq!(time_of(e), Some(("2022-02-12T15:30:00Z", "2022-02-12T15:30:00Z")));
}

#[test]
fn a_later_mention_gives_the_call_its_start_and_end() {
    let doc = run(
        "Biden and Putin held a phone call on Saturday. The phone call began at 9:15 am ET and ended at 10:20 am ET.",
        "2022-02-13",
        true,
    );
    let calls: Vec<&Event> = doc.events.iter().filter(|e| e.cameo == "041").collect();
    assert_eq!(calls.len(), 2, "{:?}", codes(&doc));
    for e in calls {
        assert_eq!(e.sentence, 0);
        assert_eq!(time_of(e), Some(("2022-02-12T14:15:00Z", "2022-02-12T15:20:00Z")));
    }
}

#[test]
fn no_time_from_local_clocks_other_days_or_the_publication_time() {
    // a clock time without a zone is no instant
    let doc = run("Russian troops attacked Ukraine at noon.", "2022-02-13", true);
    let e = find(&doc, "180").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!((e.date.as_deref(), e.time.as_ref()), (Some("2022-02-13"), None));
    // the publication time of day is not the hour of the events it reports
    let doc = run("Russian troops attacked Ukraine.", "2022-02-13T09:00:00Z", true);
    let e = find(&doc, "180").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!((e.date.as_deref(), e.time.as_ref()), (Some("2022-02-13"), None));
    // the date of the phrase wins, and a clock time placed on another day is not trusted
    let doc = run("Blinken met Lavrov in Geneva at 10 am ET on Friday.", "2022-02-13", true);
    let e = doc.events.iter().find(|e| e.root() == "04").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(e.date.as_deref(), Some("2022-02-11"));
    if let Some((a, _)) = time_of(e) {
        assert!(a.starts_with("2022-02-11T"), "{a}");
    }
}

fn pair(e: &Event) -> (Option<&str>, Option<&str>) {
    (e.source.as_ref().and_then(|p| p.code.as_deref()), e.target.as_ref().and_then(|p| p.code.as_deref()))
}

#[test]
fn killings_active_and_passive() {
    let doc = run("Two Georgian border guards were killed by Russian soldiers on Monday.", "2022-03-01", true);
    let e = doc.events.iter().find(|e| e.root() == "19").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    let (src, tgt) = pair(e);
    assert!(src.is_some_and(|c| c.starts_with("RUS")), "{:?}", codes(&doc));
    assert!(tgt.is_some_and(|c| c.starts_with("GEO")), "{:?}", codes(&doc));
    assert!(e.modality.is_factual());

    let doc =
        run("Five Ukrainian soldiers were killed in a Russian missile strike near Kramatorsk.", "2022-03-01", true);
    let e = find(&doc, "195").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    let (src, tgt) = pair(e);
    assert!(
        src.is_some_and(|c| c.starts_with("RUS")) && tgt.is_some_and(|c| c.starts_with("UKR")),
        "{:?}",
        codes(&doc)
    );

    let doc = run("Russian troops killed four civilians in Kharkiv on Tuesday.", "2022-03-01", true);
    let e = doc.events.iter().find(|e| e.root() == "19").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert!(pair(e).1.is_some_and(|c| c.starts_with("UKR")), "{:?}", codes(&doc));

    let doc = run("Two Turkish soldiers were shot dead by Syrian gunmen near the border.", "2022-03-01", true);
    let e = doc.events.iter().find(|e| e.root() == "19").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    let (src, tgt) = pair(e);
    assert!(
        src.is_some_and(|c| c.starts_with("SYR")) && tgt.is_some_and(|c| c.starts_with("TUR")),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn deaths_without_a_killer_are_no_events() {
    // victims counted by their own side, with no one named as killing them
    for text in [
        "Twelve Russian soldiers were killed on Sunday, the Russian defence ministry said.",
        "Three Ukrainian civilians were killed in Kharkiv overnight.",
    ] {
        let doc = run(text, "2022-03-01", true);
        assert!(doc.events.iter().all(|e| !matches!(e.root(), "18" | "19" | "20")), "{text}: {:?}", codes(&doc));
    }
    let doc = run("Serbia did not kill Kosovar protesters, the Serbian government said.", "2022-03-01", true);
    assert!(doc.events.iter().filter(|e| e.root() == "19").all(|e| !e.modality.is_factual()), "{:?}", codes(&doc));
}

/// Source and target are arguments of the trigger: never a word of another clause, a noun's
/// neighbour, or the possessor of a relational noun ("Kyiv's allies").
#[test]
fn parties_are_arguments_of_the_trigger() {
    let d = run("Officials fear that the attack will come before the summit in Beijing.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| e.cameo.get(..2) != Some("18")), "{:?}", codes(&d));
    let d = run("Ukrainian nationalists rejected the plan, and a Russian invasion followed.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| !e.cameo.starts_with("12")), "{:?}", codes(&d));
    let d = run("The Kremlin accused Kyiv's allies of arming Ukraine.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| pair(e) != (Some("RUSGOV"), Some("UKRGOV"))), "{:?}", codes(&d));
    // "launched its operation": the "its" owning the object is the agent's own, no target
    let d = run("Russian troops advanced after the Kremlin launched its military operation.", "2022-02-24", true);
    let its = |e: &Event| e.target.as_ref().is_some_and(|t| d.slice(t.span) == "its");
    assert!(!d.events.iter().any(its), "{:?}", codes(&d));
    let d = run("Russia launched its offensive against Ukraine on Thursday.", "2022-02-24", true);
    assert!(d.events.iter().any(|e| e.cameo == "190" && pair(e) == (Some("RUS"), Some("UKR"))), "{:?}", codes(&d));
    // a parsed subject without an actor is not replaced by a word further left
    let d = run("The minister said that nothing would protect the hospital in Kharkiv.", "2023-05-10", true);
    assert!(find(&d, "074").is_none(), "{:?}", codes(&d));
    // coordinated subjects parsed as two, and verbs sharing the last one's object
    let d = run("Germany, France, and Poland met on Monday.", "2023-05-10", true);
    assert_eq!(d.events.iter().filter(|e| e.cameo == "040").count(), 6, "{:?}", codes(&d));
    let d = run("Polish troops repelled the attack and killed or captured 200 Russian soldiers.", "2023-05-10", true);
    assert!(
        d.events.iter().any(|e| e.cameo == "190" && pair(e) == (Some("POLMIL"), Some("RUSMIL"))),
        "{:?}",
        codes(&d)
    );
}

/// Word senses that are no event: "so-called", naming ("call X a Y"), phrasal verbs the
/// pattern does not name ("call out"), military defence of territory, flying over a place.
#[test]
fn senses_that_are_no_events() {
    for t in [
        "Moscow backs the so-called people's republics in Donbas.",
        "Journalists should not call Russia's invasion of Ukraine a conflict.",
        "Biden called out Moscow for its influence in Africa.",
    ] {
        let d = run(t, "2023-05-10", true);
        assert!(find(&d, "041").is_none() && find(&d, "020").is_none(), "{t}: {:?}", codes(&d));
    }
    for t in ["Belarus will defend its border with Ukraine.", "Belarus will defend Russia against aggression."] {
        let d = run(t, "2023-05-10", true);
        assert!(find(&d, "052").is_none(), "{t}: {:?}", codes(&d));
    }
    let d = run("China defended Russia at the United Nations.", "2023-05-10", true);
    assert!(find(&d, "052").is_some(), "{:?}", codes(&d));
    let d = run("Russian drones flew over Moldovan airspace.", "2023-05-10", true);
    assert!(find(&d, "042").is_none(), "{:?}", codes(&d));
    let d = run("Blinken flew to Kyiv on Monday.", "2023-05-10", true);
    assert_eq!(find(&d, "042").map(pair), Some((Some("USAGOV"), Some("UKR"))), "{:?}", codes(&d));
}

/// Negation and other governing cues stay with their own verb: "not only" negates nothing, a
/// possessed event noun ("Russia's aggression") takes no modality from the verb above it, and
/// "unable to" negates.
#[test]
fn negation_stays_with_its_verb() {
    let d = run("Germany will not only support Ukraine but also train its soldiers.", "2023-05-10", true);
    assert_eq!(find(&d, "070").map(|e| e.modality), Some(Modality::Future), "{:?}", codes(&d));
    let d = run("China did not condemn Russia's aggression against Ukraine.", "2023-05-10", true);
    assert_eq!(find(&d, "111").map(|e| e.modality), Some(Modality::Negated), "{:?}", codes(&d));
    assert!(
        d.events.iter().all(|e| !(e.cameo.starts_with("19") && e.modality == Modality::Negated)),
        "{:?}",
        codes(&d)
    );
    let d = run("Unable to occupy the country, Russia bombed its cities.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| !(e.cameo == "192" && e.modality.is_factual())), "{:?}", codes(&d));
    // what the event is not, not that it did not happen
    let d = run("The Turkish occupation of northern Syria is not a border dispute.", "2023-05-10", true);
    assert_coded(&d, "192 TUR->SYR asserted");
}

/// Place: the locative phrase of the event, from its preposition, with the country of the
/// place named at its head; a name inside another noun ("in case of an invasion of X") is none.
#[test]
fn place_is_the_locative_phrase_of_the_event() {
    let d = run("Russia held military exercises in Belarus.", "2023-05-10", true);
    let pl = find(&d, "150").and_then(|e| e.place.as_ref()).expect("a place");
    assert_eq!((d.slice(pl.span), pl.country.as_deref()), ("in Belarus", Some("BLR")));
    let d = run("NATO will defend Poland in the case of a Russian invasion of Lithuania.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| e.place.is_none()), "{:?}", d.events.iter().map(|e| &e.place).collect::<Vec<_>>());
}

/// A governing word's modality stays off a fact: "went on to" is what was done next, not a
/// purpose, and a gerund with its own subject ("agreed with X launching") is no plan.
#[test]
fn governing_modality_does_not_leak_onto_facts() {
    let d = run("Germany went on to commend Estonia for its help.", "2023-05-10", true);
    assert_eq!(find(&d, "051").map(|e| e.modality), Some(Modality::Asserted), "{:?}", codes(&d));
    let d = run("China agreed with Russia launching the attack on Ukraine.", "2023-05-10", true);
    let e = find(&d, "190").expect("the launch");
    assert_eq!((pair(e), e.modality), ((Some("RUS"), Some("UKR")), Modality::Asserted), "{:?}", codes(&d));
    // an infinitive of intention still is one
    let d = run("China agreed to attack Taiwan.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| !e.modality.is_factual()), "{:?}", codes(&d));
}

/// "called on X to V": X is the one who is to act, the call is an appeal to X.
#[test]
fn the_one_called_on_controls_the_infinitive() {
    let d = run("The UN called on Russia to withdraw its troops from Ukraine.", "2023-05-10", true);
    assert_eq!(find(&d, "020").map(pair), Some((Some("IGOUNO"), Some("RUS"))), "{:?}", codes(&d));
    let e = find(&d, "0874").expect("the withdrawal");
    assert_eq!(pair(e).0, Some("RUS"), "{:?}", codes(&d));
    assert!(!e.modality.is_factual(), "{:?}", codes(&d));
    // "prevent X from V-ing": X would act, and does not
    let d = run("The sanctions aim to prevent Russia from attacking Moldova.", "2023-05-10", true);
    let e = find(&d, "180").expect("the attack");
    assert_eq!((pair(e).0, e.modality), (Some("RUS"), Modality::Negated), "{:?}", codes(&d));
}

/// Nouns that are no event of their own: a consequence that is a cause ("the costs ... hit
/// voters"), and a foiled attempt, whose aim did not happen and whose foiler is no agent of it.
#[test]
fn costs_and_foiled_attempts_are_no_events() {
    let d = run(
        "Analysts said that when the costs of the war hit voters, support for Germany will weaken if Russia invades.",
        "2023-05-10",
        true,
    );
    assert!(find(&d, "130").is_none(), "{:?}", codes(&d));
    let d = run("Britain warned that if Russia invades Ukraine, the costs would be severe.", "2023-05-10", true);
    assert_eq!(find(&d, "130").map(pair), Some((Some("GBR"), Some("RUS"))), "{:?}", codes(&d));
    let d = run("Ukrainian police foiled an attempt to kill the mayor of Kyiv.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| !e.cameo.starts_with("18") && !e.cameo.starts_with("19")), "{:?}", codes(&d));
    let d = run("Ukraine thwarted a Russian attempt to assassinate Zelensky.", "2023-05-10", true);
    assert!(d.events.iter().all(|e| pair(e).0 != Some("UKR") && !e.modality.is_factual()), "{:?}", codes(&d));
    let d = run("Russia made another attempt to reach a deal with Ukraine.", "2023-05-10", true);
    assert_eq!(
        find(&d, "057").map(|e| (pair(e).0, e.modality)),
        Some((Some("RUS"), Modality::Intended)),
        "{:?}",
        codes(&d)
    );
}

/// CAMEO 016 is the denial of a claim ("denied the reports", "denied that ..."), not
/// withholding something from someone ("denied Kyiv the missiles").
#[test]
fn deny_codes_016_only_for_a_claim() {
    for t in [
        "Russia denied reports that it attacked a hospital in Mariupol.",
        "Moscow denies that it plans to attack Ukraine.",
    ] {
        let d = run(t, "2023-05-10", true);
        assert!(find(&d, "016").is_some(), "{t}: {:?}", codes(&d));
    }
    for t in [
        "The US is denying Kyiv long-range missiles.",
        "Ukrainian forces denied Russia a quick victory.",
        "Belarus denied the logic of the sanctions.",
    ] {
        let d = run(t, "2023-05-10", true);
        assert!(find(&d, "016").is_none(), "{t}: {:?}", codes(&d));
    }
}

/// A speech act joined to a reported that-clause ("said that X were V-ing ... and urged Y")
/// is the speaker's, also when the parser hangs it under the reported verb, and is not
/// given the source of the reported verb before it.
#[test]
fn a_speech_act_after_a_reported_clause_is_the_speakers() {
    for (text, speaker) in [
        (
            "Lithuanian President Gitanas Nauseda said on Tuesday that Belarusian troops were moving toward \
             the border and urged European governments to impose new sanctions on Minsk.",
            "LTU",
        ),
        (
            "Finnish President Alexander Stubb said on Monday that Russian units were massing near the frontier \
             and called on European leaders to tighten sanctions on Moscow.",
            "FIN",
        ),
        (
            "The Polish foreign minister said that Russian bombers were flying over the Baltic Sea and urged \
             Germany to send more fighter jets.",
            "POL",
        ),
    ] {
        let doc = run(text, "2024-03-05", true);
        let e = doc.events.iter().find(|e| e.root() == "02").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
        assert!(pair(e).0.is_some_and(|c| c.starts_with(speaker)), "{text}: {:?}", codes(&doc));
    }
}

/// News names people by their titles: each name with its titles is parsed as one word, so
/// both the meeting's actors are found (without it the parser made "Chilean" the root).
#[test]
fn titled_names_on_both_sides_of_the_verb() {
    for (text, src, tgt) in [
        ("Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Santiago.", "CHLGOV", "ARGGOV"),
        ("Boric and Argentine president Alberto Fernandez are expected to meet on Monday.", "CHLGOV", "ARGGOV"),
    ] {
        let doc = run(text, "2022-08-01", true);
        let got = codes(&doc);
        assert!(
            doc.events.iter().any(|e| e.cameo.starts_with("04")
                && e.source.as_ref().and_then(|p| p.code.as_deref()) == Some(src)
                && e.target.as_ref().and_then(|p| p.code.as_deref()) == Some(tgt)),
            "{text}: {got:?}"
        );
    }
}

/// "held talks with X": the partner is found whether the parser hangs "with X" on the noun
/// or on the verb that governs it.
#[test]
fn talks_partner_on_the_governing_verb() {
    let doc = run(
        "The Chilean president pledged more aid after holding talks with Argentine President Alberto Fernandez in Santiago.",
        "2022-08-01",
        true,
    );
    let e = find(&doc, "046").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert_eq!(e.target.as_ref().and_then(|p| p.code.as_deref()), Some("ARGGOV"), "{:?}", codes(&doc));
}

#[test]
fn groups_without_a_country_word_are_parties_where_they_are() {
    let doc = run("Police arrested 30 protesters in Athens.", "2024-03-01", true);
    let arrest = find(&doc, "173").expect("an arrest");
    assert_eq!(arrest.source.as_ref().and_then(|p| p.code.as_deref()), Some("GRCCOP"));
    assert_eq!(arrest.target.as_ref().and_then(|p| p.code.as_deref()), Some("GRCOPP"));
    // "civilian" modifying a noun names no civilians.
    let doc = run("Officials restricted exports of civilian drones in Kyiv.", "2024-03-01", true);
    assert!(doc.entities.iter().all(|e| e.label != dyad_core::EntityLabel::Group), "{:?}", doc.entities);
}

#[test]
fn a_place_after_in_is_no_source_even_before_the_verb() {
    let doc = run("Russian airstrikes near Kharkiv kill 11 civilians.", "2022-07-25", true);
    let kill = find(&doc, "190").expect("a killing");
    assert_eq!(kill.source.as_ref().and_then(|p| p.code.as_deref()), Some("RUS"));
}

#[test]
fn the_outlet_that_reports_an_attack_is_not_its_victim() {
    // However the tagger reads the closing "reports" (a verb, or a noun joined to the victims),
    // the outlet is the attribution, never a target.
    for closing in ["Radio Dabanga reports.", "Radio Dabanga reported.", "according to Radio Dabanga."] {
        let doc = run(
            &format!("Sudanese troops attacked a market in Darfur on Monday, killing four traders, {closing}"),
            "2023-05-02",
            true,
        );
        assert!(!doc.events.is_empty(), "{closing}: no event");
        for e in &doc.events {
            assert_ne!(
                e.target.as_ref().and_then(|p| p.code.as_deref()),
                Some("SDNMED"),
                "{closing}: {:?}",
                codes(&doc)
            );
        }
        let attributed =
            doc.events.iter().filter_map(|e| e.attribution.as_ref()).any(|a| doc.slice(a.span).contains("Dabanga"));
        assert!(attributed, "{closing}: {:?}", doc.events.iter().map(|e| &e.attribution).collect::<Vec<_>>());
    }
}

#[test]
fn the_platform_a_statement_was_posted_on_is_no_party() {
    let doc = run(
        "\u{201c}A powerful cyberattack occurred against our website,\u{201d} the grid operator says on messaging app \
         Telegram, adding it \u{201c}was attacked from Russian territory\u{201d}.",
        "2023-05-02",
        true,
    );
    for e in &doc.events {
        let parties = [&e.source, &e.target].map(|p| p.as_ref().and_then(|p| p.code.clone()));
        assert!(!parties.contains(&Some("AREBUS".to_string())), "{:?}", codes(&doc));
    }
    // A platform that acts or is acted on stays a party.
    let doc = run("Russian authorities fined Telegram over banned content.", "2023-05-02", true);
    assert!(
        doc.entities.iter().any(|e| e.actor.as_deref() == Some("AREBUS")),
        "{:?}",
        doc.entities.iter().map(|e| (doc.slice(e.span), e.actor.clone())).collect::<Vec<_>>()
    );
}

#[test]
fn an_accident_names_no_killer() {
    let doc =
        run("Forty passengers were killed by the Malaysia Airlines plane crash near Kuala Lumpur.", "2023-05-02", true);
    assert!(doc.events.iter().all(|e| !e.cameo.starts_with("19")), "{:?}", codes(&doc));
    // An attack does name one.
    let doc = run("Five Russian soldiers were killed by a Ukrainian drone strike.", "2023-05-02", true);
    assert_coded(&doc, "190 UKR->RUSMIL");
}

#[test]
fn a_country_s_police_arrest_its_civilians_when_the_arrested_are_unknown() {
    // A name no dictionary knows, arrested by a country's police: that country's civilians.
    let doc = run("Indian police arrested Meena Patil on Monday.", "2024-03-05", true);
    assert_eq!(codes(&doc), ["173 INDCOP->INDCVL asserted"]);
    // A group that is no country's body gives no country to the arrested.
    let doc = run("Hamas detained Ivan Petrov.", "2024-03-05", true);
    assert!(find(&doc, "173").is_none(), "{:?}", codes(&doc));
}

#[test]
fn an_attack_names_its_attacker_never_the_place_it_hit() {
    // The attack's modifier is who acted ...
    let doc = run("Three civilians were killed in a Russian missile strike on Kharkiv.", "2024-03-05", true);
    assert_coded(&doc, "195 RUS->");
    // ... the place it happened in is not.
    let doc = run("Five people were killed in a suicide attack in Kabul on Monday.", "2024-03-05", true);
    assert!(!codes(&doc).iter().any(|c| c.contains("AFG->")), "{:?}", codes(&doc));
}

#[test]
fn police_firing_at_nobody_named_is_repression_and_troops_firing_is_nothing() {
    let doc = run("Indian police fired ten rounds in the air on Monday.", "2024-03-05", true);
    assert_eq!(codes(&doc), ["175 INDCOP->- asserted"]);
    let doc = run("Indian police opened fire in the air on Monday.", "2024-03-05", true);
    assert_eq!(codes(&doc), ["175 INDCOP->- asserted"]);
    let doc = run("Indian troops fired ten rounds in the air on Monday.", "2024-03-05", true);
    assert!(codes(&doc).is_empty(), "{:?}", codes(&doc));
}

#[test]
fn a_speaker_is_no_source_for_a_third_party_s_action() {
    // "the front had organised protests": the noun's light verb has a subject of its own, so
    // the minister who said it did not protest.
    let doc =
        run("Indian Home Minister Amit Shah said that the front had organised protests in Delhi.", "2024-03-05", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("141 IND")), "{:?}", codes(&doc));
    // The speaker still acts in the first person, and as the light verb's subject.
    let doc = run("Germany announced military aid for Ukraine.", "2024-03-05", true);
    assert_coded(&doc, "072 DEU");
}

#[test]
fn what_was_done_instead_of_an_event_leaves_it_undone() {
    let doc = run("Instead of cracking down on the mob, the police stood by as onlookers.", "2024-03-05", true);
    assert!(codes(&doc).iter().all(|c| !c.ends_with("asserted")), "{:?}", codes(&doc));
    let doc = run("The police cracked down on the mob.", "2024-03-05", true);
    assert!(codes(&doc).iter().any(|c| c.ends_with("asserted")), "{:?}", codes(&doc));
}

#[test]
fn an_adjective_before_its_noun_is_no_trigger() {
    for text in [
        "Xi expressed deep concern over the prolonged armed conflict in Ukraine.",
        "Macron declared his readiness to send armed forces to Ukraine.",
    ] {
        let doc = run(text, "2023-03-01", true);
        assert!(codes(&doc).iter().all(|c| !c.starts_with("072")), "{text}: {:?}", codes(&doc));
    }
    let doc = run("Russia armed the separatists in Donbas.", "2023-03-01", true);
    assert_coded(&doc, "072 RUS->");
}

#[test]
fn whom_help_is_against_is_not_whom_it_is_for() {
    for text in [
        "Ukraine will support the introduction of sanctions against Russia.",
        "Germany will help them defend against Russia.",
    ] {
        let doc = run(text, "2023-03-01", true);
        assert!(codes(&doc).iter().all(|c| !c.contains("->RUS")), "{text}: {:?}", codes(&doc));
    }
    let doc = run("Germany supported Ukraine against Russia.", "2023-03-01", true);
    assert_coded(&doc, "070 DEU->UKR");
    // Whom a hostile act is done to is not helped by supporting it; who does it is.
    let doc = run("Belarus supports the invasion of Ukraine.", "2023-03-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("070 BLR->UKR")), "{:?}", codes(&doc));
    let doc = run("Belarus supported Russia's war against Ukraine.", "2023-03-01", true);
    assert_coded(&doc, "070 BLR->RUS");
}

#[test]
fn an_appositive_names_the_actor_before_whom_the_head_belongs_to() {
    // (a made-up mismatch: the possessive points back to Zelensky, the name is Lavrov's)
    let doc = run(
        "Zelensky spoke on Sunday. His foreign minister, Sergei Lavrov, has accused the US of fighting a proxy war.",
        "2022-04-29",
        true,
    );
    assert_coded(&doc, "112 RUSGOV->USA");
}

#[test]
fn calling_someone_something_is_no_call() {
    for text in [
        "Biden called Putin a killer.",
        "Xi praised Putin and called him a dear friend.",
        "Foreign minister Dmytro Kuleba called the strikes a heinous act of barbarism.",
    ] {
        let doc = run(text, "2022-10-10", true);
        assert!(
            codes(&doc).iter().all(|c| !c.starts_with("041") && !c.starts_with("143")),
            "{text}: {:?}",
            codes(&doc)
        );
    }
    let doc = run("Scholz called Zelensky on Sunday.", "2022-10-10", true);
    assert_coded(&doc, "041 DEUGOV->UKRGOV");
}

#[test]
fn seizing_an_opportunity_seizes_nothing() {
    for text in [
        "Like any fighter in a ring, Putin is seizing the opportunity to double down.",
        "I think this is an opportunity that Putin is seizing.",
    ] {
        let doc = run(text, "2022-10-10", true);
        assert!(codes(&doc).iter().all(|c| !c.starts_with("171")), "{text}: {:?}", codes(&doc));
    }
    let doc = run("Ukraine seized Russian assets.", "2022-10-10", true);
    assert_coded(&doc, "171 UKR->RUS");
}

#[test]
fn a_government_is_no_partner_of_its_own_country() {
    // The misread target is the government's own country; the source is another's.
    let doc = run("Macron told Zelensky that he was determined to help Ukraine to victory.", "2023-03-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("070 UKRGOV->UKR")), "{:?}", codes(&doc));
    // Within one country, force and yielding are events.
    let doc = run("Iraqi troops withdrew from Mosul on Sunday.", "2023-03-01", true);
    assert_coded(&doc, "0874 IRQMIL->IRQ");
}

#[test]
fn aid_from_someone_comes_from_them() {
    let doc = run("Russia won with the help of military backing from North Korea.", "2024-01-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("070 RUS->PRK")), "{:?}", codes(&doc));
    let doc = run("Kenya demanded cooperation from Somalia.", "2024-01-01", true);
    assert_coded(&doc, "101 KEN->SOM");
}

#[test]
fn a_warning_comes_from_the_warner_to_whoever_is_to_bear_it() {
    let doc = run(
        "On Sunday, a representative of the White House warned that Beijing would bear the consequences if it helped Russia.",
        "2022-03-14",
        true,
    );
    assert_coded(&doc, "130 USAGOV->CHNGOV");
    let doc =
        run("Biden warned that if Russia invades Ukraine, it would face severe consequences.", "2022-03-14", true);
    assert_coded(&doc, "130 USAGOV->RUS");
}

#[test]
fn a_verb_before_the_speech_verb_is_no_part_of_the_saying() {
    // The attribution runs from the speaker to "said" or "saying" and holds the first verb.
    let doc = run(
        "Norway on Monday accused Sweden of spreading false claims, but said it still wanted good relations.",
        "2024-01-01",
        true,
    );
    assert_coded(&doc, "112 NOR->SWE asserted");
    let doc = run("Poland condemned Belarus, saying the incident was a provocation.", "2024-01-01", true);
    assert_coded(&doc, "111 POL->BLR asserted");
}

#[test]
fn every_speaker_named_together_acts() {
    let doc = run("Peru and Chile said they would expel the Bolivian envoy.", "2024-01-01", true);
    let found = codes(&doc);
    for source in ["PER", "CHL"] {
        assert!(found.iter().any(|c| c.starts_with(&format!("166 {source}->BOL"))), "{source}: {found:?}");
    }
}

#[test]
fn a_government_does_not_sanction_its_own_country() {
    let doc = run(
        "The Australian government announced bans on travel to Australia against officials of the Russian navy.",
        "2024-01-01",
        true,
    );
    let found = codes(&doc);
    assert!(found.iter().all(|c| !c.starts_with("163 AUSGOV->AUS")), "{found:?}");
    assert!(found.iter().any(|c| c.starts_with("163 AUSGOV->RUS")), "{found:?}");
}

#[test]
fn the_one_asked_to_act_acts() {
    // The parser gives "asked" an indirect object; the one asked still does the sending.
    let doc = run("Poland asked Germany to send tanks to Ukraine.", "2024-01-01", true);
    assert_coded(&doc, "072 DEU->UKR");
}

#[test]
fn a_condemnation_of_a_hostile_act_is_aimed_at_its_doer() {
    let doc = run("The United Nations condemned the shelling of Kharkiv by Russian forces.", "2022-03-01", true);
    assert_coded(&doc, "111 IGOUNO->RUSMIL");
    let doc = run("Germany condemned the war unleashed by Moscow against its neighbour.", "2022-03-01", true);
    assert_coded(&doc, "111 DEU->RUS");
    // whom the act is done to is not condemned
    let doc = run("Poland condemned the attack on Kyiv.", "2022-03-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("111 POL->UKR")), "{:?}", codes(&doc));
    // "by" hung on the verb names the invader, not the condemner
    let doc = run("India declined to condemn the invasion of Ukraine by Russia.", "2022-03-01", true);
    assert_coded(&doc, "192 RUS->UKR");
    assert!(codes(&doc).iter().all(|c| !c.starts_with("192 IND")), "{:?}", codes(&doc));
}

#[test]
fn a_verb_without_a_source_passes_none_to_the_next() {
    let doc = run(
        "Russia launched its war a year ago, prompting Western countries to send arms and aid to the authorities in Kyiv.",
        "2023-02-01",
        true,
    );
    assert!(codes(&doc).iter().all(|c| !c.starts_with("070 RUS")), "{:?}", codes(&doc));
}

#[test]
fn forces_around_a_country_are_not_its_own() {
    let doc = run("Moscow continued a buildup of Russian forces and armour around Ukraine.", "2022-02-03", true);
    let found = codes(&doc);
    assert!(found.iter().any(|c| c.starts_with("154 RUS")), "{found:?}");
    assert!(found.iter().all(|c| !c.starts_with("154 UKR")), "{found:?}");
}

#[test]
fn so_called_calls_nobody() {
    let doc = run(
        "Besides, the planned annexation of the provinces of Kherson and Luhansk, after the sham so-called votes \
         organised by the Russian Federation in the autumn, is a further escalation of the war against Ukraine.",
        "2023-01-26",
        true,
    );
    assert!(codes(&doc).iter().all(|c| !c.starts_with("041") && !c.starts_with("02")), "{:?}", codes(&doc));
}

#[test]
fn a_finite_verb_after_and_shares_no_negation() {
    let doc = run("Iran said it would not stay silent and threatened to expel the French envoy.", "2024-01-01", true);
    assert!(codes(&doc).iter().all(|c| !c.ends_with("negated")), "{:?}", codes(&doc));
    let doc = run("Russia will not invade and occupy Ukraine.", "2022-02-12", true);
    assert_coded(&doc, "192 RUS->UKR negated");
}

#[test]
fn what_someone_needs_to_do_is_not_done() {
    let doc = run("Russian soldiers need to stop fighting and withdraw from Ukraine.", "2022-03-01", true);
    assert_coded(&doc, "0874 RUSMIL->UKR hypothetical");
}

#[test]
fn provoked_into_acting_is_done_by_the_provoked() {
    // the result of a provocation is the provoked one's act, and an accusation only claims it
    let doc = run(
        "Russia's foreign ministry has accused the US of provoking Ukraine into shelling Russian land.",
        "2022-04-26",
        true,
    );
    assert_coded(&doc, "194 UKR->RUS reported");
}

#[test]
fn children_are_civilians() {
    let doc = run("Russian forces killed four children in Kharkiv.", "2022-06-01", true);
    assert_coded(&doc, "190 RUSMIL->UKRCVL");
}

#[test]
fn the_subject_of_a_passive_does_not_act_in_the_next_verb() {
    let doc = run(
        "Three children and a teacher were killed in Israeli tank shelling near the border of Lebanon.",
        "2022-06-01",
        true,
    );
    assert!(codes(&doc).iter().all(|c| !c.contains("CVL->")), "{:?}", codes(&doc));
    // a pronoun the window resolves may still be the subject of a passive before it
    let doc = run("Iran is accused of arming the rebels, which it denies.", "2022-06-01", true);
    assert_coded(&doc, "016 IRN");
}

#[test]
fn an_infinitive_below_dates_before_another_clause() {
    let doc = run(
        "After Moscow helped him crush the protests after the elections in 2020, the Belarusian leader sided with \
         Putin, helping Russia to start the invasion of Ukraine in February 2022.",
        "2023-03-01",
        true,
    );
    let aid = find(&doc, "070").expect("the help is coded");
    assert_eq!(aid.date.as_deref(), Some("2022-02"), "{:?}", codes(&doc));
}

#[test]
fn what_a_time_adjunct_says_happened_did_happen() {
    let doc = run(
        "Olaf Scholz promised to stand by Ukraine for as long as it takes after holding talks with President \
         Volodymyr Zelensky in Lviv.",
        "2023-07-19",
        true,
    );
    assert_coded(&doc, "046 DEUGOV->UKRGOV asserted");
}

#[test]
fn the_alliance_and_the_bloc_are_the_bodies_named_before() {
    let doc = run("NATO leaders met in Brussels. The alliance condemned Russia.", "2022-02-16", true);
    assert_coded(&doc, "111 IGOWSTNAT->RUS");
    let doc = run("The EU agreed new sanctions. The bloc also criticized Hungary.", "2022-02-16", true);
    assert_coded(&doc, "110 IGOEUREEC->HUN");
}

#[test]
fn a_participle_after_a_determiner_attributes_nothing() {
    // "its reported role": "reported" modifies the noun; nobody reported anything
    let doc = run(
        "Poland condemned the arrests, and the Belarusian army and its reported role in the raids.",
        "2022-08-23",
        true,
    );
    let condemn = find(&doc, "111").expect("the condemnation is coded");
    assert!(condemn.attribution.is_none(), "{:?}", condemn.attribution);
}

#[test]
fn striking_and_hitting_need_an_armed_doer_and_a_target() {
    // an attack: an actor or an armed force strikes a place or a force
    let doc = run("Azerbaijani artillery hit Armenian positions near Jermuk.", "2022-09-13", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("190 AZE") && c.contains("->ARM")), "{:?}", codes(&doc));
    let doc = run("Russian missiles struck a power plant in Lviv.", "2022-03-25", true);
    assert_coded(&doc, "195 RUS->UKR");
    // other senses: a deal struck, sanctions or weather that hit, sanctions a country is hit with
    for text in [
        "Chile struck a deal with Peru on fishing rights.",
        "The new sanctions hit Iran hard.",
        "A cyclone hit Bangladesh on Monday.",
        "Britain presented a list of measures hitting Iranian banks.",
    ] {
        let doc = run(text, "2022-06-01", true);
        assert!(codes(&doc).iter().all(|c| !c.starts_with("19")), "{text}: {:?}", codes(&doc));
    }
    // a capital that is shelled is the place, not the government ("Yerevan denies" is that)
    let doc = run("Yerevan was shelled by Azerbaijani forces.", "2022-09-13", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("194 AZE") && c.contains("->ARM ")), "{:?}", codes(&doc));
    // "target": a named place or a military one, not whatever a government targets
    let doc = run("Azerbaijan has been targeting Armenian ports.", "2022-06-01", true);
    assert_coded(&doc, "190 AZE->ARM");
    let doc = run("Canada targeted Iranian banks and officials.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("19")), "{:?}", codes(&doc));
    let doc = run("Canada hit Iran with new sanctions.", "2022-06-01", true);
    assert_coded(&doc, "163 CAN->IRN");
}

#[test]
fn what_a_right_or_a_decision_allows_is_done_by_its_holder_and_only_aimed_at() {
    let doc = run("Baku protested against Yerevan's right to strike Azerbaijani territory.", "2022-06-01", true);
    let strike = find(&doc, "190").expect("the strike is coded");
    let source = strike.source.as_ref().and_then(|a| a.code.as_deref());
    assert!(source.is_some_and(|c| c.starts_with("ARM")), "{:?}", codes(&doc));
    assert!(!strike.modality.is_factual(), "{:?}", codes(&doc));
    // the one who took the decision or has no plans acts, not the noun
    let doc = run("The Kenyan president said he had no plans to meet the Ugandan leader.", "2022-06-01", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("04") && c.contains("KENGOV->UGA")), "{:?}", codes(&doc));
}

#[test]
fn the_accused_help_and_what_an_operation_aims_at_is_intended() {
    // a participle on a noun is a passive: the accused do the helping, as reported
    let doc = run(
        "Washington unveiled sanctions against companies accused of helping Iran build drones.",
        "2022-06-01",
        true,
    );
    assert!(codes(&doc).iter().all(|c| !c.starts_with("070 USA")), "{:?}", codes(&doc));
    let doc = run("Three firms in Armenia were accused of helping Russia buy drones.", "2022-06-01", true);
    assert_coded(&doc, "070 ARM->RUS reported");
    // what an operation aims at has not happened
    let doc = run(
        "Georgian police disrupted a Russian operation aimed at infiltrating the palace guard and kidnapping the \
         Georgian president.",
        "2022-06-01",
        true,
    );
    let kidnap = find(&doc, "181").expect("the kidnapping is coded");
    assert!(!kidnap.modality.is_factual(), "{:?}", codes(&doc));
}

#[test]
fn a_country_that_demonstrates_shows_something() {
    let doc = run("Japan must demonstrate, with deeds, that it learned from history.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("14")), "{:?}", codes(&doc));
    let doc = run("Thousands of Georgians demonstrated in Tbilisi.", "2022-06-01", true);
    assert_coded(&doc, "141 GEO");
}

#[test]
fn an_actor_in_a_phrase_before_a_comma_does_not_act_after_it() {
    // the partners provide, not the target of their sanctions
    let doc = run(
        "We thank the partners who imposed sanctions against Iran, sent Armenia humanitarian aid and took in refugees.",
        "2022-06-01",
        true,
    );
    assert!(codes(&doc).iter().all(|c| !c.starts_with("07") || !c.contains("IRN->")), "{:?}", codes(&doc));
}

#[test]
fn what_is_not_ruled_out_may_be() {
    let doc = run("Poland did not rule out sending warplanes to Ukraine.", "2022-06-01", true);
    let aid = find(&doc, "072").expect("the warplanes are coded");
    assert_eq!(aid.modality, Modality::Hypothetical, "{:?}", codes(&doc));
    // stepping up is no stepping down
    let doc = run("The European Union agreed to step up its support for Moldova.", "2022-06-01", true);
    assert!(find(&doc, "0341").is_none(), "{:?}", codes(&doc));
}

#[test]
fn a_participle_with_an_agent_after_a_comma_is_a_passive_of_the_noun_before() {
    let doc = run("He worked with separatists in Abkhazia, occupied by Russia.", "2022-06-01", true);
    assert_coded(&doc, "192 RUS->GEO");
}

#[test]
fn who_made_a_weapon_is_no_party_to_its_delivery() {
    let doc = run("Poland plans to supply a US-made air defence system.", "2024-04-01", true);
    assert!(codes(&doc).iter().all(|c| !c.contains("->USA")), "{:?}", codes(&doc));
}

#[test]
fn an_arrest_with_nobody_named_is_the_police_s() {
    // the police of the place, when the sentence names it
    let doc = run("Ten opposition activists were detained in Baku on Sunday.", "2022-06-01", true);
    assert_coded(&doc, "173 AZECOP->AZE");
    // no police invented for jailing, for an arrest by someone named, nor for a condition
    let doc = run("Ten opposition activists were jailed in Baku on Sunday.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.contains("COP")), "{:?}", codes(&doc));
    let doc = run("Ten activists were detained by Azerbaijani soldiers in Baku.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.contains("COP")), "{:?}", codes(&doc));
    let doc = run("Had the activists been detained in Baku, the protest would have ended.", "2022-06-01", true);
    assert!(doc.events.iter().all(|e| !e.modality.is_factual()), "{:?}", codes(&doc));
}

#[test]
fn arrests_reach_people_counted_and_coordinated() {
    // a count is people; "and were arrested" shares its passive subject
    let doc = run(
        "About 30 pilgrims were stopped on Tuesday trying to enter the town and were arrested.",
        "2022-06-01",
        true,
    );
    assert_coded(&doc, "173 ---COP->---CVL");
    let doc = run("About 40 traders have been booked under the gambling act.", "2022-06-01", true);
    assert_coded(&doc, "173 ---COP");
}

#[test]
fn a_speaker_the_dictionaries_do_not_know_is_not_the_next_actor() {
    // the officials said it; the people counted after the verb did not
    let doc = run("Police officials said nearly 200 Uzbek workers attacked a Tajik border post.", "2022-06-01", true);
    let attack = find(&doc, "180").expect("the attack is coded");
    assert!(attack.source.as_ref().and_then(|a| a.code.as_deref()).is_some_and(|c| c.starts_with("UZB")));
    assert!(attack.attribution.as_ref().is_none_or(|a| a.code.as_deref().is_none_or(|c| !c.starts_with("UZB"))));
}

#[test]
fn police_firing_names_who_killed() {
    // "police" before an act names its doer, and the preposition may hang on it
    let doc = run("Officials say that 40 persons have been killed in police firing.", "2002-03-05", true);
    assert_coded(&doc, "190 ---COP");
}

#[test]
fn tear_gas_with_nobody_named_is_the_police_s() {
    let doc = run("Teargas shells were fired at the protesters in Tbilisi.", "2022-06-01", true);
    // (the police of the place the protesters were in)
    assert_coded(&doc, "175 GEOCOP->GEOOPP");
}

#[test]
fn a_refusal_to_act_is_its_holder_s_and_negated() {
    let doc = run("The refusal of Serbia to impose sanctions on Russia angered Brussels.", "2022-06-01", true);
    let sanctions = find(&doc, "163").expect("the sanctions are coded");
    assert_eq!(sanctions.modality, Modality::Negated, "{:?}", codes(&doc));
    assert_coded(&doc, "163 SRB->RUS");
}

#[test]
fn what_is_discussed_is_no_partner() {
    let doc = run("The Georgian president discussed Russian aggression at the summit in Brussels.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("04") || !c.contains("->RUS")), "{:?}", codes(&doc));
}

#[test]
fn who_prevents_or_condemns_an_attack_did_not_make_it() {
    let doc = run("The new sanctions should help prevent future attacks on Armenia by Azerbaijan.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("18") || c.starts_with("180 AZE")), "{:?}", codes(&doc));
    let doc = run("The European Union will help prevent further attacks on Israel.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.starts_with("180 IGOEUREEC")), "{:?}", codes(&doc));
    // the one who launches it does
    let doc = run("Azerbaijan launched an attack on Armenia.", "2022-06-01", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("19") && c.contains("AZE->ARM")), "{:?}", codes(&doc));
}

#[test]
fn a_hyphenated_whole_and_a_verb_after_had_to() {
    // "lathi-charge" is no charge in court
    let doc = run("The riot police had to lathi-charge the protesters in Patna.", "2002-03-05", true);
    assert_coded(&doc, "175 INDCOP");
    assert!(find(&doc, "173").is_none(), "{:?}", codes(&doc));
    // "had to fire" tagged as "to" and a noun still fires
    let doc = run("police in Patna had to fire 12 rounds.", "2002-03-05", true);
    assert_coded(&doc, "175 INDCOP");
}

#[test]
fn what_the_police_were_able_to_do_they_did() {
    let doc = run("The police in Nairobi were able to arrest 39 looters.", "2022-06-01", true);
    let arrest = find(&doc, "173").expect("the arrest is coded");
    assert_eq!(arrest.modality, Modality::Asserted, "{:?}", codes(&doc));
    let doc = run("Kenyan police placed two Ugandan traders under arrest.", "2022-06-01", true);
    assert_coded(&doc, "173 KEN");
}

#[test]
fn missiles_slam_into_things_and_a_quoted_name_is_no_call() {
    let doc = run("Seconds later Russian missiles slammed into it in the Ukrainian city.", "2024-04-22", true);
    assert!(find(&doc, "110").is_none(), "{:?}", codes(&doc));
    let doc = run(
        "Analysts doubt the campaign that Baku calls a “counter-terrorist operation” to disarm Armenian militias.",
        "2022-06-01",
        true,
    );
    assert!(find(&doc, "041").is_none(), "{:?}", codes(&doc));
}

#[test]
fn a_negation_with_a_typographic_apostrophe_negates() {
    let doc = run("Baku doesn’t deny the reports.", "2022-06-01", true);
    let denial = find(&doc, "016").expect("the denial is coded");
    assert_eq!(denial.modality, Modality::Negated, "{:?}", codes(&doc));
}

#[test]
fn those_together_with_whom_one_acts_are_no_party() {
    let doc = run("Armenian troops are ready to fight together with the Russians in Syunik.", "2022-06-01", true);
    assert!(codes(&doc).iter().all(|c| !c.contains("->RUS")), "{:?}", codes(&doc));
}

#[test]
fn an_event_of_a_past_decade_has_no_day_and_is_historical() {
    let doc = run("Three decades ago, Armenia occupied seven districts of Azerbaijan.", "2023-03-17", true);
    let occupation = find(&doc, "192").expect("the occupation is coded");
    assert_eq!(occupation.date, None, "{:?}", codes(&doc));
    assert!(occupation.historical);
    // a decade not yet over is no past one: the publication date stays
    let doc = run("In the 2020s Armenia occupied a village in Azerbaijan.", "2023-03-17", true);
    let occupation = find(&doc, "192").expect("the occupation is coded");
    assert_eq!(occupation.date.as_deref(), Some("2023-03-17"));
    // so is a past era, when it is the time of the sentence, not a comparison
    let doc = run("During the Second World War, Germany occupied Norway.", "2023-03-17", true);
    let occupation = find(&doc, "192").expect("the occupation is coded");
    assert_eq!(occupation.date, None, "{:?}", codes(&doc));
    assert!(occupation.historical);
    let doc =
        run("Russia struck Kyiv in the heaviest bombing of a European capital since World War II.", "2023-03-17", true);
    let strike = find(&doc, "190").expect("the strike is coded");
    assert_eq!(strike.date.as_deref(), Some("2023-03-17"));
}

#[test]
fn thanking_is_praise_but_thanks_to_is_a_preposition() {
    let doc = run("The Georgian president thanked Lithuania for its help on Monday.", "2023-05-09", true);
    assert_coded(&doc, "051 GEOGOV->LTU asserted");
    let doc = run("Moldova, thanks to the loans of Romania, paid its gas bills.", "2023-05-09", true);
    assert!(find(&doc, "051").is_none(), "{:?}", codes(&doc));
    let doc = run("Moldova, thanks to the loans of Romania, paid its gas bills.", "2023-05-09", false);
    assert!(find(&doc, "051").is_none(), "{:?}", codes(&doc));
}

#[test]
fn a_call_is_made_to_someone() {
    // With and without a parse: the object names an actor; a name given ("what X called the
    // risk of war") is no call.
    for syntax in [true, false] {
        let doc = run("Scholz called Erdogan on Sunday.", "2023-05-09", syntax);
        assert_coded(&doc, "041 DEUGOV->TURGOV");
    }
    let doc = run("Britain wants to stop what Rishi Sunak called the threat to Poland.", "2023-05-09", true);
    assert!(find(&doc, "041").is_none(), "{:?}", codes(&doc));
}

#[test]
fn a_finite_clause_beside_the_speech_is_not_the_speakers() {
    // The parser misses the subject of "is evacuating"; whoever it is, the Foreign Office,
    // which announced something else, is not.
    let doc = run(
        "The Foreign Office even announced a likely date of a Russian offensive, while experienced Estonia, \
         along with a dozen other nations, is urgently evacuating staff from the country.",
        "2023-05-09",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("161 GBR")), "{:?}", codes(&doc));
    // a participle without its own clause is the speaker's
    let doc = run("Britain announced new aid while visiting Kyiv on Monday.", "2023-05-09", true);
    assert_coded(&doc, "042 GBR->UKR");
}

#[test]
fn a_company_leaving_a_country_does_not_retreat() {
    let doc = run("Renault pulled out of Russia in May.", "2022-06-01", true);
    assert!(find(&doc, "0874").is_none(), "{:?}", codes(&doc));
    let doc = run("Russia pulled out of Kherson in November.", "2022-12-01", true);
    assert_coded(&doc, "0874 RUS");
}

#[test]
fn an_attack_in_words_is_criticism() {
    for text in [
        "For months the Serbian president has been mocking and attacking Croatia.",
        "Orban attacked the policy of the European Commission.",
        "Erdogan attacked Sweden over the burning of the Koran.",
    ] {
        let doc = run(text, "2023-05-09", true);
        assert_coded(&doc, "111");
        assert!(find(&doc, "180").is_none(), "{text}: {:?}", codes(&doc));
    }
    for text in ["Serbian forces attacked Croatian positions.", "Hamas attacked Israel over the weekend."] {
        assert_coded(&run(text, "2023-05-09", true), "180");
    }
}

#[test]
fn for_someone_to_act_is_their_act() {
    // "called for Russia to withdraw": Russia withdraws; the call is no phone call
    let doc = run("Germany called for Russia to withdraw its troops from Moldova.", "2023-05-09", true);
    assert_coded(&doc, "0874 RUS->MDA hypothetical");
    assert!(find(&doc, "041").is_none(), "{:?}", codes(&doc));
}

#[test]
fn defiance_is_of_a_rule_or_an_actor() {
    let doc = run("It defies logic to think that Moldova would attack Russia.", "2023-05-09", true);
    assert!(find(&doc, "128").is_none(), "{:?}", codes(&doc));
    // an object among conjuncts counts: the ban is defied, whatever comes first
    let doc = run("Georgian protesters defied the snow and a police ban on Sunday.", "2023-05-09", true);
    assert_coded(&doc, "128 GEO");
}

#[test]
fn a_record_of_doing_is_no_event() {
    let doc = run("Serbia sent Hungary mortars, which have a record of killing civilians.", "2023-07-08", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("19")), "{:?}", codes(&doc));
}

#[test]
fn further_aid_announced_is_given() {
    let doc =
        run("Japan on Friday announced a further $50 million in humanitarian aid to Moldova.", "2023-06-17", true);
    assert_coded(&doc, "073 JPN->MDA asserted");
}

#[test]
fn no_target_inside_the_sources_phrase() {
    let doc = run(
        "Vladimir Putin met the Russian government on Monday. The two separatist regions are not recognised by \
         any government, including Russia.",
        "2022-02-19",
        true,
    );
    assert!(find(&doc, "054").is_none(), "{:?}", codes(&doc));
}

#[test]
fn whom_the_police_kill_and_who_fired() {
    // the police shot them: the killer is the one who fired in the "when" clause
    let doc = run("Three people were killed when the police fired at a crowd in Lucknow.", "2002-03-01", true);
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
    // whom police kill, with no place named, are their country's civilians
    let doc = run("The police fired at the crowd, killing two and injuring five.", "2002-03-01", true);
    assert!(
        doc.events.iter().any(|e| doc.slice(e.trigger) == "killing"
            && e.target.as_ref().is_some_and(|t| t.code.as_deref() == Some("---CVL"))),
        "{:?}",
        codes(&doc)
    );
}

#[test]
fn people_held_and_detained_by_unnamed_police() {
    // "held" people are detained; "held to account" is no detention
    let doc = run("Forty people were held in Mombasa on Tuesday.", "2023-05-09", true);
    assert_coded(&doc, "173 KENCOP->KENCVL asserted");
    let doc = run("The generals of Serbia should be held to account.", "2023-05-09", true);
    assert!(find(&doc, "173").is_none(), "{:?}", codes(&doc));
    // an unresolved "they" detained are people
    let doc = run("They were detained on Monday and later released.", "2023-05-09", true);
    assert_coded(&doc, "173 ---COP->---CVL");
    // what the detained had tried does not make the detention an intention
    let doc = run("Twenty men who tried to sneak into Mombasa were arrested on Sunday.", "2023-05-09", true);
    assert_coded(&doc, "173 ---COP->---CVL asserted");
    // nor does a noun of the detained's phrase ("rumour")
    let doc = run("About a dozen rumour mongers were nabbed in Mombasa last night.", "2023-05-09", true);
    assert!(find(&doc, "173").is_some_and(|e| e.modality == Modality::Asserted), "{:?}", codes(&doc));
}

#[test]
fn days_to_act_are_not_the_act() {
    let doc = run("A Kenyan court gave the police 20 days to arrest the Ugandan banker.", "2023-05-09", true);
    assert!(find(&doc, "173").is_some_and(|e| e.modality == Modality::Intended), "{:?}", codes(&doc));
}

#[test]
fn arrests_made_are_the_polices() {
    let doc = run("More than 300 arrests have been made in Mombasa since Monday.", "2023-05-09", true);
    assert_coded(&doc, "173 KENCOP");
    let doc = run("Kenyan police made forty arrests in Mombasa.", "2023-05-09", true);
    assert_coded(&doc, "173 KENCOP");
    let doc = run("Kenyan police said his arrest was made possible by a phone call.", "2023-05-09", true);
    assert!(find(&doc, "173").is_none(), "{:?}", codes(&doc));
}

#[test]
fn police_firing_is_the_polices() {
    // "firing" right after the police, as the parser may hang it ("police" with a participle)
    let doc = run("Six people were injured in police firing in Surat.", "2002-03-01", true);
    assert_coded(&doc, "175 INDCOP");
}

#[test]
fn a_gerund_after_its_subject_adverbs_aside() {
    let doc = run("Finland prepared for Russia possibly attacking Estonia.", "2023-05-09", true);
    assert_coded(&doc, "180 RUS->EST");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("180 FIN")), "{:?}", codes(&doc));
}

#[test]
fn who_comes_after_that_is_no_speaker() {
    let doc = run("Asked about it, he said that Lithuania would send more aid to Ukraine.", "2023-05-09", true);
    let e = find(&doc, "070").unwrap_or_else(|| panic!("{:?}", codes(&doc)));
    assert!(e.attribution.as_ref().is_none_or(|a| a.code.as_deref() != Some("LTU")), "{:?}", e.attribution);
}

#[test]
fn warned_against_doing_and_stopping_doing() {
    // the one warned against acting is the one who would act
    let doc = run("Russia warned Israel against providing arms to Ukraine.", "2023-02-16", true);
    assert_coded(&doc, "072 ISR->UKR hypothetical");
    // what is stopped no longer happens; a stop negated goes on
    let doc = run("Germany stopped supporting Ukraine.", "2023-02-16", true);
    assert_coded(&doc, "070 DEU->UKR negated");
    let doc = run("Germany will not stop supporting Ukraine.", "2023-02-16", true);
    assert_coded(&doc, "070 DEU->UKR future");
    let doc = run("Belarus must stop supporting Russia, Poland said.", "2023-02-16", true);
    assert_coded(&doc, "070 BLR->RUS asserted");
}

#[test]
fn a_conjunct_has_its_own_voice() {
    let doc = run(
        "Lukashenko was reckless enough to attack Ukraine and was condemned by the European Parliament.",
        "2024-05-04",
        true,
    );
    assert_coded(&doc, "111 IGOEUREEC");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("111 BLR")), "{:?}", codes(&doc));
}

#[test]
fn an_attack_launched_is_not_against_its_own_side() {
    let doc = run("Aliyev launched an Azerbaijani offensive on Monday.", "2023-04-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 AZEGOV->AZE")), "{:?}", codes(&doc));
    // the side of an attack repelled is the target
    let doc = run("Armenian forces repelled an Azerbaijani attack near Jermuk.", "2023-04-01", true);
    assert_coded(&doc, "190 ARMMIL->AZE");
}

#[test]
fn whom_one_condemns_for_doing_did_it() {
    let doc = run("Lithuania condemned Belarus for helping Russia.", "2024-04-13", true);
    assert_coded(&doc, "111 LTU->BLR");
    assert_coded(&doc, "070 BLR->RUS");
}

#[test]
fn who_is_told_is_no_speaker() {
    let doc = run("We will fly with Polish pilots, he told CNN on Monday.", "2022-02-12", true);
    assert!(
        doc.events.iter().all(|e| e.attribution.as_ref().is_none_or(|a| a.code.as_deref() != Some("USAMED"))),
        "{:?}",
        codes(&doc)
    );
    assert!(!codes(&doc).iter().any(|c| c.contains("USAMED->")), "{:?}", codes(&doc));
}

#[test]
fn the_outlet_that_reports_did_not_say_it() {
    let doc = run("They did not want to comment on the report, according to AFP.", "2022-02-12", true);
    assert!(!codes(&doc).iter().any(|c| c.contains("FRAMED->")), "{:?}", codes(&doc));
}

#[test]
fn a_government_s_troops_and_rebels_fight_at_home() {
    let doc = run("Government troops shelled rebel positions near Homs in Syria.", "2020-01-01", true);
    assert_coded(&doc, "194 SYRMIL->SYR asserted");
    // rebels named in their own phrase are that name's
    let doc = run("Houthi rebel fighters captured the Yemeni port of Hodeidah on Sunday.", "2020-01-01", true);
    assert_coded(&doc, "192 YEMREBHOU->");
    // fighting between two sides is theirs, not that of whoever speaks of it
    let doc = run(
        "Egypt praised the ceasefire in Darfur, where fighting between rebels and government troops has displaced thousands.",
        "2020-01-01",
        true,
    );
    assert_coded(&doc, "190 SDNREB->SDNMIL");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 QAT")), "{:?}", codes(&doc));
}

#[test]
fn a_would_that_reports_a_will_is_future() {
    let doc = run("Chad said it would free 40 Sudanese prisoners.", "2020-01-01", true);
    assert_coded(&doc, "0841 TCD->SDN future");
    // a guess is no announcement; a condition stays one
    let doc = run("Officials believed Chad would free 40 Sudanese prisoners.", "2020-01-01", true);
    assert_coded(&doc, "0841 TCD->SDN hypothetical");
    let doc = run("Chad said it would free 40 Sudanese prisoners if Sudan agreed.", "2020-01-01", true);
    assert_coded(&doc, "0841 TCD->SDN conditional");
}

#[test]
fn expelled_people_are_deported() {
    let doc = run("Kenya expelled two Ugandan journalists.", "2020-01-01", true);
    assert_coded(&doc, "174 KEN->UGA");
    let doc = run("Poland expelled Russian diplomats.", "2020-01-01", true);
    assert_coded(&doc, "166 POL->RUS");
}

#[test]
fn coordinated_demonyms_both_own_the_group() {
    let doc = run("Russian and Belarusian troops held drills near the border.", "2022-02-10", true);
    assert_coded(&doc, "150 RUSMIL");
    assert_coded(&doc, "150 BLRMIL");
}

#[test]
fn asking_someone_to_act_is_an_appeal_and_pressure_to_act_is_no_act() {
    let doc = run("Kenya faces pressure from the African Union to send troops to Haiti.", "2023-07-01", true);
    assert_coded(&doc, "154 KEN->HTI hypothetical");
    // a journalist's question is no appeal; a request is made of its object alone
    let doc = run("Asked about the talks with Serbia, the Kosovar president said nothing.", "2023-07-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("020")), "{:?}", codes(&doc));
    let doc = run("The IMF asked private lenders to lend more money to Ghana.", "2023-07-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("020 IGOIMF->GHA")), "{:?}", codes(&doc));
}

#[test]
fn the_noun_a_participle_modifies_is_its_patient() {
    let doc =
        run("The toll in Rajkot rose to nine, including the two people killed in police firing.", "2002-03-05", true);
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 INDCVL")), "{:?}", codes(&doc));
}

#[test]
fn firing_by_the_police_is_theirs_and_what_they_resort_to_is_done() {
    let doc = run("Two villagers were killed in firing by the police.", "2002-03-05", true);
    assert_coded(&doc, "190 ---COP->---CVL asserted");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 ---CVL")), "{:?}", codes(&doc));
    let doc = run("Police in Rajkot resorted to firing to disperse the crowd.", "2002-03-05", true);
    assert_coded(&doc, "175 INDCOP->- asserted");
    // an adjective's "to" with a gerund is still no deed: "open to meeting"
    let doc = run("Kenya said it remains open to meeting the Ugandan president.", "2002-03-05", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("040") && c.ends_with("asserted")), "{:?}", codes(&doc));
}

#[test]
fn arrests_of_people_counted_roughly_picked_up_or_taken_into_custody() {
    // "about" read as a preposition; the place of the arrest is no one arrested
    let doc = run("Police arrested about 40 students near the university in Dhaka.", "2002-03-05", true);
    assert_coded(&doc, "173 BGDCOP->BGDCVL asserted");
    // a subject hung on a misread "have"
    let doc = run("Officers said nearly 300 men have so far been rounded up in Punjab.", "2002-03-05", true);
    assert_coded(&doc, "173 PAKCOP->PAKCVL asserted");
    let doc = run("Four traders were picked up in Surat.", "2002-03-05", true);
    assert_coded(&doc, "173 INDCOP->INDCVL asserted");
    let doc = run("Twelve people were taken into custody in Ahmedabad.", "2002-03-05", true);
    assert_coded(&doc, "173 INDCOP->INDCVL asserted");
}

#[test]
fn whoever_is_arrested_is_a_person_unless_a_thing_held_and_none_means_none() {
    let doc = run("Police in Surat detained a schoolteacher and a tailor.", "2002-03-05", true);
    assert_coded(&doc, "173 INDCOP->INDCVL asserted");
    let doc = run("Police in Surat acted quickly to detain a shopkeeper.", "2002-03-05", true);
    assert_coded(&doc, "173 INDCOP->INDCVL asserted");
    let doc = run("Talks were held with community leaders in Surat on Monday.", "2002-03-05", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("173")), "{:?}", codes(&doc));
    let doc = run("Not a single member of the gang has been detained in Surat yet.", "2002-03-05", true);
    assert_coded(&doc, "173 INDCOP->INDCRM negated");
}

#[test]
fn those_the_police_disperse_or_beat_are_people_and_their_tear_gas_is_not() {
    let doc = run("Police had to lathi-charge angry students on Friday.", "2002-03-05", true);
    assert_coded(&doc, "175 ---COP->---CVL");
    let doc = run("Police in Surat used water cannons on Friday.", "2002-03-05", true);
    assert!(!codes(&doc).iter().any(|c| c.contains("->INDCVL")), "{:?}", codes(&doc));
}

#[test]
fn whom_an_appeal_is_made_to_would_act_and_no_country_fights_its_own_forces() {
    // the infinitive read as a purpose still has the one urged for its subject
    let doc = run("Lithuania urged the European Union to impose new sanctions on Belarus.", "2022-07-25", true);
    assert_coded(&doc, "163 IGOEUREEC->BLR hypothetical");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("163 LTU")), "{:?}", codes(&doc));
    let doc =
        run("Georgia fears a possible Russian invasion as Russian troops mass near its border.", "2022-07-25", true);
    assert!(!codes(&doc).iter().any(|c| c.contains("RUS->RUSMIL")), "{:?}", codes(&doc));
}

#[test]
fn a_relative_pronoun_after_a_name_stands_for_that_name() {
    let doc =
        run("Ties between Serbia and Hungary, which has refused to sanction Russia, are close.", "2023-03-02", true);
    assert_coded(&doc, "120 HUN->RUS");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("120 SRB")), "{:?}", codes(&doc));
}

#[test]
fn one_invites_actors_not_retaliation() {
    let doc = run(
        "A step Kenyan officials believed would raise costs and invite harsher Somali retaliation.",
        "2024-03-02",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("036")), "{:?}", codes(&doc));
    let doc = run("Poland has invited Florida Governor Ron DeSantis to Warsaw.", "2024-03-02", true);
    assert_coded(&doc, "036 POL->USAGOV");
}

#[test]
fn a_participle_after_being_is_a_passive_whatever_its_tag() {
    // the refugees are expelled, not expelling
    let doc = run("She spoke of refugees who are being expelled and deported.", "2023-03-02", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("166 ---REF")), "{:?}", codes(&doc));
}

#[test]
fn a_participle_s_doer_is_its_noun_not_the_speaker() {
    let doc = run(
        "Despite most of the region siding with Kenya, the Ugandan president insisted that the dispute was minor.",
        "2022-06-14",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("05 UGAGOV")), "{:?}", codes(&doc));
}

#[test]
fn pulling_the_plug_is_no_retreat() {
    let doc = run("Kenya may pull the plug on its support for Somalia, officials warned.", "2024-04-22", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("0874")), "{:?}", codes(&doc));
}

#[test]
fn the_first_half_of_a_hyphenated_modifier_is_no_act() {
    let doc = run(
        "The council, on which France and Britain sit as permanent, veto-wielding members, met.",
        "2022-01-22",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("129")), "{:?}", codes(&doc));
}

#[test]
fn a_passive_whose_subject_the_parser_lost_still_has_its_by_phrase_for_doer() {
    let doc = run(
        "The activists jailed for protesting against Minsk were released yesterday by Lukashenko himself.",
        "2016-01-01",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("084 BLR->")), "{:?}", codes(&doc));
}

#[test]
fn a_demand_coordinated_into_a_bare_reported_clause_is_the_speaker_s() {
    let doc = run("Minsk said Warsaw was massing troops and demanded an explanation from Poland.", "2022-01-26", true);
    assert_coded(&doc, "100 BLRGOV->POL");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("100 POLGOV")), "{:?}", codes(&doc));
}

#[test]
fn supporting_a_deed_against_someone_supports_nobody() {
    let doc = run("Estonia is urging Japan to support designating Russia a sponsor of terrorism.", "2024-04-01", true);
    assert_coded(&doc, "020 EST->JPN");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("070 JPN->RUS")), "{:?}", codes(&doc));
}

#[test]
fn what_is_to_happen_in_case_of_something_is_conditional() {
    let doc = run("Japan announced tough sanctions on Russia in the event of an invasion.", "2022-02-13", true);
    assert_coded(&doc, "163 JPN->RUS conditional");
    // considering is done now, whatever it considers
    let doc = run("Japan considered sanctions on Russia in case of an invasion.", "2022-02-13", true);
    assert_coded(&doc, "014 JPN->RUS asserted");
}

#[test]
fn a_speech_verb_speaks_only_for_the_clauses_in_its_line() {
    // "think" is the complement of "meant": it speaks for nothing of the "when" clause
    let doc = run(
        "When I met President Macron in Paris, his main worry was that a truce meant that Polish voters would think the crisis over.",
        "2022-05-29",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.contains("POL->FRA")), "{:?}", codes(&doc));
    // a speech verb hung loosely on a neighbour still speaks for the neighbour's clauses
    let doc = run(
        "Pope Francis prayed at the memorial, saying he grieved for the victims, and offered his condolences to Ukraine.",
        "2022-05-29",
        true,
    );
    assert_coded(&doc, "018 VAT");
}

#[test]
fn a_participle_tagged_as_an_adjective_after_be_is_a_passive() {
    // "tortured" is tagged as an adjective here: the prisoners were tortured, nobody by the
    // speaker
    let doc = run(
        "Most prisoners said they were tortured and in some cases starved during their detention by Russian guards, a Ukrainian official said.",
        "2023-06-27",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("1822 UKR")), "{:?}", codes(&doc));
    // a state of mind governs what follows: "prepared to meet" is no passive of "prepare"
    let doc = run("Erdogan said on Sunday that he was now prepared to meet Assad.", "2022-11-27", true);
    assert_coded(&doc, "040 TURGOV->SYRGOV");
}

#[test]
fn a_participle_describing_a_noun_states_a_fact_whatever_governs_the_noun() {
    // the demand is for a release; the detention happened
    let doc =
        run("Lithuania demanded the release of the fishermen detained by Russian border guards.", "2023-01-01", true);
    let detained = find(&doc, "173").expect("the detention is coded");
    assert_eq!(detained.modality, Modality::Asserted, "{:?}", codes(&doc));
    // what one is obliged to do is not done yet
    let doc = run("Poland is obliged to arrest Lukashenko.", "2023-01-01", true);
    assert_coded(&doc, "173 POL->BLRGOV hypothetical");
}

#[test]
fn a_pattern_wanting_an_object_is_not_met_by_an_adverb() {
    // "returning home": no one returns anything to anyone
    let doc = run(
        "Kazakh officials said hundreds of Russian conscripts were returning home from Georgia.",
        "2022-10-01",
        true,
    );
    assert!(find(&doc, "084").is_none(), "{:?}", codes(&doc));
}

#[test]
fn a_but_before_the_trigger_keeps_the_clause_before_out_and_the_opposite_did_not_happen() {
    let doc = run(
        "Kishida said that there are “useful ideas” in Beijing’s peace plan but accused China of doing the opposite of helping Ukraine.",
        "2023-03-01",
        true,
    );
    assert_coded(&doc, "112 JPNGOV->CHN asserted");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("070 CHN->UKR asserted")), "{:?}", codes(&doc));
}

#[test]
fn committing_a_crime_governs_nothing_reluctance_negates_openness_may_come() {
    // "committed a crime, violated ...": a deed in a list, not a commitment to one
    let doc = run(
        "Last year Russia committed a grave crime, violated the sovereignty of Georgia and shelled its villages.",
        "2023-06-01",
        true,
    );
    assert_coded(&doc, "128 RUS->GEO asserted");
    let doc = run("Britain accused India of reluctance to condemn Russia.", "2023-06-01", true);
    assert_coded(&doc, "111 IND->RUS negated");
    let doc = run("The Moldovan president said she was still open to talks with Moscow.", "2023-06-01", true);
    assert_coded(&doc, "046 MDAGOV->RUS hypothetical");
    // supporting a seizure of Russian assets is no aid to Russia
    let doc =
        run("The resolution says the Senate supports the seizure of Russian central bank assets.", "2023-06-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("070 USALEG->RUS")), "{:?}", codes(&doc));
}

#[test]
fn an_impersonal_it_leaves_the_doer_unsaid() {
    // neither the speaker, nor the window's officials, nor a country "that it" could stand for
    let doc = run("Biden said that it is possible to strike Russian forces within days.", "2023-06-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 USA")), "{:?}", codes(&doc));
    let doc = run(
        "Estonia has warned Moscow many times. Officials in Tallinn know that it is futile to fight against NATO.",
        "2023-06-01",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("190 EST")), "{:?}", codes(&doc));
}

#[test]
fn people_killed_or_dead_in_police_firing_however_the_parser_hangs_the_firing() {
    // "two killed": a headline passive, its "were" left out, with "police firing" misread
    // as its object
    let doc = run("In Nadiad a temple was looted, and two killed in police firing.", "2002-03-05", true);
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
    // "three men killed in police firing": the participle describes its victims
    let doc = run(
        "During the riot in Vadodara two shops were burnt down and three men killed in police firing.",
        "2002-03-05",
        true,
    );
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
    // "five others died": a counted subject of dying is its victim
    let doc = run("Five others died in police firing in Kheda district.", "2002-03-05", true);
    assert_coded(&doc, "190 ---COP->---CVL asserted");
    // "police bullets" are the police's, as "police firing" is
    let doc = run("Two men were killed by police bullets.", "2002-03-05", true);
    assert_coded(&doc, "190 ---COP->---CVL asserted");
    // the phrase lost by the parse, read from the words right after the verb
    let doc = run("Out of these, 12 died in police firing, while the rest were killed in riots.", "2002-03-05", true);
    assert_coded(&doc, "190 ---COP->---CVL asserted");
}

#[test]
fn the_remanded_are_held_by_the_police_whose_custody_names_no_one_held() {
    let doc = run("Kiran was remanded to police custody until Friday.", "2002-03-05", true);
    assert_coded(&doc, "173 ---COP->---CVL asserted");
    let doc = run("The two teachers were remanded in police custody for a week.", "2002-03-05", true);
    assert_coded(&doc, "173 ---COP->---CVL asserted");
}

#[test]
fn a_time_adjunct_holds_no_target() {
    // "since Russia's invasion" says when, not from whom the aid came
    let doc = run("The aid Moldova has received since Russia's invasion of Ukraine has doubled.", "2023-06-01", true);
    assert!(!codes(&doc).iter().any(|c| c.contains("->RUS")), "{:?}", codes(&doc));
}

#[test]
fn an_unresolved_he_who_speaks_is_nobody_the_dictionaries_know() {
    // "he" is not Poland, the actor a few words before him
    let doc = run(
        "In Polish public opinion, appeals appeared to strip him of Polish citizenship after he said he supported Moscow.",
        "2023-04-04",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("070 POL") || c.starts_with("020 POL")), "{:?}", codes(&doc));
}

#[test]
fn a_participle_of_agents_has_them_for_doers() {
    // the troops arrive, not Latvia
    let doc = run(
        "Latvia continues to see worrying signs, including new troops arriving at the Belarusian border.",
        "2022-02-10",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("042 LVA")), "{:?}", codes(&doc));
    // named in the agents' own phrase, they act
    let doc = run("Mali expelled a large French force fighting jihadist rebels.", "2022-02-10", true);
    assert_coded(&doc, "190 FRA->---REB");
}

#[test]
fn a_time_adjunct_of_a_clause_still_to_come_is_to_come() {
    // the journalist is not freed yet
    let doc = run(
        "Vilnius will keep its border with Belarus closed until Minsk frees the Lithuanian journalist.",
        "2024-04-23",
        true,
    );
    let freed = find(&doc, "0841").expect("the release is coded");
    assert_eq!(freed.modality, Modality::Future, "{:?}", codes(&doc));
}

#[test]
fn a_spaced_dash_before_the_trigger_ends_the_clause_before() {
    // the "not" is in the quoted words, not on the regret
    let doc = run(
        "It seems that we talk, but they do not listen - Lukashenko regretted during the Friday meeting with Putin.",
        "2022-02-10",
        true,
    );
    assert_coded(&doc, "012 BLRGOV->- asserted");
}

#[test]
fn what_a_time_adjunct_says_happened_is_no_part_of_what_the_words_before_govern() {
    // the threat is of retaliation; the expulsion after it happened
    let doc = run("Poland threatens retaliation after Belarus expels Polish diplomats.", "2022-02-10", true);
    assert_coded(&doc, "166 BLR->POLGOV asserted");
    // and the clause "after" it is no complement of the threat: Poland threatens retaliation,
    // not to expel diplomats
    assert_coded(&doc, "138 POL->BLR asserted");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("1313")), "{:?}", codes(&doc));
}

#[test]
fn wounding_is_force_as_killing_is() {
    let doc = run("Six villagers were injured in police firing in Nadiad.", "2002-03-05", true);
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
}

#[test]
fn conceding_a_point_is_no_yielding() {
    // "conceded that ..." states something; conceding territory yields it
    let doc = run("After the defeat, Lukashenko conceded that the conflict would last for years.", "2023-01-10", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("080")), "{:?}", codes(&doc));
    let doc = run("Armenia conceded territory to Azerbaijan.", "2023-01-10", true);
    assert_coded(&doc, "080 ARM->AZE asserted");
}

#[test]
fn talks_called_impossible_are_negated() {
    for text in [
        "The Georgian prime minister said that holding talks with the Kremlin was impossible.",
        "The Georgian prime minister said it was impossible to hold talks with the Kremlin.",
    ] {
        assert_coded(&run(text, "2023-01-10", true), "046 GEOGOV->RUSGOV negated");
    }
}

#[test]
fn a_name_conjoined_with_the_support_rallied_is_no_recipient() {
    // the parser reads "outlast Russia" as a second object beside "support"
    let doc = run("Kyiv hopes that they will rally Western support and outlast Russia.", "2024-05-06", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("053") && c.contains("->RUS")), "{:?}", codes(&doc));
}

#[test]
fn a_count_killed_in_police_firing_however_parsed() {
    // the parser hangs "12" on "including" and reads "firing" as the object of "killed"
    let doc = run(
        "Most of the deaths took place in Surat, where the toll is now put at 140, including 12 killed in police firing.",
        "2002-03-03",
        true,
    );
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
    // a verb that shares its subject keeps its object ("killed, injured or captured")
    let doc = run(
        "Georgian forces repelled the raid and killed, injured or captured 400 Russian troops.",
        "2008-08-10",
        true,
    );
    assert_coded(&doc, "190 GEOMIL->RUSMIL asserted");
}

#[test]
fn whoever_died_in_police_firing_is_its_victim_counted_or_not() {
    let doc = run("In Vadodara, more members of the weavers' guild died in the police firing.", "2002-03-03", true);
    assert_coded(&doc, "190 INDCOP->INDCVL asserted");
}

#[test]
fn due_to_before_a_noun_is_a_cause_not_a_schedule() {
    let doc = run("Most of those who died due to police firing were young men, the figures show.", "2002-03-03", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("175 ---COP") && c.ends_with("asserted")), "{:?}", codes(&doc));
    // "due to" before a verb still schedules it
    let doc = run("The Polish president is due to visit Kyiv on Monday.", "2023-03-03", true);
    assert_coded(&doc, "042 POLGOV->UKR future");
}

#[test]
fn a_hostile_act_that_helps_is_a_cause_not_a_helper() {
    for text in ["Iran's invasion helped unite the Arab League.", "The arrest of Lukashenko would help Poland."] {
        let doc = run(text, "2024-05-20", true);
        assert!(!codes(&doc).iter().any(|c| c.starts_with("070")), "{text}: {:?}", codes(&doc));
    }
    // aid is given by whoever gives it
    assert_coded(&run("Turkish aid helped Syria.", "2024-05-20", true), "070 TUR->SYR asserted");
}

#[test]
fn a_noun_after_a_possessive_with_a_curly_apostrophe_is_no_verb() {
    // "side" after "Belarus’s" is the noun, not "to side with"
    let doc = run(
        "Lukashenko feels that the momentum is on Belarus’s side theater wide, as Poland is outmanned.",
        "2022-05-05",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("05 ")), "{:?}", codes(&doc));
}

#[test]
fn a_price_the_speaker_s_side_pays_is_no_threat() {
    let doc = run(
        "Rutte said: \"If Lukashenko learns that he can seize the border, we will pay a much higher price,\" Rutte said.",
        "2024-05-05",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("130")), "{:?}", codes(&doc));
    // the price the other side is to pay is one
    let doc = run("Rutte warned that if Belarus seizes the border, it will pay a heavy price.", "2024-05-05", true);
    assert_coded(&doc, "130 ");
}

#[test]
fn an_act_is_nobody_to_call() {
    let doc = run("Kaja Kallas spoke in Brussels. She called the Syrian unprecedented attack.", "2024-04-13", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("041")), "{:?}", codes(&doc));
    assert_coded(&run("Scholz called Zelensky on Sunday.", "2024-04-13", true), "041 DEUGOV->UKRGOV asserted");
}

#[test]
fn a_means_hung_on_a_participle_is_the_clause_s_doer_s() {
    // the parser hangs "by deploying" on "surrounding"; Serbia does not deploy
    let doc = run(
        "Hungary and its allies have responded to the military presence surrounding Serbia by deploying more troops to Slovakia and Austria.",
        "2022-02-08",
        true,
    );
    assert_coded(&doc, "154 HUN->SVK asserted");
    assert!(!codes(&doc).iter().any(|c| c.starts_with("154 SRB")), "{:?}", codes(&doc));
}

#[test]
fn an_appeal_is_made_of_whom_it_urges() {
    // the colleagues are urged, not Serbia
    let doc = run(
        "The Croatian press union urged foreign colleagues to avoid calling Serbia's blockade a dispute.",
        "2022-03-23",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("020") && c.contains("->SRB")), "{:?}", codes(&doc));
    assert_coded(&run("Croatia urged Serbia to lift the blockade.", "2022-03-23", true), "020 HRV->SRB");
}

#[test]
fn only_a_verb_of_keeping_keeps_its_object_from_acting() {
    assert_coded(&run("Turkey dissuaded Greece from attacking Cyprus.", "2023-07-21", true), "180 GRC->CYP negated");
    // a range, "from ... to ...", denies nothing
    let doc = run(
        "The agency is delivering an approach to our challenges, from tackling Serbia's attacks on Kosovo to managing competition with China.",
        "2023-07-21",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.ends_with("negated")), "{:?}", codes(&doc));
}

#[test]
fn whom_one_lashes_out_at_for_doing_something_did_it() {
    let doc = run(
        "Belgrade rejected the report, the envoy said, lashing out at the United States for supplying arms to Kosovo.",
        "2023-01-26",
        true,
    );
    assert_coded(&doc, "072 USA->KSV asserted");
}

#[test]
fn a_headline_participle_with_an_agent_is_a_passive() {
    // Sandu is welcomed; she welcomes nobody
    let doc = run("Sandu welcomed by cheering crowds in the Romanian parliament", "2023-02-10", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("013 MDA")), "{:?}", codes(&doc));
}

#[test]
fn those_who_did_something_are_people_the_police_hold() {
    let doc = run("The union said the police had only detained those who were shouting slogans.", "2002-03-03", true);
    assert_coded(&doc, "173 ---COP->---CVL asserted");
}

#[test]
fn those_arrested_among_others_are_held() {
    let doc = run(
        "So far, police have arrested among others three councillors, two teachers and a shopkeeper in connection with the arson.",
        "2002-03-03",
        true,
    );
    assert_coded(&doc, "173 ---COP->---CVL asserted");
}

#[test]
fn what_is_moved_closer_or_received_as_a_thing_is_no_retreat_or_visit() {
    let doc = run("Serbia pulled tanks closer to the border with Kosovo.", "2022-02-16", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("0874")), "{:?}", codes(&doc));
    let doc = run("Moldova received EU candidate status in June.", "2022-07-01", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("043")), "{:?}", codes(&doc));
    assert_coded(&run("Xi received Putin in Beijing.", "2023-03-21", true), "043 CHNGOV->RUSGOV asserted");
}

#[test]
fn a_call_for_something_is_no_phone_call() {
    let doc = run(
        "Estonia and Latvia want the summit to have calls for further sanctions against Belarus.",
        "2022-03-10",
        true,
    );
    assert!(!codes(&doc).iter().any(|c| c.starts_with("041")), "{:?}", codes(&doc));
}

#[test]
fn what_something_was_used_for_was_done() {
    let doc = run("Georgian police used water cannon to disperse the protesters in Tbilisi.", "2024-05-01", true);
    assert_coded(&doc, "175 GEOCOP->GEOOPP asserted");
}

#[test]
fn the_arrested_are_the_police_s_arrest_and_a_hyphenated_holder_is_none() {
    let doc = run("Buses were sent to take the arrested activists to the jail in Faizabad.", "2002-03-03", true);
    assert!(codes(&doc).iter().any(|c| c.starts_with("173") && c.contains("COP->")), "{:?}", codes(&doc));
    let doc = run("The attack in the rebel-held town killed nine people.", "2016-03-03", true);
    assert!(!codes(&doc).iter().any(|c| c.starts_with("173")), "{:?}", codes(&doc));
}
