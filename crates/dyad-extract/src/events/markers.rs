//! Word lists for modality, attribution and arguments: the closed-class cues the coder reads
//! around a trigger. Kept here, in one place, so each choice is visible.

use dyad_core::Modality;

/// Verbs that report speech or writing: their subject is an attribution, not an event.
pub const SPEECH: &[&str] = &[
    "say",
    "tell",
    "state",
    "add",
    "announce",
    "report",
    "note",
    "stress",
    "reiterate",
    "insist",
    "confirm",
    "write",
    "declare",
    "explain",
    "assert",
    "argue",
    "affirm",
    "tweet",
    "read",
    "remark",
    "emphasize",
    "emphasise",
    "underline",
    "recall",
    "observe",
    "comment",
    "clarify",
    "acknowledge",
    "believe",
    "think",
];

/// Verbs of demanding: their object is the goal of the action they accompany ("marched,
/// demanding new elections").
pub const DEMANDING: &[&str] =
    &["demand", "call", "seek", "urge", "ask", "press", "push", "protest", "oppose", "denounce", "insist"];

/// Prepositions that place something outside a place, and so never say whose it is: forces
/// "around Ukraine" are not Ukraine's (infrastructure "across Ukraine" is).
pub const SPATIAL: &[&str] = &["around", "near", "along", "outside", "beyond"];

/// Verbs whose subject, not their object, does what the infinitive says ("promised Kyiv to
/// send tanks": the promiser sends).
pub const SUBJECT_CONTROL: &[&str] = &["promise", "pledge", "vow", "swear", "guarantee"];

/// Verbs of appeal whose object does what their infinitive says ("urged the EU to resume
/// talks"), even where the parser reads the infinitive as a purpose.
pub const OBJECT_CONTROL: &[&str] =
    &["urge", "call", "ask", "press", "pressure", "push", "encourage", "invite", "persuade", "tell", "order"];

/// Verbs done against someone: helping or supporting them is no help to whom they are done
/// to ("help defund Russia's war machine", "support designating Russia a sponsor of terror").
pub const HOSTILE_AIMS: &[&str] = &[
    "counter",
    "defund",
    "prevent",
    "stop",
    "fight",
    "deter",
    "punish",
    "weaken",
    "isolate",
    "sanction",
    "designate",
    "combat",
    "curb",
    "block",
    "halt",
    "destroy",
    "defeat",
    "oppose",
    "resist",
    "expose",
    "contain",
    "starve",
];

/// Verbs whose "on" phrase names the one who is to act ("called on Russia to withdraw").
pub const CALL_ON: &[&str] = &["call", "prevail", "appeal", "rely", "count", "lean"];

/// Nouns of trying, planning or being free to act, whose infinitive is done by the noun's
/// agent and is only aimed at ("a Russian plot to kill X", "Ukraine's right to strike Y").
pub const ATTEMPT_NOUNS: &[&str] = &[
    "attempt",
    "plot",
    "bid",
    "effort",
    "conspiracy",
    "scheme",
    "try",
    "attempts",
    "plots",
    "efforts",
    "plan",
    "plans",
    "decision",
    "intention",
    "readiness",
    "willingness",
    "determination",
    "ambition",
    "right",
    "ability",
    "capability",
    "capacity",
    "permission",
    "refusal",
];

/// Light verbs whose subject makes the attempt or plan they govern ("made an attempt to ...",
/// "has no plans to ...", "took the decision to ...", "drew up a plan to ...").
pub const LIGHT_TRY: &[&str] = &[
    "make",
    "have",
    "take",
    "draw",
    "prepare",
    "develop",
    "announce",
    "unveil",
    "adopt",
    "approve",
    "reach",
    "launch",
    "lead",
    "mount",
    "undertake",
    "pursue",
    "spearhead",
    "intensify",
    "redouble",
    "step",
    "begin",
    "start",
    "continue",
    "renew",
    "resume",
    "stage",
];

/// Verbs whose subject carries out (or plans, orders, owns up to) the attack, invasion or
/// strike that is their object ("launched an offensive", "denied the attack"); the subject of
/// any other verb ("helped prevent attacks on Israel") is not the attacker.
pub const ATTACK_DOING: &[&str] = &[
    "launch",
    "carry",
    "conduct",
    "mount",
    "stage",
    "commit",
    "perpetrate",
    "unleash",
    "wage",
    "order",
    "begin",
    "start",
    "continue",
    "resume",
    "renew",
    "intensify",
    "step",
    "escalate",
    "expand",
    "undertake",
    "lead",
    "make",
    "claim",
    "deny",
    "admit",
    "plan",
    "prepare",
    "authorize",
    "authorise",
    "approve",
    "execute",
    "choose",
    "increase",
];

