//! Class, id and role hints: does a name suggest article content or page furniture?
//!
//! Names are split into lowercase alphanumeric words, also at camelCase humps
//! (`story-body__text` gives `story`, `body`, `text`; `imageEmbedCaption` gives `image`,
//! `embed`, `caption`); each word is compared with short lists written for this project. Words
//! naming furniture (navigation, sharing, comments, promotions, consent banners, ...) weigh more
//! than words naming content, and a class token with a furniture word gets no credit for its
//! content words, so `article-related`, `articleByline` or `comments-content` count as furniture.

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
            const STRONG_ROOTS: [&[u8]; 15] = [
                b"comment",
                b"signup",
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
            const WEAK_ROOTS: [&[u8]; 3] = [b"caption", b"credit", b"byline"];
            if w.len() > 7 && WEAK_ROOTS.iter().any(|r| contains(w, r)) {
                return WEAK_NEG;
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

/// Scores the words of one attribute value (class, id or role); adds into `acc`. Words split at
/// non-alphanumerics and at camelCase humps (`imageEmbedCaption` gives `image`, `embed`,
/// `caption`). Positive words count at most twice, and not at all in a class token that also
/// names furniture (`article-byline`, `storyRelated`); each kind of negative (strong, weak)
/// counts once, so a WordPress `tag-foo tag-bar` list weighs no more than a single furniture word.
pub(crate) fn score_names(value: &str, acc: &mut i16) {
    let mut word = [0u8; 24];
    let mut len = 0usize;
    let mut overflow = false;
    let (mut pos, mut strong, mut weak) = (0i16, false, false);
    // Within the current whitespace-separated token.
    let (mut tok_pos, mut tok_neg) = (0i16, false);
    let mut prev_lower = false;
    let bytes = value.as_bytes();
    for k in 0..=bytes.len() {
        let b = bytes.get(k).copied().unwrap_or(b' ');
        let hump = b.is_ascii_uppercase() && prev_lower;
        prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        if len > 0 && (hump || !b.is_ascii_alphanumeric()) {
            if !overflow {
                match word_weight(word.get(..len).unwrap_or(&[])) {
                    POS => tok_pos += POS,
                    STRONG_NEG => {
                        strong = true;
                        tok_neg = true;
                    }
                    WEAK_NEG => {
                        weak = true;
                        tok_neg = true;
                    }
                    _ => {}
                }
            }
            len = 0;
            overflow = false;
        }
        if b.is_ascii_alphanumeric() {
            if let Some(slot) = word.get_mut(len) {
                *slot = b.to_ascii_lowercase();
                len += 1;
            } else {
                overflow = true;
            }
        } else if b.is_ascii_whitespace() {
            if !tok_neg {
                pos = (pos + tok_pos).min(2 * POS);
            }
            (tok_pos, tok_neg) = (0, false);
        }
    }
    let neg = if strong { STRONG_NEG } else { 0 } + if weak { WEAK_NEG } else { 0 };
    *acc = acc.saturating_add(pos + neg);
}
