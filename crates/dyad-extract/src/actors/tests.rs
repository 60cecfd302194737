//! Unit tests of the actors stage on sentences written for them (seed-like, not the seed).

use super::Actors;
use dyad_core::{Document, EntityLabel, MentionKind, Published};
use std::sync::OnceLock;

fn actors() -> &'static Actors {
    static A: OnceLock<Actors> = OnceLock::new();
    A.get_or_init(|| Actors::embedded().expect("embedded lexicon loads"))
}

fn run(text: &str, date: &str) -> Document {
    let mut doc = Document::new("t", text).expect("short text");
    doc.meta.published = Some(Published::parse(date).expect("date"));
    dyad_text::annotate(&mut doc);
    actors().annotate(&mut doc);
    doc
}

/// (text, label, actor) of every entity.
fn ents(doc: &Document) -> Vec<(&str, &'static str, Option<&str>)> {
    doc.entities.iter().map(|e| (doc.slice(e.span), e.label.as_str(), e.actor.as_deref())).collect()
}

/// The entities the mentions of kind `kind` reading `word` are resolved to, in text order.
fn refers_in<'a>(doc: &'a Document, kind: MentionKind, word: &str) -> Vec<&'a str> {
    doc.mentions
        .iter()
        .filter(|m| m.kind == kind && doc.slice(m.span) == word)
        .map(|m| doc.slice(doc.entities[m.entity as usize].span))
        .collect()
}

fn actor_of<'a>(doc: &'a Document, text: &str) -> Option<&'a str> {
    doc.entities.iter().find(|e| doc.slice(e.span) == text).and_then(|e| e.actor.as_deref())
}

#[test]
fn people_are_coded_by_their_role_on_the_date() {
    let text = "Sergey Lavrov met Antony Blinken in Geneva.";
    let doc = run(text, "2022-01-21");
    assert_eq!(actor_of(&doc, "Sergey Lavrov"), Some("RUSGOV"));
    assert_eq!(actor_of(&doc, "Antony Blinken"), Some("USAGOV"));
    // After Blinken left office he is a former official, not the government.
    let doc = run(text, "2025-06-01");
    assert_eq!(actor_of(&doc, "Antony Blinken"), Some("USAELI"));
    let blinken = doc.entities.iter().find(|e| doc.slice(e.span) == "Antony Blinken").unwrap();
    assert_eq!(blinken.role.as_deref(), Some("former Secretary of State"));
}

#[test]
fn capital_as_subject_is_the_government_and_after_a_preposition_a_place() {
    let doc = run("Kyiv, however, rejects the plan. Talks were held in Kyiv on Monday.", "2023-05-02");
    let got: Vec<_> = ents(&doc).into_iter().filter(|e| e.0 == "Kyiv").collect();
    assert_eq!(got, [("Kyiv", "GPE", Some("UKRGOV")), ("Kyiv", "GPE", Some("UKR"))]);
    let doc = run("Washington warned Beijing. He flew to Washington.", "2023-05-02");
    assert_eq!(ents(&doc)[0], ("Washington", "GPE", Some("USAGOV")));
    assert_eq!(ents(&doc)[1], ("Beijing", "GPE", Some("CHNGOV")));
    assert_eq!(ents(&doc)[2], ("Washington", "GPE", Some("USA")));
}

#[test]
fn seats_of_power_and_regions() {
    let doc = run("The Kremlin said troops left Crimea, a White House aide said at the White House.", "2022-03-01");
    assert_eq!(actor_of(&doc, "The Kremlin").or(actor_of(&doc, "Kremlin")), Some("RUSGOV"));
    let crimea = doc.entities.iter().find(|e| doc.slice(e.span) == "Crimea").unwrap();
    assert_eq!((crimea.label, crimea.actor.as_deref()), (EntityLabel::Loc, Some("UKR")));
    let labels: Vec<_> =
        doc.entities.iter().filter(|e| doc.slice(e.span) == "White House").map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["ORG", "FAC"]);
}