/// Verbs whose negation leaves what they govern possible ("did not rule out sending troops").
pub const EXCLUDING: &[&str] = &["exclude", "rule"];

/// Verbs that keep someone from doing something ("kept Russia from taking part"): what they
/// keep their object from did not take place.
pub const KEEPING_FROM: &[&str] = &[
    "keep",
    "prevent",
    "stop",
    "bar",
    "ban",
    "deter",
    "dissuade",
    "discourage",
    "block",
    "prohibit",
    "forbid",
    "restrain",
    "hinder",
    "preclude",
    "exclude",
    "hold",
    "save",
    "spare",
    "disqualify",
    "restrict",
];

/// Verbs of stopping an act before it happens: what they govern did not take place.
pub const FOILING: &[&str] =
    &["foil", "thwart", "avert", "prevent", "preempt", "pre-empt", "frustrate", "forestall", "stymie"];

/// Nouns for written statements ("X's statement", "a communique from X").
pub const STATEMENT_NOUNS: &[&str] =
    &["statement", "communique", "release", "readout", "announcement", "report", "note"];

/// Modality imposed on a complement by its governing word ("denies that ...", "plans to ...").
pub fn governing(lemma_forms: &[String]) -> Option<Modality> {
    let has = |set: &[&str]| lemma_forms.iter().any(|l| set.contains(&l.as_str()));
    if has(&["deny", "dismiss", "refute", "rebuff", "denial"]) {
        Some(Modality::Denied)
    } else if has(&[
        "refuse",
        "refusal",
        "fail",
        "decline",
        "avoid",
        "refrain",
        "reluctant",
        "reluctance",
        "unwilling",
        "unwillingness",
        "failure",
        "unable",
        "impossible",
        "opposite",
    ]) || has(FOILING)
    {
        Some(Modality::Negated)
    } else if has(&[
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "threaten",
        "warn",
        "fear",
        "worry",
        "risk",
        "prospect",
        "possibility",
        "threat",
        "concern",
        "speculation",
        "speculate",
        "rumor",
        "rumour",
        "urge",
        "pressure",
        "need",
        "oblige",
        "obligate",
        "obligation",
        "demand",
        "ask",
        "call",
        "press",
        "push",
        "appeal",
        "request",
        "suggest",
        "hope",
        "wish",
        "expect",
        "predict",
        "likely",
        "unlikely",
        "may",
        "might",
        "could",
        "scenario",
        "danger",
        "fears",
        "concerns",
        "possible",
        "chance",
        "would",
        "anticipate",
        "invite",
        "encourage",
        "persuade",
        "ready",
        "prepared",
        "willing",
        "willingness",
        "readiness",
        "able",
        "option",
        "idea",
        "proposal",
    ]) {
        Some(Modality::Hypothetical)
    } else if has(&[
        "plan",
        "intend",
        "try",
        "attempt",
        "aim",
        "seek",
        "want",
        "prepare",
        "vow",
        "pledge",
        "promise",
        "agree",
        "offer",
        "propose",
        "decide",
        "resolve",
        "determine",
        "determined",
        "intention",
        "intent",
        "plans",
        "commit",
        "mean",
        "planned",
        "task",
    ]) {
        Some(Modality::Intended)
    } else if has(&["schedule", "due", "set", "slate", "going", "poised"]) {
        Some(Modality::Future)
    } else if has(&["claim", "allege", "accuse", "report_", "reportedly", "rumored", "purport"]) {
        Some(Modality::Reported)
    } else {
        None
    }
}

/// Verbs that announce what someone will do: a "would" in the clause they report is a "will"
/// of the time of speaking ("Russia said it would withdraw"). Not verbs of belief or warning,
/// whose "would" is a guess ("officials believed it would raise prices").
pub const ANNOUNCING: &[&str] =
    &["say", "announce", "tell", "state", "add", "confirm", "declare", "promise", "pledge", "vow", "insist", "write"];

