//! The dictionary files compiled into the binary, from the repository's `lexicon/` directory.

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../lexicon/", $name)))),*]
    };
}

/// `(file name, text)` of every embedded dictionary, units and countries first.
pub(crate) static FILES: &[(&str, &str)] = files![
    "units.tsv",
    "countries.tsv",
    "places.tsv",
    "orgs.tsv",
    "companies.tsv",
    "media.tsv",
    "parties.tsv",
    "agents.tsv",
    "people/americas.tsv",
    "people/europe.tsv",
    "people/russia_ukraine.tsv",
    "people/middle_east.tsv",
    "people/asia.tsv",
    "people/africa.tsv",
    "people/igo.tsv",
];

/// The generated gazetteer (`lexicon/gazetteer.tsv`): looked up, never parsed as a whole.
pub(crate) static GAZETTEER: &str = include_str!("../../../lexicon/gazetteer.tsv");