#[test]
fn a_title_makes_an_unknown_person_an_actor() {
    let doc = run("Ukrainian army spokesman Oleksandr Shtupun said the attack failed.", "2023-06-10");
    // No NER here: the unknown name is not found, but the demonym carries the chain's code.
    assert_eq!(actor_of(&doc, "Ukrainian"), Some("UKRMIL"));
    // With an NER span for the name, the name takes the title's code.
    let mut doc = Document::new("t", "Ukrainian army spokesman Oleksandr Shtupun said the attack failed.").unwrap();
    doc.meta.published = Some(Published::parse("2023-06-10").unwrap());
    doc.entities.push(dyad_core::Entity {
        span: dyad_core::Span::new(25, 42),
        label: EntityLabel::Per,
        actor: None,
        canonical: None,
        role: None,
    });
    actors().annotate(&mut doc);
    let e = doc.entities.iter().find(|e| doc.slice(e.span) == "Oleksandr Shtupun").expect("kept");
    assert_eq!(e.actor.as_deref(), Some("UKRMIL"));
    assert_eq!(e.role.as_deref(), Some("army spokesman"));
}

#[test]
fn a_title_after_a_seat_or_a_party_takes_its_code_as_linked_in_the_document() {
    // The person's code comes from the cue as this document links it, kept whole.
    let person = |text: &str, name: &str| {
        let doc = run_with_ner(text, "2002-03-01", &[(name, EntityLabel::Per)]);
        (actor_of(&doc, "Congress").map(str::to_string), actor_of(&doc, name).map(str::to_string))
    };
    let indian = "Indian police arrested 20 people in Gujarat on Sunday. \
                  Congress spokesman Hasmukh Patel said the arrests were unjust.";
    assert_eq!(person(indian, "Hasmukh Patel"), (Some("INDPTY".into()), Some("INDPTY".into())));
    let american = "Congress spokesman Bram Wexley said the bill would pass in Washington.";
    assert_eq!(person(american, "Bram Wexley"), (Some("USALEG".into()), Some("USALEG".into())));
}

#[test]
fn a_surname_in_a_longer_name_needs_the_known_person_s_given_name() {
    // Actors with an NER person span over `name`.
    let linked = |text: &str, name: &str| {
        let doc = run_with_ner(text, "2022-06-01", &[(name, EntityLabel::Per)]);
        doc.entities.iter().find(|e| doc.slice(e.span) == name).and_then(|e| e.canonical.clone())
    };
    assert_eq!(linked("Hunter Biden met investors.", "Hunter Biden"), None);
    assert_eq!(linked("The veteran Henry Kissinger spoke.", "Henry Kissinger"), None);
    assert_eq!(linked("Lyndon B. Johnson met Kosygin.", "Lyndon B. Johnson"), None);
    assert_eq!(linked("Joe R. Biden met investors.", "Joe R. Biden").as_deref(), Some("Joe Biden"));
    assert_eq!(linked("J. Biden met investors.", "J. Biden").as_deref(), Some("Joe Biden"));
    assert_eq!(linked("Gen Milley met investors.", "Gen Milley").as_deref(), Some("Mark Milley"));
    assert_eq!(
        linked("Aleksander Lukashenko met Putin.", "Aleksander Lukashenko").as_deref(),
        Some("Alexander Lukashenko")
    );
}

#[test]
fn another_country_s_senate_is_its_own_legislature() {
    let doc = run("The Polish Senate backed the resolution.", "2023-03-01");
    assert_eq!(actor_of(&doc, "Senate"), Some("POLLEG"));
    let doc = run("Poland's Senate backed the resolution.", "2023-03-01");
    assert_eq!(actor_of(&doc, "Senate"), Some("POLLEG"));
    let doc = run("The Senate backed the resolution.", "2023-03-01");
    assert_eq!(actor_of(&doc, "Senate"), Some("USALEG"));
    let doc = run("The Russian Kremlin denied it.", "2023-03-01");
    assert_eq!(actor_of(&doc, "Kremlin"), Some("RUSGOV"));
}