/// Modality of an auxiliary or adverb attached to the trigger's clause.
pub fn auxiliary(word: &str, conditional_sentence: bool) -> Option<Modality> {
    Some(match word {
        "will" | "shall" | "'ll" | "wo" | "wont" if conditional_sentence => Modality::Conditional,
        "will" | "shall" | "'ll" | "wo" | "wont" => Modality::Future,
        "may" | "might" | "could" | "can" | "must" | "ought" | "possibly" | "perhaps" | "probably" | "maybe" => {
            Modality::Hypothetical
        }
        "would" | "'d" if conditional_sentence => Modality::Conditional,
        "would" | "'d" | "should" => Modality::Hypothetical,
        // (with a typographic apostrophe too: "doesn’t")
        "not" | "n't" | "n\u{2019}t" | "never" | "no" | "neither" | "nor" | "without" => Modality::Negated,
        "reportedly" | "allegedly" | "purportedly" | "supposedly" | "apparently" | "reputedly" => Modality::Reported,
        "if" | "unless" => Modality::Conditional,
        "whether" => Modality::Hypothetical,
        _ => return None,
    })
}

/// Modality of an adjective on a nominal trigger ("a possible invasion").
pub fn adjective(word: &str) -> Option<Modality> {
    Some(match word {
        "possible" | "potential" | "likely" | "feared" | "imminent" | "looming" | "threatened" | "hypothetical"
        | "prospective" | "probable" | "conceivable" | "would-be" => Modality::Hypothetical,
        "planned" | "proposed" | "intended" | "envisaged" | "contemplated" => Modality::Intended,
        "alleged" | "reported" | "purported" | "suspected" | "claimed" => Modality::Reported,
        "upcoming" | "future" | "scheduled" | "forthcoming" | "next" => Modality::Future,
        "failed" | "aborted" => Modality::Negated,
        _ => return None,
    })
}

/// Rank of a modality when several cues apply: the first in this order wins.
pub fn rank(m: Modality) -> u8 {
    match m {
        Modality::Denied => 0,
        Modality::Conditional => 1,
        Modality::Negated => 2,
        Modality::Hypothetical => 3,
        Modality::Intended => 4,
        Modality::Future => 5,
        Modality::Reported => 6,
        Modality::Asserted => 7,
    }
}

/// Nouns naming an actor's agents, with the CAMEO role code they add to a country.
pub fn agent_role(word: &str) -> Option<&'static str> {
    Some(match word {
        "troops" | "troop" | "forces" | "force" | "soldiers" | "soldier" | "army" | "military" | "personnel"
        | "servicemen" | "navy" | "warplanes" | "jets" | "artillery" | "tanks" | "militaries" | "armies"
        | "marines" | "paratroopers" => "MIL",
        "police" | "policemen" | "officers" => "COP",
        "rebels" | "rebel" | "separatists" | "separatist" | "insurgents" | "militants" | "rebellion" | "insurgency"
        | "militias" | "militia" => "REB",
        "government" | "authorities" | "officials" | "official" | "ministry" | "administration" | "cabinet"
        | "diplomats" | "embassy" | "leadership" | "regime" | "president" | "minister" | "leader" | "leaders" => "GOV",
        "opposition" | "protesters" | "protestors" | "demonstrators" | "activists" | "dissidents" => "OPP",
        "media" | "journalists" | "journalist" | "reporters" => "MED",
        "civilians" | "residents" | "people" | "citizens" => "CVL",
        _ => return None,
    })
}

/// Quantifier heads whose "of" phrase carries the real noun ("some of its units", "a new
/// round of sanctions").
pub fn is_quantifier(word: &str) -> bool {
    matches!(
        word,
        "some"
            | "most"
            | "all"
            | "many"
            | "part"
            | "half"
            | "rest"
            | "thousands"
            | "hundreds"
            | "dozens"
            | "number"
            | "majority"
            | "bulk"
            | "several"
            | "few"
            | "remainder"
            | "tens"
            | "millions"
            | "much"
            | "any"
            | "each"
            | "round"
            | "rounds"
            | "package"
            | "wave"
            | "series"
            | "tranche"
            | "batch"
    )
}

