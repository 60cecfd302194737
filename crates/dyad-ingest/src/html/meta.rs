//! Page metadata: title, publication date, author, canonical URL, site name and language.
//!
//! The [`Collector`] sees every start tag and raw text while the tree is built, so metadata
//! costs no second pass over the HTML. Each field keeps its best candidate by a fixed priority
//! (for the date: `article:published_time`, then JSON-LD `datePublished` of an article, then
//! `itemprop=datePublished`, then common `<meta>` names, then `<time datetime>`, then a date in
//! the URL); ties keep the first one in document order. JSON-LD is parsed with `serde_json`
//! and walked with an explicit stack.

use serde_json::Value;

use super::tokenizer::{Tag, attrs, decode_entities};
use super::tree::{Tree, push_collapsed};

/// A value with the priority of the source it came from.
#[derive(Default, Debug)]
struct Best {
    prio: u8,
    value: Option<String>,
}

impl Best {
    /// Keeps `value` if its priority beats the current one.
    fn offer(&mut self, prio: u8, value: &str) {
        let v = clean(value);
        if v.is_empty() || (self.value.is_some() && prio <= self.prio) {
            return;
        }
        self.prio = prio;
        self.value = Some(v);
    }
}

/// Decodes entities and collapses whitespace.
fn clean(raw: &str) -> String {
    let d = decode_entities(raw);
    let mut out = String::with_capacity(d.len());
    for w in d.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Collects metadata candidates while the tree is built.
#[derive(Default, Debug)]
pub(crate) struct Collector {
    title: Best,
    title_tag: Option<String>,
    published: Best,
    author: Best,
    url: Best,
    site_name: Best,
    language: Best,
    /// First `<h1>` node.
    pub h1: Option<u32>,
    /// Nodes whose text names an author (`rel=author`, `itemprop=author`).
    author_nodes: Vec<u32>,
    /// Whether the next raw text is a JSON-LD script.
    jsonld_pending: bool,
}

/// The metadata fields, resolved.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
}

/// Meta names that carry a publication date, with their priority.
fn date_meta_prio(key: &str) -> Option<u8> {
    Some(match key {
        "article:published_time" | "og:article:published_time" | "article:published" => 10,
        "datepublished" => 8,
        "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "published_time"
        | "published-date"
        | "article.published"
        | "article_date_original"
        | "original-publish-date"
        | "parsely-pub-date"
        | "sailthru.date"
        | "dc.date.issued"
        | "dcterms.issued"
        | "dc.date"
        | "dcterms.date"
        | "dc.date.created"
        | "dcterms.created"
        | "date"
        | "displaydate"
        | "publication_date"
        | "citation_publication_date"
        | "cxenseparse:recs:publishtime"
        | "og:published_time"
        | "release_date"
        | "ptime" => 7,
        _ => return None,
    })
}

/// Whether a string looks like a URL rather than a name.
fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") || s.starts_with("www.")
}