#[test]
fn country_with_role_nouns_and_bodies() {
    let doc = run("Russian troops shelled Kharkiv while the Russian Defence Ministry denied it.", "2022-05-01");
    assert_eq!(actor_of(&doc, "Russian"), Some("RUSMIL"));
    assert_eq!(actor_of(&doc, "Russian Defence Ministry"), Some("RUSMIL"));
    assert_eq!(actor_of(&doc, "Kharkiv"), Some("UKR"));
}

#[test]
fn coreference_pronouns_descriptions_and_surnames() {
    let text = "Sergey Lavrov, the Russian foreign minister, talked to his Chinese counterpart Wang Yi on Friday. \
                \"The minister said talks would go on,\" the ministry said. He also met Turkish officials. \
                The two ministers agreed. Lavrov left on Saturday.";
    let doc = run(text, "2023-03-03");
    let refers = |kind: MentionKind, t: &str| refers_in(&doc, kind, t);
    assert_eq!(refers(MentionKind::Description, "The minister"), ["Sergey Lavrov"]);
    assert_eq!(refers(MentionKind::Pronoun, "He"), ["Sergey Lavrov"]);
    assert_eq!(refers(MentionKind::Description, "The two ministers"), ["Sergey Lavrov", "Wang Yi"]);
    assert_eq!(refers(MentionKind::Name, "Lavrov"), ["Sergey Lavrov"]);
    assert_eq!(actor_of(&doc, "Wang Yi"), Some("CHNGOV"));
    // "They" opening a sentence: the one group of the sentence before, if it comes first there.
    let they = |text: &str| -> Vec<String> {
        let doc = run(text, "2023-03-03");
        let they = doc.mentions.iter().filter(|m| doc.slice(m.span) == "They");
        they.map(|m| doc.slice(doc.entities[m.entity as usize].span).to_string()).collect()
    };
    assert_eq!(they("Police reached the square in Athens. They fired tear gas."), ["Police"]);
    assert!(they("Police arrested protesters in Athens. They fired tear gas.").is_empty());
    assert!(they("The talks in Athens failed. They will resume.").is_empty());
    // A title with "of" says whose office it is: a country's, or a body's (no earlier
    // president is meant).
    let doc = run("Emmanuel Macron met President Lula in Brasilia. The president of France praised him.", "2023-06-13");
    assert_eq!(refers_in(&doc, MentionKind::Description, "The president"), ["Emmanuel Macron"]);
    let doc =
        run("Emmanuel Macron met President Lula in Brasilia. The leaders of Japan and Kenya met too.", "2023-06-13");
    assert_eq!(refers_in(&doc, MentionKind::Description, "The leaders"), Vec::<&str>::new());
    let doc = run(
        "President Lula met the press in Brasilia. The president of the European Commission praised him.",
        "2023-06-13",
    );
    assert_eq!(refers_in(&doc, MentionKind::Description, "The president"), Vec::<&str>::new());
    let doc = run("President Lula met the press in Brasilia. The president praised the press.", "2023-06-13");
    assert_eq!(refers_in(&doc, MentionKind::Description, "The president"), ["Lula"]);
}

#[test]
fn boilerplate_gives_no_entities() {
    let mut doc = Document::new("t", "Putin spoke. Donate to Ukraine today.").unwrap();
    doc.sentences.push(dyad_core::Sentence { span: dyad_core::Span::new(0, 12), tokens: 0..0, boilerplate: false });
    doc.sentences.push(dyad_core::Sentence { span: dyad_core::Span::new(13, 37), tokens: 0..0, boilerplate: true });
    actors().annotate(&mut doc);
    assert_eq!(ents(&doc), [("Putin", "PER", Some("RUSGOV"))]);
}