/// Nouns that name others by their relation to an actor: "Kyiv's allies" are not Kyiv, so the
/// possessor or "of" phrase of these nouns never stands for the phrase's actor. (Supporters
/// and backers are not here: "supporters of the opposition" act for the opposition.)
pub fn is_relational(word: &str) -> bool {
    matches!(
        word,
        "ally"
            | "allies"
            | "partner"
            | "partners"
            | "friend"
            | "friends"
            | "enemy"
            | "enemies"
            | "foe"
            | "foes"
            | "neighbour"
            | "neighbours"
            | "neighbor"
            | "neighbors"
            | "opponent"
            | "opponents"
            | "critic"
            | "critics"
            | "adversary"
            | "adversaries"
            | "rival"
            | "rivals"
            | "sponsor"
            | "sponsors"
            | "proxy"
            | "proxies"
            | "patron"
            | "patrons"
    )
}

/// Relative pronouns: a subject that stands for the noun its clause modifies.
pub fn is_relative(word: &str) -> bool {
    matches!(word, "which" | "who" | "that" | "whom" | "whose")
}

/// Nouns naming an armed attack: in "were killed in a Russian missile strike" the attack's
/// modifier names who killed.
pub const ATTACK_NOUNS: &[&str] = &[
    "strike",
    "airstrike",
    "attack",
    "shelling",
    "bombing",
    "bombardment",
    "raid",
    "offensive",
    "assault",
    "barrage",
    "fire",
    "missile",
    "drone",
    "rocket",
    "artillery",
    "ambush",
    "shootout",
    "gunfire",
    "firing",
    "shooting",
    "bullet",
];

/// Misfortunes without an agent: whose plane, bus or train it was names no killer.
pub const ACCIDENT_NOUNS: &[&str] =
    &["crash", "accident", "collision", "derailment", "stampede", "landslide", "earthquake", "flood", "storm"];

/// Prepositions of a time adjunct whose event happened, whatever governs the clause it
/// hangs on ("pledged support after holding talks", "warned during a visit").
pub const TIME_ADJUNCTS: &[&str] = &["after", "following", "since", "during", "amid"];

/// Where the arrested are kept: whose custody it is names no one arrested.
pub const CUSTODY: &[&str] = &["custody", "detention", "jail", "prison"];

/// What may be arrested or held that is no person ("arrest the decline", "talks were held"):
/// no one is detained.
pub const HELD_THINGS: &[&str] = &[
    "situation",
    "decline",
    "slide",
    "spread",
    "growth",
    "trend",
    "fall",
    "deterioration",
    "momentum",
    "inflation",
    "erosion",
    "drift",
    "development",
    "talk",
    "meeting",
    "election",
    "rally",
    "event",
    "discussion",
    "session",
    "consultation",
    "negotiation",
    "ceremony",
    "vote",
    "referendum",
    "conference",
    "summit",
    "protest",
    "demonstration",
    "exercise",
    "drill",
    "funeral",
    "prayer",
    "hearing",
    "view",
    "position",
    "office",
    "post",
    "seat",
    "record",
];

/// Victims named only as people ("killed five civilians"): the civilians of the place.
pub const VICTIM_NOUNS: &[&str] = &[
    "civilian",
    "people",
    "person",
    "child",
    "resident",
    "villager",
    "woman",
    "man",
    "inhabitant",
    "citizen",
    "family",
    "victim",
    "passer-by",
    "worker",
];

/// Words whose company makes "attack" an attack in words.
pub const CRITICISING: &[&str] = &[
    "slander",
    "criticize",
    "criticise",
    "accuse",
    "denounce",
    "condemn",
    "insult",
    "mock",
    "blame",
    "vilify",
    "smear",
    "lambast",
    "berate",
    "ridicule",
    "disparage",
    "defame",
];

/// What only words can attack.
pub const STANCES: &[&str] = &[
    "policy",
    "policies",
    "remark",
    "remarks",
    "comment",
    "comments",
    "statement",
    "statements",
    "decision",
    "stance",
    "record",
    "handling",
    "speech",
    "idea",
    "proposal",
    "bill",
    "rhetoric",
    "view",
    "views",
    "claim",
    "claims",
];

/// Eras of the past that news names as the time of what it tells, in a phrase opening the
/// sentence ("In World War II, ...", "During the Cold War, ..."; not "the largest war since
/// World War II", nor "recalled the alliance during World War II").
pub const PAST_ERAS: &[&str] = &[
    "world war ii",
    "world war two",
    "world war 2",
    "world war i",
    "world war one",
    "world war 1",
    "wwii",
    "ww2",
    "wwi",
    "the second world war",
    "the first world war",
    "the great patriotic war",
    "the cold war",
    "the soviet era",
    "soviet times",
    "the soviet period",
];
