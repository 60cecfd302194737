//! Class, id and role hints: does a name suggest article content or page furniture?
//!
//! Names are split into lowercase alphanumeric words (`story-body__text` gives `story`,
//! `body`, `text`); each word is compared with short lists written for this project. Words
//! naming furniture (navigation, sharing, comments, promotions, consent banners, ...) weigh more
//! than words naming content, so `article-related` or `comments-content` count as furniture.

/// Weight of a word that names page furniture strongly.
const STRONG_NEG: i16 = -3;
/// Weight of a word that names page furniture weakly.
const WEAK_NEG: i16 = -1;
/// Weight of a word that names content.
const POS: i16 = 1;

/// Scores one lowercase word.
fn word_weight(w: &[u8]) -> i16 {
    match w {
        b"article" | b"articles" | b"story" | b"content" | b"entry" | b"body" | b"text" | b"main" | b"post"
        | b"prose" | b"richtext" | b"articlebody" | b"storybody" | b"bodytext" | b"articletext" | b"storytext"
        | b"postbody" | b"postcontent" | b"entrycontent" | b"maincontent" | b"articlecontent" | b"paragraph" => POS,
        b"nav" | b"navbar" | b"navigation" | b"menu" | b"footer" | b"sidebar" | b"rail" | b"comments" | b"comment"
        | b"related" | b"share" | b"sharing" | b"social" | b"cookie" | b"cookies" | b"consent" | b"gdpr"
        | b"newsletter" | b"subscribe" | b"signup" | b"promo" | b"promotion" | b"ad" | b"ads" | b"adv" | b"advert"
        | b"advertisement" | b"sponsor" | b"sponsored" | b"breadcrumb" | b"breadcrumbs" | b"pagination" | b"pager"
        | b"popup" | b"modal" | b"outbrain" | b"taboola" | b"recirc" | b"trending" | b"mostread" | b"mostpopular"
        | b"masthead" | b"toolbar" | b"skip" | b"dfp" | b"disqus" | b"widget" | b"widgets" => STRONG_NEG,
        b"tags" | b"keywords" | b"topics" | b"byline" | b"caption" | b"credit" | b"credits" | b"meta" | b"dateline"
        | b"timestamp" | b"author" | b"bio" | b"disclaimer" | b"copyright" | b"legal" | b"popular" | b"recommended"
        | b"more" | b"login" | b"banner" | b"overlay" | b"dropdown" | b"follow" | b"print" | b"subscription"
        | b"teaser" | b"promos" | b"embed" | b"video" | b"gallery" | b"slideshow" | b"inline" | b"aside"
        | b"newsletters" | b"toc" | b"sronly" | b"visually" => WEAK_NEG,
        _ => {
            const STRONG_ROOTS: [&[u8]; 14] = [
                b"comment",
                b"share",
                b"social",
                b"sidebar",
                b"related",
                b"cookie",
                b"newslet",
                b"subscri",
                b"advert",
                b"sponsor",
                b"breadcrumb",
                b"recommend",
                b"outbrain",
                b"taboola",
            ];
            if w.len() > 5 && STRONG_ROOTS.iter().any(|r| contains(w, r)) {
                return STRONG_NEG;
            }
            if w.len() > 6 && (contains(w, b"article") || contains(w, b"story") || contains(w, b"content")) {
                return POS;
            }
            0
        }
    }
}

/// Whether `hay` contains `needle`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Scores the words of one attribute value (class, id or role); adds into `acc`. Positive
/// words count at most twice; each kind of negative (strong, weak) counts once, so a WordPress
/// `tag-foo tag-bar` list weighs no more than a single furniture word.
pub(crate) fn score_names(value: &str, acc: &mut i16) {
    let mut word = [0u8; 24];
    let mut len = 0usize;
    let mut overflow = false;
    let (mut pos, mut strong, mut weak) = (0i16, false, false);
    for &b in value.as_bytes().iter().chain(std::iter::once(&b' ')) {
        if b.is_ascii_alphanumeric() {
            if let Some(slot) = word.get_mut(len) {
                *slot = b.to_ascii_lowercase();
                len += 1;
            } else {
                overflow = true;
            }
        } else if len > 0 {
            if !overflow {
                match word_weight(word.get(..len).unwrap_or(&[])) {
                    POS => pos = (pos + POS).min(2 * POS),
                    STRONG_NEG => strong = true,
                    WEAK_NEG => weak = true,
                    _ => {}
                }
            }
            len = 0;
            overflow = false;
        }
    }
    let neg = if strong { STRONG_NEG } else { 0 } + if weak { WEAK_NEG } else { 0 };
    *acc = acc.saturating_add(pos + neg);
}