#[test]
fn taliban_changes_code_in_august_2021() {
    assert_eq!(actor_of(&run("The Taliban seized the town.", "2019-05-01"), "Taliban"), Some("AFGREBTAL"));
    assert_eq!(actor_of(&run("The Taliban seized the town.", "2022-05-01"), "Taliban"), Some("AFGGOVTAL"));
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "There can be little doubt of the US\u{2019}s conviction that the US\u{2019} two leaders met.",
        "The US\u{2019}s two ministers. His Russian\u{2019}s counterpart, \u{201c}Moscow\u{201d}: Kyiv\u{2014}",
        "Lavrov, Russia\u{2019}s foreign minister, and Blinken, the US envoy, \u{00e9}t\u{00e9} Ukraine\u{2019}",
        "",
        "the",
        "He",
        "Moscow",
        "Putin, ",
        "Russian Foreign Minister",
    ] {
        let doc = run(text, "2022-02-13");
        for e in &doc.entities {
            assert!(text.get(e.span.range()).is_some(), "{text:?}: {:?}", e.span);
        }
    }
}

/// The lexicon matcher reports no overlapping names: "President Xi" (a name of its own)
/// hides "Xi Jinping" in "President Xi Jinping". The NER span is looked up whole.
#[test]
fn a_name_overlapped_by_a_titled_alias_is_found_through_its_ner_span() {
    let text = "President Xi Jinping met the Kenyan delegation.";
    let mut doc = Document::new("t", text).expect("short text");
    doc.meta.published = Some(Published::parse("2023-05-02").expect("date"));
    dyad_text::annotate(&mut doc);
    let start = text.find("Xi Jinping").unwrap();
    doc.entities.push(dyad_core::Entity {
        span: dyad_core::Span::new(start, start + "Xi Jinping".len()),
        label: EntityLabel::Per,
        actor: None,
        canonical: None,
        role: None,
    });
    actors().annotate(&mut doc);
    assert_eq!(actor_of(&doc, "Xi Jinping"), Some("CHNGOV"), "{:?}", ents(&doc));
}

