//! A light document tree built from tokens, in one pass and without recursion.
//!
//! Nodes live in one vector in document (pre-)order, so a node's descendants are exactly the
//! indices `i + 1 ..= end`; bottom-up sums are a reverse loop and top-down flags a forward loop,
//! whatever the nesting depth. The builder applies the few implied-end rules that matter for
//! text (`<p>` closed by a block, `<li>`, `<dt>`/`<dd>`, table cells and rows, `<option>`,
//! nested headings and links), matches end tags against the open elements within a bounded
//! search, and ignores stray end tags. Raw-text elements are handed to the metadata collector
//! and get no nodes; text is stored entity-decoded with whitespace collapsed to single spaces.

use super::hints;
use super::meta::Collector;
use super::tokenizer::{Tag, Token, Tokenizer, attrs, decode_entities};

/// Node flag: hidden (`hidden`, `aria-hidden="true"`, `display:none`).
pub(crate) const HIDDEN: u8 = 1;
/// Node flag: `itemprop="articleBody"` (or `articlebody` in class/id).
pub(crate) const ARTICLE_BODY: u8 = 2;

/// One element or text node.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// The element, or [`Tag::Text`].
    pub tag: Tag,
    /// Index of the parent (the root is its own parent).
    pub parent: u32,
    /// Index of the last descendant (itself when it has none).
    pub end: u32,
    /// For text nodes: byte range in [`Tree::text`].
    pub text: (u32, u32),
    /// Class/id/role hint: below zero means furniture, above means content.
    pub hint: i16,
    /// [`HIDDEN`], [`ARTICLE_BODY`].
    pub flags: u8,
}

/// The document tree.
pub(crate) struct Tree {
    /// All nodes, root first.
    pub nodes: Vec<Node>,
    /// Text of all text nodes, concatenated.
    pub text: String,
}

