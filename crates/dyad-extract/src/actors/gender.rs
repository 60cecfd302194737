//! Whom "he" and "she" may stand for: the gender a person's given name tells, where it tells
//! one. Coreference ([`super::coref`]) never takes a woman for "he" nor a man for "she"; a
//! name that tells nothing (a surname alone, a name of either gender, a name it does not
//! know) fits both.
//!
//! Women's given names are listed here; men's are the first names of the lexicon's people
//! that are none of those, save names of either gender and the people of countries whose
//! names put the family name first ("Tsai Ing-wen", "Park Geun-hye").

use dyad_lexicon::{Kind, Lexicon};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

impl Gender {
    pub(crate) fn other(self) -> Gender {
        match self {
            Gender::Female => Gender::Male,
            Gender::Male => Gender::Female,
        }
    }
}

/// Given names of women, as news in English writes them (separated by spaces).
const WOMEN: &str = "\
    Agathe Agnieszka Agnès Alenka Alexandria Alice Alicia Alla Amber Amina Ana Anastasia Angela \
    Angie Anita Ank Ann Anna Annalena Anne Anne-Marie Annegret Anneli Annika Anniken Antonia Arancha \
    Asha-Rose Atifete Audrey Avril Ayelet Baiba Barbara Beata Beate Benazir Benita Beth Birgit \
    Bridget Brigitte Carme Carol Caroline Carrie Catherine Chandrika Christiane Christine Chrystia \
    Cindy Clare Claudia Condoleezza Corazon Cristina Dalia Dame Daria Darya Delcy Denise Diana Dilma \
    Dina Dora Doris Droupadi Ekaterina Elena Elina Elisabeth Elisabetta Elise Elizabeth Ellen Elvira \
    Emily Emma Erna Ertharin Eva Eva-Maria Evika Ewa Fatou Federica Florence Francesca Francia \
    Frauke Gabriela Galina Gina Giorgia Gloria Golda Gordana Gro Hadja Halimah Halla Hanan Hanke \
    Hanna Harini Hasina Haya Helen Helena Helga Helle Henrietta Hilda Hillary Hina Hélène Ilhan \
    Indira Ine Inga Inger Ingrida Inna Irina Iryna Iveta Jacinda Jadranka Jana Jane Janet \
    Jayalalithaa Jeanine Jeanne Jen Jennie Jennifer Jenny Jessica Jolanta Josette Joyce Judith Julia \
    Julianne Jóhanna Kaja Kajsa Kamala Kamla Karen Karin Karine Karoline Katalin Katarina Katarzyna \
    Kate Katerina Kateryna Katie Katrín Kazimira Kemi Kersti Khaleda Khrystyna Kirstjen Klaudia \
    Kolinda Kristalina Kristen Kristi Kristina Kristrún Lady Laimdota Larisa Laura Lauren Lene Leni \
    Linda Lindiwe Lisa Liz Louise Luciana Ludivine Luisa Luminița Lynne Lyudmila Madeleine Magda \
    Magdalena Maia Maite Maka Makiko Mamata Margaret Margarita Margot Margrethe Mari Maria Marie \
    Marija Marina Marine Marise Marjorie Marta Martine Mary Maryam María Mayawati Małgorzata \
    Megawati Mehriban Mette Mia Micheline Michelle Michèle Mireya Miri Mirjana Monica Mélanie \
    Nadezhda Najla Naledi Nanaia Nancy Natalia Natalya Nataša Netumbo Ngozi Nicole Nikki Nirmala \
    Nkosazana Nosiviwe Oana Oksana Olena Olga Olha Orit Paetongtarn Pam Patricia Penny Portia \
    Pratibha Priti Priyanka Pushpa Queen Rachel Radmila Raychelle Rebecca Retno Roberta Robinah Rosa \
    Rosalyn Rose Rosemary Roza Ruth Saara Sabrina Sadako Sahle-Work Salome Samantha Samia Sanae \
    Sanna Sara Sarah Shabana Sheila Shireen Shirley Sigrid Silvia Simonetta Smriti Sonia Sophie \
    Suella Susan Susana Susanna Sushila Sushma Sussan Svetlana Sviatlana Sylvie Ségolène Tanja Tansu \
    Tarja Tatiana Tatyana Tea Thandi Theresa Thérèse Tomoko Tomomi Tulsi Tzipi Uma Ursula Vaira \
    Valentina Valérie Vasundhara Victoire Victoria Vigdís Viktoria Viola Violeta Viorica Vjosa Wendy \
    Xiomara Yana Yekaterina Yingluck Ylva Yoko Yoriko Yulia Yuliya Yuriko Yvette Zuzana Édith \
    Élisabeth Željka";

/// Given names borne by men and women alike, or in one language by men and in another by
/// women ("Jean", "Andrea", "Nicola"), and titles borne by both ("Sheikh Hasina"): they tell
/// nothing (separated by spaces). Titles of men ("Pope", "King") are men's first words in the
/// lexicon; of women ("Queen", "Dame") they are among women's names.
const EITHER: &str = "\
    Alexis Andrea Ash Aung Camille Chris Claude Dominique Gabi Jan Jean Jo Joan Kelly Kim Lee Leslie \
    Lindsey Michele Morgan Nana Nicola Nino Pat Robin Sam Sandy Sasha Sheikh Simone Valentine Vivian";

/// Countries whose people's names put the family name first.
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "KHM", "MNG"];

/// The genders that given names tell, built once from the lexicon.
#[derive(Clone, Debug, Default)]
pub(crate) struct GivenNames {
    women: HashSet<&'static str>,
    men: HashSet<String>,
}

impl GivenNames {
    pub(crate) fn from_lexicon(lex: &Lexicon) -> GivenNames {
        let women: HashSet<&'static str> = WOMEN.split_whitespace().collect();
        let either: HashSet<&str> = EITHER.split_whitespace().collect();
        let men = lex
            .entries()
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .filter(|e| e.code.as_deref().and_then(|c| c.get(..3)).is_none_or(|c| !FAMILY_NAME_FIRST.contains(&c)))
            .filter_map(|e| first_name(&e.canonical))
            .filter(|n| !women.contains(n) && !either.contains(n))
            .map(str::to_string)
            .collect();
        GivenNames { women, men }
    }

    /// The gender that the given name of `name` ("Liz Truss", "sonia gandhi") tells, if any.
    pub(crate) fn of(&self, name: &str) -> Option<Gender> {
        let first = capitalised(first_name(name)?);
        if self.women.contains(first.as_str()) {
            Some(Gender::Female)
        } else if self.men.contains(&first) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// `word` with a capital and the rest in lower case, as the lists write names (texts in lower
/// case or capitals write them otherwise).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()).unwrap_or_default()
}

/// The first word of a name of two words or more: a surname alone tells no given name.
fn first_name(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next().is_some().then_some(first)
}