#[test]
fn police_protesters_and_civilians_take_the_country_of_their_place() {
    let doc = run("Police arrested 30 protesters in Athens.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Police"), Some("GRCCOP"));
    assert_eq!(actor_of(&doc, "protesters"), Some("GRCOPP"));
    let group = doc.entities.iter().find(|e| doc.slice(e.span) == "protesters").expect("an entity");
    assert_eq!((group.label, group.role.as_deref()), (EntityLabel::Group, Some("protesters")));
    // (an article between the preposition and the place)
    let doc = run("Police arrested 30 protesters in the United States.", "2024-03-01");
    assert_eq!(actor_of(&doc, "protesters"), Some("USAOPP"), "{:?}", ents(&doc));
    // A country that acts is no place: the civilians need not be Russian.
    let doc = run("Russia shelled civilians overnight.", "2024-03-01");
    assert_eq!(actor_of(&doc, "civilians"), Some("---CVL"));
    // Places in two countries: nobody can tell whose the protesters are.
    let doc = run("Protesters gathered in Athens and in Ankara.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Protesters"), None);
    // A sentence without a place: the story's dateline gives the country when most of the
    // story's places lie in it ...
    let doc = run("Athens — Protesters gathered outside parliament. Police arrested 30 of them.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Protesters"), Some("GRCOPP"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Police"), Some("GRCCOP"));
    // ... and not when the story is about somewhere else (police of unknown country: below).
    let text = "Washington — Protesters gathered in Kabul on Friday and marched in Kabul on Saturday. \
                Police arrested 30 of them.";
    let doc = run(text, "2024-03-01");
    assert_eq!(actor_of(&doc, "Protesters"), Some("AFGOPP"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Police"), Some("---COP"), "not American: {:?}", ents(&doc));
    // People count as a group only when counted ("200 persons", "thousands of people").
    let doc = run("Police arrested 200 persons in Athens as thousands of people watched.", "2024-03-01");
    assert_eq!(actor_of(&doc, "persons"), Some("GRCCVL"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "people"), Some("GRCCVL"), "{:?}", ents(&doc));
    let doc = run("People in Athens say the talks failed.", "2024-03-01");
    assert_eq!(actor_of(&doc, "People"), None, "{:?}", ents(&doc));
    // Police, protesters and rebels with no country to take are still police, protesters and
    // rebels; rebels a possessive makes someone's are no actor.
    let doc = run("Police detained a suspect after protesters and rebels gathered.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Police"), Some("---COP"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "protesters"), Some("---OPP"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "rebels"), Some("---REB"), "{:?}", ents(&doc));
    let doc = run("The movement said their rebels gathered.", "2024-03-01");
    assert_eq!(actor_of(&doc, "rebels"), None, "{:?}", ents(&doc));
    // A country word before the noun makes a title chain instead ("Greek police"); troops
    // and "people" never take a place's country.
    let doc = run("Greek police and troops met people in Athens.", "2024-03-01");
    assert!(doc.entities.iter().all(|e| e.label != EntityLabel::Group), "{:?}", ents(&doc));
    // A name no dictionary knows before "police" is a place too small for them: the local
    // police of the sentence's country. Before other groups it may be a party or a movement.
    let doc = run("In Athens, Zografou police detained six men.", "2024-03-01");
    assert_eq!(actor_of(&doc, "police"), Some("GRCCOP"), "{:?}", ents(&doc));
    let doc = run("In Athens, Zografou protesters gathered.", "2024-03-01");
    assert_eq!(actor_of(&doc, "protesters"), None, "{:?}", ents(&doc));
}

#[test]
fn militants_take_their_place_unless_a_name_says_whose_they_are() {
    let doc = run("Militants attacked a checkpoint in Iraq.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Militants"), Some("IRQREB"));
    for text in [
        "Islamic State (IS) militants attacked a checkpoint in Iraq.",
        "Police detained militants of the Islamic State in Iraq.",
    ] {
        let doc = run(text, "2024-03-01");
        assert_eq!(actor_of(&doc, "militants"), None, "{text}: {:?}", ents(&doc));
    }
}

#[test]
fn a_government_s_own_troops_take_the_country_of_their_place() {
    let doc = run("Government troops shelled a village near Homs in Syria.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Government troops"), Some("SYRMIL"), "{:?}", ents(&doc));
    let doc = run("Government forces attacked the rebels on Sunday.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Government forces"), Some("---MIL"), "{:?}", ents(&doc));
    // security forces keep order at home, as a government's forces do
    let doc = run("Security forces dispersed the marchers in Tbilisi.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Security forces"), Some("GEOMIL"), "{:?}", ents(&doc));
    // named by their country, they are its military, not its government
    let doc = run("Syrian government forces attacked the rebels on Sunday.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Syrian"), Some("SYRMIL"), "{:?}", ents(&doc));
    // an army named by its country alone fights abroad as often as at home
    let doc = run("Troops shelled a village near Homs in Syria.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Troops"), None, "{:?}", ents(&doc));
}

#[test]
fn a_group_from_a_country_is_that_country_s() {
    let doc = run("Refugees from Syria crossed into Turkey.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Refugees"), Some("SYRREF"), "{:?}", ents(&doc));
    let doc = run("The minister met dissidents from Myanmar in Bangkok.", "2024-03-01");
    assert_eq!(actor_of(&doc, "dissidents"), Some("MMROPP"), "{:?}", ents(&doc));
    let doc = run("Opponents of the government rallied in Minsk.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Opponents"), Some("BLROPP"), "{:?}", ents(&doc));
}

