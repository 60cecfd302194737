//! RSS and Atom feeds (and JSON Feed): each item becomes an article, its text taken from
//! the item's full content when the feed carries it, else from its summary.

use crate::html::decode_entities;
use feed_rs::model::{Entry, Feed};

/// One feed item, before it becomes an [`Article`](crate::Article).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's id (guid), or its link.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// The item's link.
    pub url: Option<String>,
    /// Publication (else update) time, RFC 3339.
    pub published: Option<String>,
    /// First author's name.
    pub author: Option<String>,
    /// The body: full content if present, else the summary, as plain text.
    pub text: String,
}

/// Parses a feed document. The error is the parser's message.
pub fn read_feed(bytes: &[u8]) -> Result<Vec<FeedItem>, String> {
    let feed: Feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable RSS/Atom feed: {e}"))?;
    Ok(feed.entries.into_iter().map(item).collect())
}

fn item(entry: Entry) -> FeedItem {
    let url = entry.links.first().map(|l| l.href.clone());
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let id = if entry.id.is_empty() { url.clone().unwrap_or_default() } else { entry.id.clone() };
    FeedItem {
        id,
        title: entry.title.map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty()),
        url,
        published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
        author: entry.authors.into_iter().find_map(|p| p.name).filter(|n| !n.trim().is_empty()),
        text: fragment_text(&body),
    }
}

/// Plain text of a small HTML fragment (a feed item's body): tags dropped, block tags
/// and `<br>` turned into paragraph breaks, common entities decoded. Text that holds no
/// tags passes through with its whitespace tidied.
pub(crate) fn fragment_text(html: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = html;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    while let Some(lt) = rest.find('<') {
        current.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "tr" | "section"
        ) {
            flush(&mut current, &mut paragraphs);
        }
        rest = &rest[lt + gt + 1..];
    }
    current.push_str(&decode_entities(rest));
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Talks in Geneva</title><link>https://news.example/geneva</link><guid>g-1</guid>
<pubDate>Sun, 13 Feb 2022 09:30:00 +0100</pubDate>
<description>&lt;p&gt;Envoys met on Saturday.&lt;/p&gt;&lt;p&gt;They will meet again &amp;amp; talk.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://news.example/empty</link></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2022-02-13T10:00:00Z</updated>
<entry><title>Ceasefire holds</title><id>urn:e1</id><link href="https://desk.example/e1"/>
<updated>2022-02-13T10:00:00Z</updated><author><name>A. Writer</name></author>
<content type="html">&lt;p&gt;The ceasefire held overnight.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items() {
        let items = read_feed(RSS.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "g-1");
        assert_eq!(items[0].url.as_deref(), Some("https://news.example/geneva"));
        assert_eq!(items[0].published.as_deref(), Some("2022-02-13T08:30:00+00:00"));
        assert_eq!(items[0].text, "Envoys met on Saturday.\n\nThey will meet again & talk.");
        assert_eq!(items[1].text, "");
    }

    #[test]
    fn atom_entries() {
        let items = read_feed(ATOM.as_bytes()).unwrap();
        assert_eq!(items[0].author.as_deref(), Some("A. Writer"));
        assert_eq!(items[0].text, "The ceasefire held overnight.");
        assert_eq!(items[0].published.as_deref(), Some("2022-02-13T10:00:00+00:00"));
    }

    #[test]
    fn broken_feeds_are_errors() {
        assert!(read_feed(b"<rss><channel><item>").is_err() || read_feed(b"<rss><channel><item>").unwrap().len() <= 1);
        assert!(read_feed(b"\x00\x01binary").is_err());
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("a<br>b &#8212; c &#x41; &bogus; &"), "a\n\nb \u{2014} c A &bogus; &");
        assert_eq!(fragment_text("unclosed <b"), "unclosed <b", "text is never dropped");
    }
}