/// Strips a leading "By" from a byline.
fn strip_by(s: &str) -> &str {
    let t = s.trim();
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

impl Collector {
    /// Looks at one start tag; `node` is the index its tree node gets.
    pub(crate) fn start_tag(&mut self, tag: Tag, raw_attrs: &str, node: u32) {
        match tag {
            Tag::Meta => self.meta_tag(raw_attrs),
            Tag::Link => {
                let (mut rel, mut href) = ("", "");
                for (n, v) in attrs(raw_attrs) {
                    if n.eq_ignore_ascii_case("rel") {
                        rel = v;
                    } else if n.eq_ignore_ascii_case("href") {
                        href = v;
                    }
                }
                if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                    self.url.offer(10, href);
                }
            }
            Tag::Html => {
                for (n, v) in attrs(raw_attrs) {
                    if n.eq_ignore_ascii_case("lang") || n.eq_ignore_ascii_case("xml:lang") {
                        self.language.offer(10, v);
                    }
                }
            }
            Tag::Script => {
                self.jsonld_pending = attrs(raw_attrs)
                    .any(|(n, v)| n.eq_ignore_ascii_case("type") && v.to_ascii_lowercase().contains("ld+json"));
            }
            Tag::H1 => {
                if self.h1.is_none() {
                    self.h1 = Some(node);
                }
            }
            _ => {
                let mut itemprop = "";
                let mut datetime = "";
                let mut content = "";
                let mut rel = "";
                let mut pubish_class = false;
                for (n, v) in attrs(raw_attrs) {
                    if n.eq_ignore_ascii_case("itemprop") {
                        itemprop = v;
                    } else if n.eq_ignore_ascii_case("datetime") {
                        datetime = v;
                    } else if n.eq_ignore_ascii_case("content") {
                        content = v;
                    } else if n.eq_ignore_ascii_case("rel") {
                        rel = v;
                    } else if n.eq_ignore_ascii_case("pubdate")
                        || (n.eq_ignore_ascii_case("class") && v.to_ascii_lowercase().contains("publish"))
                    {
                        pubish_class = true;
                    }
                }
                let is_pub = itemprop.eq_ignore_ascii_case("datePublished");
                if is_pub {
                    let v = if datetime.is_empty() { content } else { datetime };
                    self.published.offer(8, v);
                } else if tag == Tag::Time && !datetime.is_empty() && !itemprop.eq_ignore_ascii_case("dateModified") {
                    self.published.offer(if pubish_class { 6 } else { 5 }, datetime);
                }
                if tag == Tag::A && rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("author")) {
                    self.author_nodes.push(node);
                } else if itemprop.eq_ignore_ascii_case("author") || itemprop.eq_ignore_ascii_case("creator") {
                    if content.is_empty() {
                        self.author_nodes.push(node);
                    } else if !is_url(content) {
                        self.author.offer(6, content);
                    }
                }
            }
        }
    }

    fn meta_tag(&mut self, raw_attrs: &str) {
        let (mut key, mut content, mut equiv) = (String::new(), "", false);
        for (n, v) in attrs(raw_attrs) {
            if n.eq_ignore_ascii_case("content") {
                content = v;
            } else if n.eq_ignore_ascii_case("property") || n.eq_ignore_ascii_case("name") {
                if key.is_empty() || n.eq_ignore_ascii_case("property") {
                    key = v.trim().to_ascii_lowercase();
                }
            } else if n.eq_ignore_ascii_case("itemprop") {
                if key.is_empty() {
                    key = v.trim().to_ascii_lowercase();
                }
            } else if n.eq_ignore_ascii_case("http-equiv") {
                key = v.trim().to_ascii_lowercase();
                equiv = true;
            }
        }
        if key.is_empty() || content.trim().is_empty() {
            return;
        }
        if let Some(p) = date_meta_prio(&key) {
            self.published.offer(p, content);
            return;
        }
        match key.as_str() {
            "og:title" => self.title.offer(10, content),
            "twitter:title" => self.title.offer(6, content),
            "headline" => self.title.offer(8, content),
            "og:url" => self.url.offer(8, content),
            "og:site_name" => self.site_name.offer(10, content),
            "application-name" | "apple-mobile-web-app-title" => self.site_name.offer(4, content),
            "og:locale" | "inlanguage" => self.language.offer(6, content),
            "content-language" if equiv => self.language.offer(8, content),
            "language" | "dc.language" => self.language.offer(7, content),
            "author"
            | "article:author"
            | "parsely-author"
            | "sailthru.author"
            | "dc.creator"
            | "byl"
            | "dcterms.creator"
            | "twitter:creator:name"
                if !is_url(content) && !content.starts_with('@') =>
            {
                let prio = if key == "author" { 7 } else { 6 };
                self.author.offer(prio, strip_by(&clean(content)));
            }
            _ => {}
        }
    }

    /// Looks at the content of a raw-text element.
    pub(crate) fn raw_text(&mut self, tag: Tag, text: &str) {
        match tag {
            Tag::Title if self.title_tag.is_none() => {
                let t = clean(text);
                if !t.is_empty() {
                    self.title_tag = Some(t);
                }
            }
            Tag::Script if self.jsonld_pending => {
                self.jsonld_pending = false;
                let t = text.trim().trim_start_matches("<!--").trim_end_matches("-->").trim().trim_end_matches(';');
                if let Ok(v) = serde_json::from_str::<Value>(t) {
                    self.jsonld(&v);
                }
            }
            _ => {}
        }
    }

    /// Walks a JSON-LD value with an explicit stack.
    fn jsonld(&mut self, root: &Value) {
        let mut stack = vec![root];
        let mut visited = 0usize;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > 5000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let ty = match map.get("@type") {
                        Some(Value::String(s)) => s.as_str(),
                        Some(Value::Array(a)) => a.iter().find_map(Value::as_str).unwrap_or(""),
                        _ => "",
                    };
                    let article = ty.contains("Article")
                        || ty.contains("BlogPosting")
                        || ty.contains("Report")
                        || ty == "NewsArticle"
                        || ty == "LiveBlogPosting";
                    let boost = if article { 2 } else { 0 };
                    if let Some(Value::String(h)) = map.get("headline") {
                        self.title.offer(7 + boost / 2, h);
                    }
                    if let Some(Value::String(d)) = map.get("datePublished") {
                        self.published.offer(7 + boost, d);
                    }
                    if article || ty == "WebPage" {
                        if let Some(a) = map.get("author").or_else(|| map.get("creator")) {
                            let names = person_names(a);
                            if !names.is_empty() {
                                self.author.offer(8 + boost / 2, &names);
                            }
                        }
                        if let Some(Value::Object(p)) = map.get("publisher")
                            && let Some(Value::String(n)) = p.get("name")
                        {
                            self.site_name.offer(6, n);
                        }
                        if let Some(Value::String(l)) = map.get("inLanguage") {
                            self.language.offer(6, l);
                        }
                    }
                    for (k, child) in map {
                        if matches!(k.as_str(), "@graph" | "mainEntity" | "mainEntityOfPage" | "itemListElement") {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Resolves the candidates into fields, using the tree for `<h1>` and byline-link text.
    pub(crate) fn finish(self, tree: &Tree, page_url: Option<&str>) -> Meta {
        let mut title = self.title;
        if let Some(h1) = self.h1 {
            let t = tree.inner_text(h1 as usize);
            if t.len() > 3 && t.len() < 400 {
                title.offer(5, &t);
            }
        }
        let site_name = self.site_name.value;
        // A "title" that is only the site's name gives way to the `<title>` element.
        let tag_title = self.title_tag.map(|t| trim_site(&t, site_name.as_deref()));
        let site_only = |t: &str| {
            site_name.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(t))
                || tag_title.as_deref().is_some_and(|tt| {
                    t.split_whitespace().count() <= 2 && tt.split_whitespace().count() >= 4 && !tt.contains(t)
                })
        };
        let mut title = match title.value.map(|t| trim_site(&t, site_name.as_deref())) {
            Some(t) if !site_only(&t) => Some(t),
            other => tag_title.or(other),
        };
        if title.as_deref().is_some_and(str::is_empty) {
            title = None;
        }
        let mut author = self.author;
        for n in self.author_nodes {
            let mut t = String::new();
            push_collapsed(&mut t, &tree.inner_text(n as usize));
            let t = strip_by(&t);
            let plausible = t.split_whitespace().count() <= 6 && !t.contains(|c: char| c.is_ascii_digit() || c == '@');
            if !t.is_empty() && t.len() < 80 && !is_url(t) && plausible {
                author.offer(5, t);
            }
        }
        let mut url = self.url;
        if let Some(p) = page_url {
            url.offer(1, p);
        }
        let url = url.value.map(|u| absolutize(&u, page_url));
        let mut published = self.published;
        if published.value.is_none()
            && let Some(d) = url.as_deref().and_then(date_in_url).or_else(|| page_url.and_then(date_in_url))
        {
            published.offer(2, &d);
        }
        let author = author.value.filter(|a| a.len() < 200 && site_name.as_deref() != Some(a.as_str()));
        let language = self.language.value.map(|l| l.replace('_', "-"));
        Meta { title, published: published.value, author, url, site_name, language }
    }
}

/// Names in a JSON-LD `author`: a string, a person object, or a list of either.
fn person_names(v: &Value) -> String {
    let mut out = String::new();
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for item in items.into_iter().take(10) {
        let name = match item {
            Value::String(s) => s.as_str(),
            Value::Object(m) => m.get("name").and_then(Value::as_str).unwrap_or(""),
            _ => "",
        };
        let name = name.trim();
        if name.is_empty() || is_url(name) || out.contains(name) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(strip_by(name));
    }
    out
}

/// Removes a site-name suffix or prefix ("Headline | Site", "Site - Headline").
pub(crate) fn trim_site(title: &str, site: Option<&str>) -> String {
    const SEPS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let words = |s: &str| s.split_whitespace().count();
    let mut t = title.trim().to_string();
    for _ in 0..2 {
        let mut changed = false;
        for sep in SEPS {
            if let Some(pos) = t.rfind(sep) {
                let (head, tail) = (t.get(..pos).unwrap_or(""), t.get(pos + sep.len()..).unwrap_or(""));
                let tail_is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim())) || words(tail) <= 3;
                if tail_is_site && words(head) >= 3 {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(pos) = t.find(sep) {
                let (head, tail) = (t.get(..pos).unwrap_or(""), t.get(pos + sep.len()..).unwrap_or(""));
                if site.is_some_and(|s| s.eq_ignore_ascii_case(head.trim())) && words(tail) >= 3 {
                    t = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    t
}

/// Makes a root-relative or protocol-relative URL absolute using the page URL.
fn absolutize(u: &str, page: Option<&str>) -> String {
    let u = u.trim();
    if let Some(rest) = u.strip_prefix("//") {
        let scheme = page.and_then(|p| p.split_once("://")).map_or("https", |(s, _)| s);
        return format!("{scheme}://{rest}");
    }
    if u.starts_with('/')
        && let Some(p) = page
        && let Some((scheme, rest)) = p.split_once("://")
    {
        let host = rest.split('/').next().unwrap_or("");
        return format!("{scheme}://{host}{u}");
    }
    u.to_string()
}

/// Finds `/YYYY/MM/DD`, `/YYYY-MM-DD` or `/YYYYMMDD` in a URL path; returns `YYYY-MM-DD`.
pub(crate) fn date_in_url(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let digits = |i: usize, n: usize| b.get(i..i + n).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let num = |i: usize, n: usize| -> u32 {
        b.get(i..i + n).map_or(0, |s| s.iter().fold(0u32, |a, d| a * 10 + u32::from(d - b'0')))
    };
    let valid = |y: u32, m: u32, d: u32| (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    for i in 0..b.len() {
        if b.get(i) != Some(&b'/') || !digits(i + 1, 4) {
            continue;
        }
        let y = num(i + 1, 4);
        let sep = b.get(i + 5).copied();
        if matches!(sep, Some(b'/') | Some(b'-'))
            && digits(i + 6, 2)
            && b.get(i + 8).copied() == sep
            && digits(i + 9, 2)
        {
            let (m, d) = (num(i + 6, 2), num(i + 9, 2));
            if valid(y, m, d) && b.get(i + 11).is_none_or(|c| !c.is_ascii_digit()) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        if digits(i + 5, 4) && b.get(i + 9).is_none_or(|c| !c.is_ascii_digit()) {
            let (m, d) = (num(i + 5, 2), num(i + 7, 2));
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}