/// Runs the stage with NER spans given as (text, label): each at its first occurrence.
fn run_with_ner(text: &str, date: &str, ner: &[(&str, EntityLabel)]) -> Document {
    let spans: Vec<(usize, usize, EntityLabel)> = ner
        .iter()
        .map(|(name, label)| {
            let start = text.find(name).expect("span in text");
            (start, start + name.len(), *label)
        })
        .collect();
    run_with_spans(text, date, &spans)
}

/// Runs the stage with NER spans given as (start, end, label).
fn run_with_spans(text: &str, date: &str, spans: &[(usize, usize, EntityLabel)]) -> Document {
    let mut doc = Document::new("t", text).expect("short text");
    doc.meta.published = Some(Published::parse(date).expect("date"));
    dyad_text::annotate(&mut doc);
    for &(start, end, label) in spans {
        let span = dyad_core::Span::new(start, end);
        doc.entities.push(dyad_core::Entity { span, label, actor: None, canonical: None, role: None });
    }
    actors().annotate(&mut doc);
    doc
}

#[test]
fn gazetteer_towns_take_their_country_only_where_ner_finds_a_place() {
    let text = "Police in Chhindwara detained six men. A fight broke out in Tarnów.";
    // Without NER the towns are not searched for: nothing is found.
    assert_eq!(actor_of(&run(text, "2024-03-01"), "Chhindwara"), None);
    let doc = run_with_ner(text, "2024-03-01", &[("Chhindwara", EntityLabel::Loc), ("Tarnów", EntityLabel::Loc)]);
    assert_eq!(actor_of(&doc, "Chhindwara"), Some("IND"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Tarnów"), Some("POL"), "{:?}", ents(&doc));
    // The group takes the place's country.
    assert_eq!(actor_of(&doc, "Police"), Some("INDCOP"), "{:?}", ents(&doc));
    // A person who shares a town's name stays a person without a country.
    let doc = run_with_ner("Mr Tarnów said he would run.", "2024-03-01", &[("Tarnów", EntityLabel::Per)]);
    assert_eq!(ents(&doc), [("Tarnów", "PER", None)]);
}

#[test]
fn a_town_name_several_countries_share_goes_to_the_one_the_story_names() {
    // Hyderabad: a larger city in India, another in Pakistan.
    let india = run_with_ner("Rain flooded Hyderabad on Monday.", "2024-03-01", &[("Hyderabad", EntityLabel::Loc)]);
    assert_eq!(actor_of(&india, "Hyderabad"), Some("IND"));
    let text = "Rain flooded Hyderabad on Monday, Pakistani officials said.";
    let pakistan = run_with_ner(text, "2024-03-01", &[("Hyderabad", EntityLabel::Loc)]);
    assert_eq!(actor_of(&pakistan, "Hyderabad"), Some("PAK"), "{:?}", ents(&pakistan));
    // A dateline in capitals is a place even when NER calls it a person.
    let doc = run_with_ner("CHHINDWARA: Rain fell.", "2024-03-01", &[("CHHINDWARA", EntityLabel::Per)]);
    assert_eq!(ents(&doc), [("CHHINDWARA", "LOC", Some("IND"))]);
}

#[test]
fn a_place_and_its_police_are_one_body_of_the_place_s_country() {
    let doc = run_with_ner("Chhindwara police detained six men.", "2024-03-01", &[("Chhindwara", EntityLabel::Loc)]);
    assert_eq!(ents(&doc), [("Chhindwara police", "ORG", Some("INDCOP"))]);
    // NER took the region and its police for one name (of any label): the region is found in it.
    let text = "The Uttar Pradesh Police detained six men.";
    let doc = run_with_ner(text, "2024-03-01", &[("Uttar Pradesh Police", EntityLabel::Per)]);
    assert_eq!(ents(&doc), [("Uttar Pradesh Police", "ORG", Some("INDCOP"))]);
    // A town before a body is trusted only when the story names it as a place on its own.
    let doc = run_with_ner("The Chhindwara Court fined him.", "2024-03-01", &[("Chhindwara Court", EntityLabel::Org)]);
    assert_eq!(ents(&doc), [("Chhindwara Court", "ORG", None)]);
    let text = "The Chhindwara Court fined him. He lives in Chhindwara.";
    let doc = run_with_spans(text, "2024-03-01", &[(4, 20, EntityLabel::Org), (44, 54, EntityLabel::Loc)]);
    assert_eq!(actor_of(&doc, "Chhindwara Court"), Some("INDJUD"), "{:?}", ents(&doc));
}

#[test]
fn companies_and_news_media_are_actors_of_their_home_country() {
    let doc = run("Shareholders of Toyota met as Radio Dabanga and the Daily Maverick looked on.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Toyota"), Some("JPNBUS"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Radio Dabanga"), Some("SDNMED"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Daily Maverick"), Some("ZAFMED"), "{:?}", ents(&doc));
    // A company whose short name is a common word is found only by its long form.
    let doc = run("Amazon.com opened an office. The Amazon river flooded.", "2024-03-01");
    assert_eq!(actor_of(&doc, "Amazon.com"), Some("USABUS"));
    assert_eq!(actor_of(&doc, "Amazon"), None, "{:?}", ents(&doc));
}

#[test]
fn a_name_ner_finds_written_otherwise_is_still_known() {
    // Web text and hasty copy lower-case part of a name the dictionaries capitalise.
    let text = "Overnight, Boko haram fighters raided a village.";
    let doc = run_with_ner(text, "2024-03-01", &[("Boko haram", EntityLabel::Org)]);
    assert_eq!(actor_of(&doc, "Boko haram"), Some("NGAREBBKH"), "{:?}", ents(&doc));
}

#[test]
fn a_direction_before_a_known_place_names_part_of_it() {
    let text = "Shelling hit towns in Eastern Ukraine and northern Iraq, not Southern Comfort.";
    let doc = run_with_ner(
        text,
        "2024-03-01",
        &[
            ("Eastern Ukraine", EntityLabel::Loc),
            ("northern Iraq", EntityLabel::Loc),
            ("Southern Comfort", EntityLabel::Org),
        ],
    );
    assert_eq!(actor_of(&doc, "Eastern Ukraine"), Some("UKR"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "northern Iraq"), Some("IRQ"), "{:?}", ents(&doc));
    assert_eq!(actor_of(&doc, "Southern Comfort"), None, "{:?}", ents(&doc));
}

#[test]
fn congress_in_an_indian_story_is_the_party() {
    let doc = run("The Congress protested in Ahmedabad. Police in Mumbai and Delhi were on alert.", "2002-03-02");
    assert_eq!(actor_of(&doc, "Congress"), Some("INDPTY"), "{:?}", ents(&doc));
    let doc = run("Congress passed the bill in Washington. Ohio and Texas voted for it.", "2002-03-02");
    assert_eq!(actor_of(&doc, "Congress"), Some("USALEG"), "{:?}", ents(&doc));
}

#[test]
fn he_after_the_one_told_is_the_teller() {
    let doc = run("Recep Tayyip Erdogan told Ilham Aliyev that he would visit Baku soon.", "2022-06-01");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "he"), ["Recep Tayyip Erdogan"]);
    // not after other verbs: "met Aliyev, and he said" is Aliyev
    let doc = run("Recep Tayyip Erdogan met Ilham Aliyev and he said the talks went well.", "2022-06-01");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "he"), ["Ilham Aliyev"]);
}