impl Tree {
    /// The text of a node if it is a text node.
    pub(crate) fn text_of(&self, i: usize) -> &str {
        match self.nodes.get(i) {
            Some(n) if n.tag == Tag::Text => self.text.get(n.text.0 as usize..n.text.1 as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The collapsed text content of an element (all descendant text nodes).
    pub(crate) fn inner_text(&self, i: usize) -> String {
        let end = self.nodes.get(i).map_or(i, |n| n.end as usize);
        let mut out = String::new();
        for j in i..=end.min(self.nodes.len().saturating_sub(1)) {
            push_collapsed(&mut out, self.text_of(j));
        }
        out.trim().to_string()
    }
}

/// Appends `s` to `out`, never producing two spaces in a row or a leading space.
pub(crate) fn push_collapsed(out: &mut String, s: &str) {
    for (k, part) in s.split(' ').enumerate() {
        if k > 0 && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(part);
    }
}

/// Maximum number of open elements an end tag or an implied end looks through.
const SEARCH_LIMIT: usize = 256;

/// Builds the tree and feeds every start tag and raw text to `meta`.
pub(crate) fn build(src: &str, meta: &mut Collector) -> Tree {
    let mut b = Builder {
        nodes: Vec::with_capacity(src.len() / 40),
        text: String::with_capacity(src.len() / 4),
        stack: vec![0],
        foreign: 0,
    };
    b.nodes.push(Node { tag: Tag::Html, parent: 0, end: 0, text: (0, 0), hint: 0, flags: 0 });
    let mut raw_tag = Tag::Other;
    for tok in Tokenizer::new(src) {
        match tok {
            Token::Text(t) => b.text_node(t),
            Token::RawText(t) => meta.raw_text(raw_tag, t),
            Token::Start { tag, attrs: a, self_closing } => {
                let idx = b.nodes.len() as u32;
                meta.start_tag(tag, a, idx);
                if tag.is_raw_text() {
                    raw_tag = tag;
                    continue;
                }
                match tag {
                    Tag::Meta | Tag::Link | Tag::Base | Tag::Html | Tag::Head | Tag::Body => continue,
                    _ => {}
                }
                b.start(tag, a, self_closing);
            }
            Token::End(tag) => {
                if !tag.is_raw_text() {
                    b.end(tag);
                }
            }
        }
    }
    let last = b.nodes.len().saturating_sub(1) as u32;
    for &open in &b.stack {
        if let Some(n) = b.nodes.get_mut(open as usize) {
            n.end = last;
        }
    }
    Tree { nodes: b.nodes, text: b.text }
}

/// Builder state.
struct Builder {
    nodes: Vec<Node>,
    text: String,
    stack: Vec<u32>,
    foreign: usize,
}

impl Builder {
    fn top(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    fn tag_at(&self, k: usize) -> Tag {
        self.stack.get(k).and_then(|&i| self.nodes.get(i as usize)).map_or(Tag::Html, |n| n.tag)
    }

    /// Pops the stack down to (and including) position `k`, closing each element.
    fn pop_to(&mut self, k: usize) {
        let last = self.nodes.len().saturating_sub(1) as u32;
        while self.stack.len() > k.max(1) {
            if let Some(i) = self.stack.pop()
                && let Some(n) = self.nodes.get_mut(i as usize)
            {
                n.end = last;
                if matches!(n.tag, Tag::Svg | Tag::Math) {
                    self.foreign = self.foreign.saturating_sub(1);
                }
            }
        }
    }

    /// Finds the nearest open element satisfying `target`, giving up at a `stop` element.
    fn find_open(&self, target: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for k in (1..self.stack.len()).rev().take(SEARCH_LIMIT) {
            let t = self.tag_at(k);
            if target(t) {
                return Some(k);
            }
            if stop(t) {
                return None;
            }
        }
        None
    }

    fn text_node(&mut self, raw: &str) {
        let decoded = decode_entities(raw);
        let start = self.text.len();
        let mut in_space = false;
        for c in decoded.chars() {
            if c.is_whitespace() {
                if !in_space {
                    self.text.push(' ');
                    in_space = true;
                }
            } else if c != '\u{ad}' && c != '\u{200b}' && c != '\u{feff}' {
                self.text.push(c);
                in_space = false;
            }
        }
        let end = self.text.len();
        if end == start {
            return;
        }
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node {
            tag: Tag::Text,
            parent: self.top(),
            end: idx,
            text: (start as u32, end as u32),
            hint: 0,
            flags: 0,
        });
    }

    fn implied_ends(&mut self, tag: Tag) {
        use Tag::*;
        let scope_stop = |t: Tag| matches!(t, Table | Td | Th | Caption | Button | Object | Html);
        let list_stop = |t: Tag| {
            matches!(
                t,
                Ul | Ol
                    | Menu
                    | Table
                    | Td
                    | Th
                    | Caption
                    | Button
                    | Object
                    | Html
                    | Article
                    | Section
                    | Main
                    | Nav
                    | Aside
                    | Header
                    | Footer
                    | Blockquote
                    | Form
                    | Dl
            )
        };
        let closes_p = matches!(
            tag,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Header
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Section
                | Summary
                | Ul
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Pre
                | Table
                | Hr
                | Li
                | Dd
                | Dt
        );
        if closes_p
            && self.foreign == 0
            && let Some(k) = self.find_open(|t| t == P, scope_stop)
        {
            self.pop_to(k);
        }
        match tag {
            Li => {
                if let Some(k) = self.find_open(|t| t == Li, list_stop) {
                    self.pop_to(k);
                }
            }
            Dt | Dd => {
                if let Some(k) = self.find_open(|t| matches!(t, Dt | Dd), list_stop) {
                    self.pop_to(k);
                }
            }
            Td | Th => {
                if let Some(k) = self.find_open(|t| matches!(t, Td | Th), |t| matches!(t, Tr | Table | Html)) {
                    self.pop_to(k);
                }
            }
            Tr => {
                if let Some(k) = self.find_open(|t| t == Tr, |t| matches!(t, Table | Thead | Tbody | Tfoot | Html)) {
                    self.pop_to(k);
                }
            }
            Thead | Tbody | Tfoot => {
                if let Some(k) = self.find_open(|t| matches!(t, Thead | Tbody | Tfoot), |t| matches!(t, Table | Html)) {
                    self.pop_to(k);
                }
            }
            Option if self.tag_at(self.stack.len().saturating_sub(1)) == Option => {
                let k = self.stack.len() - 1;
                self.pop_to(k);
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                let t = self.tag_at(self.stack.len().saturating_sub(1));
                if matches!(t, H1 | H2 | H3 | H4 | H5 | H6) {
                    let k = self.stack.len() - 1;
                    self.pop_to(k);
                }
            }
            A => {
                if let Some(k) = self.find_open(|t| t == A, scope_stop) {
                    self.pop_to(k);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, raw_attrs: &str, self_closing: bool) {
        self.implied_ends(tag);
        let mut hint = 0i16;
        let mut flags = 0u8;
        for (name, value) in attrs(raw_attrs) {
            let n = name.as_bytes();
            if n.eq_ignore_ascii_case(b"class") || n.eq_ignore_ascii_case(b"id") || n.eq_ignore_ascii_case(b"role") {
                hints::score_names(value, &mut hint);
                if value.len() >= 11 && value.to_ascii_lowercase().contains("articlebody") {
                    flags |= ARTICLE_BODY;
                }
            } else if n.eq_ignore_ascii_case(b"itemprop") {
                if value.eq_ignore_ascii_case("articleBody") || value.eq_ignore_ascii_case("text") {
                    flags |= ARTICLE_BODY;
                }
            } else if n.eq_ignore_ascii_case(b"hidden") {
                flags |= HIDDEN;
            } else if n.eq_ignore_ascii_case(b"aria-hidden") {
                if value.eq_ignore_ascii_case("true") {
                    flags |= HIDDEN;
                }
            } else if n.eq_ignore_ascii_case(b"style") {
                let v = value.to_ascii_lowercase();
                let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                if compact.contains("display:none") || compact.contains("visibility:hidden") {
                    flags |= HIDDEN;
                }
            }
        }
        let idx = self.nodes.len() as u32;
        self.nodes.push(Node { tag, parent: self.top(), end: idx, text: (0, 0), hint, flags });
        let closes_now = tag.is_void() || (self_closing && self.foreign > 0);
        if !closes_now {
            if matches!(tag, Tag::Svg | Tag::Math) {
                self.foreign += 1;
            }
            self.stack.push(idx);
        }
    }

    fn end(&mut self, tag: Tag) {
        use Tag::*;
        match tag {
            Html | Body | Br => {}
            _ => {
                let is_inline = |t: Tag| matches!(t, Other | A | Label | Time | Button | Select | Option);
                let found = if matches!(tag, Other | A | Label | Time) {
                    self.find_open(|t| t == tag, |t| !is_inline(t))
                } else if matches!(tag, Td | Th | Tr | Table | Tbody | Thead | Tfoot | Caption) {
                    self.find_open(|t| t == tag, |t| t == Table && tag != Table)
                } else {
                    self.find_open(|t| t == tag, |t| matches!(t, Table | Td | Th | Caption))
                };
                if let Some(k) = found {
                    self.pop_to(k);
                }
            }
        }
    }
}
