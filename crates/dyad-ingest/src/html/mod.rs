//! Article body and metadata extraction from HTML news pages.
//!
//! [`extract_html`] takes the raw bytes of one page and returns an [`HtmlArticle`]: the body as
//! paragraphs separated by a blank line, plus title, publication date, author, canonical URL,
//! site name and language when the page states them. It never fails and never panics; a page
//! with nothing recognisable gives empty text.
//!
//! # Design
//!
//! One pass of a lenient byte-level tokenizer (`tokenizer`) feeds a light tree builder
//! (`tree`) and the metadata collector (`meta`) at once; a content scorer (`content`) then picks
//! the element whose prose outweighs its furniture and cleans its blocks. There is no spec
//! tree builder and no CSS selector engine: the price is that some misnested markup is read
//! differently from a browser, which rarely matters for text. Every pass over the tree is a
//! loop over a vector in document order, so nesting depth costs no stack.
//!
//! # Not here
//!
//! No fetching, no JavaScript, no boilerplate learning: the hint lists and thresholds are
//! fixed and written for this project.
//!
//! # Example
//!
//! ```
//! use dyad_ingest::extract_html;
//!
//! let page = br#"<html lang="en"><head><title>Talks resume | Example News</title>
//! <meta property="article:published_time" content="2019-11-05T10:00:00Z"></head>
//! <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><h1>Talks resume</h1><p>Negotiators from both sides met in Geneva on Tuesday, the first
//! meeting since the summer.</p><p>They agreed to meet again next month, officials said.</p></article>
//! <footer>Copyright Example News</footer></body></html>"#;
//! let a = extract_html(page, None, None);
//! assert_eq!(a.title.as_deref(), Some("Talks resume"));
//! assert_eq!(a.published.as_deref(), Some("2019-11-05T10:00:00Z"));
//! assert_eq!(a.language.as_deref(), Some("en"));
//! assert!(a.text.starts_with("Negotiators from both sides"));
//! assert!(a.text.contains("\n\nThey agreed"));
//! assert!(!a.text.contains("Home") && !a.text.contains("Copyright"));
//! ```

use std::borrow::Cow;

mod charset;
mod content;
mod hints;
mod meta;
mod tokenizer;

/// Character references (`&amp;`, `&#8212;`) decoded as the HTML reader does; feeds use it too.
pub(crate) use tokenizer::decode_entities;
mod tree;

#[cfg(test)]
mod tests;

/// The article found in one HTML page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Headline, with a trailing or leading site name removed.
    pub title: Option<String>,
    /// Body text: paragraphs separated by `\n\n`, whitespace collapsed inside each; the title
    /// is not repeated. Empty when no body was found.
    pub text: String,
    /// Publication date-time as the page states it (usually ISO 8601, maybe with a zone).
    pub published: Option<String>,
    /// Author name(s), comma-separated when several.
    pub author: Option<String>,
    /// Canonical URL (`link[rel=canonical]`, `og:url`, else the page URL given).
    pub url: Option<String>,
    /// Site name (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// Language tag as declared (`<html lang>`, `content-language`, `og:locale`).
    pub language: Option<String>,
}

/// Extracts the article body and metadata from one HTML page.
///
/// `bytes` is the page as fetched. `content_type_charset` is the `charset` parameter of an HTTP
/// `Content-Type` header, if there was one. `page_url` is the address the page came from; it
/// fills [`HtmlArticle::url`] when the page names no canonical URL and lets a date in the
/// URL path stand in for a missing publication date.
pub fn extract_html(bytes: &[u8], content_type_charset: Option<&str>, page_url: Option<&str>) -> HtmlArticle {
    extract(Cow::Borrowed(bytes), content_type_charset, page_url)
}

/// [`extract_html`] on a page the caller gives away: its bytes are freed as soon as the tree
/// is built, which keeps the peak memory of a very large page lower.
pub(crate) fn extract_html_owned(
    bytes: Vec<u8>,
    content_type_charset: Option<&str>,
    page_url: Option<&str>,
) -> HtmlArticle {
    extract(Cow::Owned(bytes), content_type_charset, page_url)
}

fn extract(bytes: Cow<'_, [u8]>, content_type_charset: Option<&str>, page_url: Option<&str>) -> HtmlArticle {
    let (tree, m) = {
        let src = charset::decode(&bytes, content_type_charset);
        let mut collector = meta::Collector::default();
        let tree = tree::build(&src, &mut collector);
        let m = collector.finish(&tree, page_url);
        (tree, m)
    };
    drop(bytes);
    let text = content::extract(&tree, m.title.as_deref());
    HtmlArticle {
        title: m.title,
        text,
        published: m.published,
        author: m.author,
        url: m.url,
        site_name: m.site_name,
        language: m.language,
    }
}