#[test]
fn a_country_named_as_a_place_is_no_it() {
    let doc = run("At a press conference in Latvia, the minister said Russia knew that it had failed.", "2022-06-01");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "it"), ["Russia"]);
}

#[test]
fn she_after_a_countrys_saying_is_the_country() {
    // "she" (a translation's gender) is the country, when no person is named before in the
    // sentence
    let doc = run("Joe Biden spoke on Monday. Minsk said this week that she pulled some troops back.", "2023-05-09");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "she"), ["Minsk"]);
    let doc = run("Minsk said that Svetlana Tikhanovskaya said that she would return.", "2023-05-09");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "she"), ["Svetlana Tikhanovskaya"]);
}

#[test]
fn its_takes_the_first_country_of_its_clause() {
    // after a comma, dash or "that"
    let doc = run(
        "Serbian officials, quoting the report, said that Hungary will finance its new border fence.",
        "2023-05-09",
    );
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "its"), ["Hungary"]);
    let doc = run(
        "Poland condemned the drills \u{2014} a show of force used by Belarus to justify its build-up.",
        "2023-05-09",
    );
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "its"), ["Belarus"]);
}

#[test]
fn a_capital_s_forces_are_its_country_s_military() {
    let doc = run("Minsk's troops crossed the border. Warsaw's military spokesman denied it.", "2022-03-01");
    let got: Vec<_> = ents(&doc).into_iter().map(|e| (e.0, e.2)).collect();
    assert!(got.contains(&("Minsk's troops", Some("BLRMIL"))), "{got:?}");
    assert!(got.contains(&("Warsaw's military spokesman", Some("POLMIL"))), "{got:?}");
}

#[test]
fn he_is_no_woman_and_she_no_man_where_given_names_tell() {
    // "She" opening a sentence is the first person of the one before, unless that is a man
    let doc = run("Sergei Lavrov met Liz Truss in Moscow. She said the talks were difficult.", "2022-02-10");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "She"), ["Liz Truss"]);
    // "he" is the nearest person, unless that is a woman
    let doc = run("Sergei Lavrov met Annalena Baerbock, and he said the talks were useful.", "2022-01-18");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "he"), ["Sergei Lavrov"]);
    // names in lower case or capitals tell it too; a surname alone, or a name of either
    // gender, does not
    use super::gender::Gender;
    let given = &actors().given;
    assert_eq!(given.of("sonia gandhi"), Some(Gender::Female));
    assert_eq!(given.of("VLADIMIR PUTIN"), Some(Gender::Male));
    assert_eq!(given.of("Putin"), None);
    assert_eq!(given.of("Jean Smith"), None);
    // nor does the family name that some countries' names open with ("Tsai Ing-wen")
    assert_eq!(given.of("Tsai Ing-wen"), None);
    // a "she" that a translation uses for a country is no man of its sentence
    let doc = run("Sergei Lavrov said Russia is strong when she fights.", "2022-06-01");
    assert!(refers_in(&doc, MentionKind::Pronoun, "she").is_empty());
}

#[test]
fn a_dummy_it_refers_to_nothing_but_a_ready_one_does() {
    let doc = run(
        "The BBC reported the strikes. He added that it was also a legitimate part of war for troops to strike.",
        "2022-04-26",
    );
    assert!(refers_in(&doc, MentionKind::Pronoun, "it").is_empty());
    let doc = run("Moscow said that it was ready to talk to Kyiv.", "2022-04-26");
    assert_eq!(refers_in(&doc, MentionKind::Pronoun, "it"), ["Moscow"]);
}

#[test]
fn a_description_with_a_name_in_apposition_points_back_to_nobody() {
    // "the foreign minister, Peter Szijjarto," names someone else than the last minister seen
    let text =
        "Sergey Lavrov spoke in Moscow. Later, the envoy met the foreign minister, Peter Szijjarto, in Budapest.";
    let doc = run(text, "2023-03-03");
    assert!(refers_in(&doc, MentionKind::Description, "the foreign minister").is_empty(), "{:?}", doc.mentions);
    // a name that opens the next clause is no apposition
    let text = "Sergey Lavrov met Wang Yi in Beijing. After the talks with his counterpart, Lavrov left.";
    let doc = run(text, "2023-03-03");
    assert_eq!(refers_in(&doc, MentionKind::Description, "his counterpart"), ["Wang Yi"]);
}
