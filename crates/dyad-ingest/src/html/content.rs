//! Choosing the article body and turning it into paragraphs.
//!
//! 1. **Furniture removal.** Elements that are never body text (forms controls, SVG, media,
//!    hover cards: an inline element holding an image and links only), and elements that
//!    usually are not (`nav`, `aside`, `footer`, `header`, `figure`, hidden ones, and those whose
//!    class/id/role names furniture) are dropped; the second kind only when it holds under 40%
//!    of the page's paragraph text, so a mislabelled wrapper survives, and a furniture-named
//!    wrapper around a quotation (an embedded post) is kept. A box whose first child is a
//!    heading naming other stories ("Related", "You may also like") goes whatever its size.
//! 2. **Blocks.** Text nodes are grouped into blocks: a run of text with the same nearest
//!    block-level ancestor, split at `<br>`. A table cell with only inline content is not an
//!    owner, so a data row is one block. Each block knows its length and how much of it is link
//!    text. A block is a *teaser* when it opens with a headline-long link and goes on with a
//!    summary, or when its container adds only a headline link to it, and such containers come
//!    two or more under one parent (a story listing) without holding the title heading.
//! 3. **Selection.** A block that reads like prose (long, few links, sentence punctuation, not a
//!    teaser) scores its length; a short line without links minus half its length; any other
//!    block minus its length. Scores are summed up the tree and the element with the highest
//!    total is the body: it takes in every prose block whose inclusion costs less furniture than
//!    it brings, which also covers bodies split over several sibling containers. It is then
//!    tightened to the child holding at least 95% of its prose, if there is one; a lone
//!    `<article>` or an explicit `articleBody` can win over it.
//! 4. **Cleaning.** Inside the body, link lists (but not linked sentences or a pasted web
//!    address), the title heading, bylines, date lines, short boilerplate lines, newsletter
//!    prompts and wire credit lines are dropped; the rest are paragraphs joined by a blank line.
//!
//! Every pass is a loop over the node vector: top-down flags in index order, bottom-up sums in
//! reverse order.

use super::tokenizer::Tag;
use super::tree::{ARTICLE_BODY, HIDDEN, Tree, push_collapsed};

/// A run of text with one owner block.
struct Block {
    owner: u32,
    range: (usize, usize),
    chars: u32,
    link_chars: u32,
    /// Link text before the first plain text.
    lead_link: u32,
    /// A teaser: a headline link and a short summary, as in listings of other stories.
    teaser: bool,
}

/// Whether an element starts a new block of text.
fn is_block(t: Tag) -> bool {
    use Tag::*;
    !matches!(t, Text | A | Other | OtherVoid | Label | Time | Img | Br | Input | Select | Option | Button | Iframe)
}

/// Elements whose content is never article text.
fn always_removed(t: Tag) -> bool {
    use Tag::*;
    matches!(
        t,
        Button
            | Select
            | Option
            | Input
            | Svg
            | Math
            | Canvas
            | Video
            | Audio
            | Object
            | Dialog
            | Textarea
            | Head
            | Legend
    )
}

/// Elements whose content is usually not article text.
fn usually_removed(t: Tag) -> bool {
    use Tag::*;
    matches!(t, Nav | Aside | Footer | Header | Figure | Figcaption | Menu)
}

/// Counts non-space bytes.
fn visible_len(s: &str) -> u32 {
    s.bytes().filter(|b| *b != b' ').count() as u32
}

/// Lowercase alphanumeric skeleton of a string, for comparing headings with the title.
fn skeleton(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// For every node: its nearest block owner, and whether it is inside a link. A table cell
/// holding only inline content is not an owner: its row is, so a data row reads as one line.
fn owners(tree: &Tree) -> (Vec<u32>, Vec<bool>) {
    let nodes = &tree.nodes;
    let n = nodes.len();
    // Bottom-up: which elements hold a block-level descendant.
    let mut has_block = vec![false; n];
    for i in (1..n).rev() {
        let Some(node) = nodes.get(i) else { continue };
        let mine = has_block.get(i).copied().unwrap_or(false) || (node.tag != Tag::Text && is_block(node.tag));
        if mine && let Some(h) = has_block.get_mut(node.parent as usize) {
            *h = true;
        }
    }
    let mut owner = vec![0u32; n];
    let mut in_link = vec![false; n];
    for i in 1..n {
        let Some(node) = nodes.get(i) else { break };
        let p = node.parent as usize;
        let parent_tag = nodes.get(p).map_or(Tag::Html, |x| x.tag);
        let parent_owner = owner.get(p).copied().unwrap_or(0);
        let data_cell = matches!(parent_tag, Tag::Td | Tag::Th)
            && !has_block.get(p).copied().unwrap_or(true)
            && nodes.get(parent_owner as usize).is_some_and(|x| x.tag == Tag::Tr);
        let o = if is_block(parent_tag) && !data_cell { p as u32 } else { parent_owner };
        if let Some(slot) = owner.get_mut(i) {
            *slot = o;
        }
        let l = node.tag == Tag::A || in_link.get(p).copied().unwrap_or(false);
        if let Some(slot) = in_link.get_mut(i) {
            *slot = l;
        }
    }
    (owner, in_link)
}

/// Extracts the body text of `tree`; `title` is used to drop a heading that repeats it.
pub(crate) fn extract(tree: &Tree, title: Option<&str>) -> String {
    let nodes = &tree.nodes;
    let n = nodes.len();
    if n == 0 {
        return String::new();
    }
    let (owner, in_link) = owners(tree);
    // Bottom-up: text outside links, and the part of it in paragraphs, per element.
    let mut ptext = vec![0u32; n];
    let mut plain = vec![0u32; n];
    for i in (1..n).rev() {
        let Some(node) = nodes.get(i) else { continue };
        if node.tag == Tag::Text && !in_link.get(i).copied().unwrap_or(true) {
            let len = visible_len(tree.text_of(i));
            if let Some(s) = plain.get_mut(i) {
                *s += len;
            }
            let o = owner.get(i).copied().unwrap_or(0) as usize;
            if nodes.get(o).is_some_and(|x| matches!(x.tag, Tag::P | Tag::Pre | Tag::Blockquote))
                && let Some(s) = ptext.get_mut(i)
            {
                *s += len;
            }
        }
        let v = ptext.get(i).copied().unwrap_or(0);
        if let Some(s) = ptext.get_mut(node.parent as usize) {
            *s += v;
        }
        let v = plain.get(i).copied().unwrap_or(0);
        if let Some(s) = plain.get_mut(node.parent as usize) {
            *s += v;
        }
    }
    // Pages that use <p> are measured by paragraph text, others by all text outside links.
    let total_plain = plain.first().copied().unwrap_or(0).max(1);
    if u64::from(ptext.first().copied().unwrap_or(0)) * 5 < u64::from(total_plain) {
        ptext = plain;
    }
    let sizes = Sizes::new(tree, &in_link);
    let title_node = title_heading(tree, title);
    let boxes = related_boxes(tree, &sizes, title_node);
    let page =
        Page { tree, owner: &owner, in_link: &in_link, ptext: &ptext, sizes: &sizes, title_node, boxes: &boxes, title };
    let guarded_removed = removal(&page, false);
    let strict_removed = removal(&page, true);
    if guarded_removed == strict_removed {
        return run(&page, guarded_removed).text;
    }
    let guarded = run(&page, guarded_removed);
    let strict = run(&page, strict_removed);
    // Strict removal wins unless it removed the body the guarded run chose, or most of its prose.
    let strict_lost_body = strict.removed.get(guarded.best).copied().unwrap_or(true);
    if !strict_lost_body && strict.prose * 10 >= guarded.prose * 3 { strict.text } else { guarded.text }
}

/// What both removal policies share about one page.
struct Page<'a> {
    tree: &'a Tree,
    owner: &'a [u32],
    in_link: &'a [bool],
    ptext: &'a [u32],
    sizes: &'a Sizes,
    title_node: Option<usize>,
    boxes: &'a [bool],
    title: Option<&'a str>,
}

/// The outcome of one removal policy.
struct Run {
    text: String,
    prose: i64,
    best: usize,
    removed: Vec<bool>,
    #[cfg(test)]
    score: Vec<i64>,
    #[cfg(test)]
    teasers: Vec<String>,
}

/// Furniture removal, top-down. With `strict`, every furniture-like element goes whatever its
/// size; otherwise only those under 40% of the text.
fn removal(page: &Page, strict: bool) -> Vec<bool> {
    let Page { tree, ptext, sizes, boxes, .. } = *page;
    let nodes = &tree.nodes;
    let n = nodes.len();
    let total_p = ptext.first().copied().unwrap_or(0).max(1);
    // Elements holding an explicit `articleBody` are never furniture.
    let mut has_body = vec![false; n];
    for i in (1..n).rev() {
        let Some(node) = nodes.get(i) else { continue };
        if node.flags & ARTICLE_BODY != 0
            && node.tag != Tag::Text
            && let Some(h) = has_body.get_mut(i)
        {
            *h = true;
        }
        if has_body.get(i).copied().unwrap_or(false)
            && let Some(h) = has_body.get_mut(node.parent as usize)
        {
            *h = true;
        }
    }
    let mut removed = vec![false; n];
    for i in 1..n {
        let Some(node) = nodes.get(i) else { break };
        let parent_removed = removed.get(node.parent as usize).copied().unwrap_or(false);
        let small = strict || u64::from(ptext.get(i).copied().unwrap_or(0)) * 10 < u64::from(total_p) * 4;
        // A wrapper around a quotation (an embedded post) is not furniture for its name alone.
        let quote = {
            let (q, t) = (sizes.quoted.get(i).copied().unwrap_or(0), sizes.tot.get(i).copied().unwrap_or(0));
            q >= 40 && q * 10 >= t * 8
        };
        // An inline element holding an image and several links, nothing else: a hover card.
        let card = node.tag == Tag::Other && {
            let (t, l) = (sizes.tot.get(i).copied().unwrap_or(0), sizes.lnk.get(i).copied().unwrap_or(0));
            sizes.imgs.get(i).copied().unwrap_or(0) >= 1
                && sizes.links.get(i).copied().unwrap_or(0) >= 2
                && l >= 60
                && l * 10 >= t * 8
        };
        let r = parent_removed
            || always_removed(node.tag)
            || card
            || (small
                && !has_body.get(i).copied().unwrap_or(false)
                && (usually_removed(node.tag) || node.flags & HIDDEN != 0 || (node.hint < 0 && !quote)))
            || boxes.get(i).copied().unwrap_or(false);
        if let Some(slot) = removed.get_mut(i) {
            *slot = r;
        }
    }
    removed
}

/// Segments blocks outside the `removed` elements, selects the body and cleans it. Returns the
/// text, the prose weight inside the chosen element, and the removal flags.
fn run(page: &Page, removed: Vec<bool>) -> Run {
    let Page { tree, owner, in_link, sizes, title_node, .. } = *page;
    let nodes = &tree.nodes;
    let n = nodes.len();
    // Blocks.
    let mut buf = String::with_capacity(tree.text.len() / 2);
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let flush = |cur: &mut Option<Block>, blocks: &mut Vec<Block>, buf: &mut String| {
        if let Some(mut b) = cur.take() {
            while buf.ends_with(' ') {
                buf.pop();
            }
            b.range.1 = buf.len();
            if b.chars > 0 {
                blocks.push(b);
                // Room for the paragraph break, so the output can be compacted in place.
                buf.push_str("\n\n");
            } else {
                buf.truncate(b.range.0);
            }
        }
    };
    for i in 1..n {
        if removed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let Some(node) = nodes.get(i) else { break };
        match node.tag {
            Tag::Br | Tag::Hr => flush(&mut cur, &mut blocks, &mut buf),
            // Cells of one row share a block; keep their words apart.
            Tag::Td | Tag::Th if cur.as_ref().is_some_and(|b| b.chars > 0) && !buf.ends_with(' ') => buf.push(' '),
            Tag::Text => {
                let o = owner.get(i).copied().unwrap_or(0);
                if cur.as_ref().is_some_and(|b| b.owner != o) {
                    flush(&mut cur, &mut blocks, &mut buf);
                }
                let t = tree.text_of(i);
                let b = cur.get_or_insert(Block {
                    owner: o,
                    range: (buf.len(), 0),
                    chars: 0,
                    link_chars: 0,
                    lead_link: 0,
                    teaser: false,
                });
                let all_link = b.link_chars == b.chars;
                if b.chars == 0 {
                    push_collapsed(&mut buf, t.trim_start());
                } else {
                    push_collapsed(&mut buf, t);
                }
                let len = visible_len(t);
                b.chars += len;
                if in_link.get(i).copied().unwrap_or(false) {
                    b.link_chars += len;
                    if all_link {
                        b.lead_link += len;
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut blocks, &mut buf);

    mark_teasers(nodes, sizes, title_node, &mut blocks);

    // Selection.
    let weights: Vec<i64> = blocks
        .iter()
        .map(|b| {
            let text = buf.get(b.range.0..b.range.1).unwrap_or("");
            block_weight(b, text, nodes.get(b.owner as usize).map_or(Tag::Html, |x| x.tag))
        })
        .collect();
    // Per element, summed up the tree: the score, its positive part (prose), and plain text.
    let mut score = vec![0i64; n];
    let mut pos = vec![0i64; n];
    let mut volume = vec![0i64; n];
    for (b, &w) in blocks.iter().zip(&weights) {
        let o = b.owner as usize;
        if let (Some(s), Some(ps), Some(v)) = (score.get_mut(o), pos.get_mut(o), volume.get_mut(o)) {
            *s += w;
            *ps += w.max(0);
            *v += i64::from(b.chars.saturating_sub(b.link_chars));
        }
    }
    for i in (1..n).rev() {
        let p = nodes.get(i).map_or(0, |x| x.parent as usize);
        let (s, ps, v) =
            (score.get(i).copied().unwrap_or(0), pos.get(i).copied().unwrap_or(0), volume.get(i).copied().unwrap_or(0));
        if let (Some(a), Some(b), Some(c)) = (score.get_mut(p), pos.get_mut(p), volume.get_mut(p)) {
            *a += s;
            *b += ps;
            *c += v;
        }
    }
    let mut best = 0usize;
    let mut best_score = i64::MIN;
    for (i, node) in nodes.iter().enumerate() {
        if node.tag == Tag::Text || removed.get(i).copied().unwrap_or(true) && i != 0 {
            continue;
        }
        let s = score.get(i).copied().unwrap_or(0);
        if s > best_score {
            best_score = s;
            best = i;
        }
    }
    // Tighten: go down to the child that holds nearly all of the prose, leaving furniture out.
    loop {
        let total = pos.get(best).copied().unwrap_or(0);
        let end = nodes.get(best).map_or(best, |x| x.end as usize);
        let mut top: Option<(usize, i64)> = None;
        let mut j = best + 1;
        while j <= end {
            let Some(node) = nodes.get(j) else { break };
            let p = pos.get(j).copied().unwrap_or(0);
            if node.tag != Tag::Text && !removed.get(j).copied().unwrap_or(true) && top.is_none_or(|(_, tp)| p > tp) {
                top = Some((j, p));
            }
            j = (node.end as usize).max(j) + 1;
        }
        match top {
            Some((c, p)) if p > 0 && (total - p) * 20 <= total => {
                best = c;
                best_score = score.get(c).copied().unwrap_or(0);
            }
            _ => break,
        }
    }
    // A lone `<article>` inside the best element that holds most of its score is tighter.
    let best_end0 = nodes.get(best).map_or(0, |x| x.end) as usize;
    let mut art_pick: Option<(usize, i64)> = None;
    let mut art_count = 0;
    for i in best + 1..=best_end0.min(n.saturating_sub(1)) {
        if nodes.get(i).is_some_and(|x| x.tag == Tag::Article) && !removed.get(i).copied().unwrap_or(true) {
            let s = score.get(i).copied().unwrap_or(0);
            if s * 10 > best_score {
                art_count += 1;
            }
            if art_pick.is_none_or(|(_, bs)| s > bs) {
                art_pick = Some((i, s));
            }
        }
    }
    // Several scoring `<article>`s make a listing, not one story.
    if let Some((i, s)) = art_pick
        && art_count == 1
        && s * 4 >= best_score * 3
    {
        best = i;
        best_score = s;
    }
    // An explicit `articleBody` (the one with the most plain text) wins when it holds at least a
    // fifth of the best prose score, or, whatever its score, more plain text than the best prose
    // score: a body of tables or short lines that the prose test does not credit.
    let mut body_pick: Option<(usize, i64)> = None;
    for (i, node) in nodes.iter().enumerate() {
        if node.flags & ARTICLE_BODY != 0 && !removed.get(i).copied().unwrap_or(true) {
            let v = volume.get(i).copied().unwrap_or(0);
            if body_pick.is_none_or(|(_, bv)| v > bv) {
                body_pick = Some((i, v));
            }
        }
    }
    if let Some((i, v)) = body_pick {
        let s = score.get(i).copied().unwrap_or(0);
        if (s > 0 && s * 5 >= best_score) || (v >= 500 && v >= best_score) {
            best = i;
        }
    }
    let best_end = nodes.get(best).map_or(0, |x| x.end) as usize;
    let prose: i64 = blocks
        .iter()
        .zip(&weights)
        .filter(|(b, _)| (best..=best_end).contains(&(b.owner as usize)))
        .map(|(_, w)| (*w).max(0))
        .sum();

    // Output.
    let title_skel = page.title.map(skeleton).unwrap_or_default();
    let kept: Vec<&Block> = blocks
        .iter()
        .filter(|b| {
            let o = b.owner as usize;
            let text = buf.get(b.range.0..b.range.1).unwrap_or("");
            (best..=best_end).contains(&o)
                && keep_block(b, text, nodes.get(o).map_or(Tag::Html, |x| x.tag), &title_skel)
        })
        .collect();
    let ranges: Vec<(usize, usize)> = kept.iter().map(|b| b.range).collect();
    #[cfg(test)]
    let teasers = blocks
        .iter()
        .filter(|b| b.teaser)
        .map(|b| buf.get(b.range.0..b.range.1).unwrap_or("").chars().take(80).collect())
        .collect();
    let out = compact(buf, &ranges);
    Run {
        text: out,
        prose,
        best,
        removed,
        #[cfg(test)]
        score,
        #[cfg(test)]
        teasers,
    }
}

/// The `ranges` of `buf` (ascending, each followed in `buf` by at least two bytes before the
/// next) joined by blank lines, written over `buf` itself: a very large page's text is not
/// held twice.
fn compact(buf: String, ranges: &[(usize, usize)]) -> String {
    let mut bytes = buf.into_bytes();
    let mut w = 0usize;
    for &(a, b) in ranges {
        if w > 0 {
            if let Some(sep) = bytes.get_mut(w..w + 2) {
                sep.copy_from_slice(b"\n\n");
            }
            w += 2;
        }
        if a >= w && b <= bytes.len() && a <= b {
            bytes.copy_within(a..b, w);
            w += b - a;
        }
    }
    bytes.truncate(w);
    bytes.shrink_to_fit();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Containers whose first child is a heading that names other stories ("Related", "You may
/// also like", or a furniture class such as `related-title`): the rest of the box is more of it.
/// They are removed whatever their size, unless they hold the title heading.
fn related_boxes(tree: &Tree, sizes: &Sizes, title_node: Option<usize>) -> Vec<bool> {
    const PHRASES: [&str; 16] = [
        "related",
        "you may also like",
        "you might also like",
        "you may like",
        "more from",
        "more stories",
        "more news",
        "more on this",
        "read more",
        "read next",
        "recommended",
        "most popular",
        "most read",
        "trending",
        "also read",
        "see also",
    ];
    let nodes = &tree.nodes;
    let mut out = vec![false; nodes.len()];
    for (i, node) in nodes.iter().enumerate().skip(1) {
        let p = node.parent as usize;
        if !matches!(node.tag, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Div | Tag::P)
            || p + 1 != i
            || node.end as usize - i > 20
            || title_node.is_some_and(|t| t >= p && t <= nodes.get(p).map_or(p, |x| x.end as usize))
        {
            continue;
        }
        let heading = node.tag != Tag::Div && node.tag != Tag::P;
        let named = heading && node.hint < 0;
        let said = !named && sizes.tot.get(i).is_some_and(|&t| (4..40).contains(&t)) && {
            let lower = tree.inner_text(i).to_lowercase();
            PHRASES.iter().any(|p| lower.starts_with(p))
        };
        if (named || said)
            && let Some(x) = out.get_mut(p)
        {
            *x = true;
        }
    }
    out
}

/// The first `<h1>`–`<h3>` whose text is the page title (or, failing that, the first `<h1>`).
fn title_heading(tree: &Tree, title: Option<&str>) -> Option<usize> {
    let skel = title.map(skeleton).unwrap_or_default();
    let mut first_h1 = None;
    for (i, node) in tree.nodes.iter().enumerate() {
        if !matches!(node.tag, Tag::H1 | Tag::H2 | Tag::H3) {
            continue;
        }
        if node.tag == Tag::H1 && first_h1.is_none() {
            first_h1 = Some(i);
        }
        if !skel.is_empty() && node.end as usize - i < 50 {
            let s = skeleton(&tree.inner_text(i));
            if s.len() >= 8 && (s == skel || skel.contains(&s) || s.contains(&skel)) {
                return Some(i);
            }
        }
    }
    first_h1
}

/// Text and link-text sizes of every element, counting removed furniture too.
struct Sizes {
    /// Visible characters.
    tot: Vec<u32>,
    /// Visible characters inside links.
    lnk: Vec<u32>,
    /// Length of the longest single link.
    longest: Vec<u32>,
    /// Visible characters inside `<blockquote>`s.
    quoted: Vec<u32>,
    /// Number of links and of images.
    links: Vec<u16>,
    imgs: Vec<u16>,
}

impl Sizes {
    fn new(tree: &Tree, in_link: &[bool]) -> Sizes {
        let nodes = &tree.nodes;
        let n = nodes.len();
        let mut tot = vec![0u32; n];
        let mut lnk = vec![0u32; n];
        let mut longest = vec![0u32; n];
        let mut in_quote = vec![false; n];
        for i in 1..n {
            let Some(node) = nodes.get(i) else { break };
            let q = node.tag == Tag::Blockquote || in_quote.get(node.parent as usize).copied().unwrap_or(false);
            if let Some(x) = in_quote.get_mut(i) {
                *x = q;
            }
        }
        let mut quoted = vec![0u32; n];
        let mut links = vec![0u16; n];
        let mut imgs = vec![0u16; n];
        for i in (1..n).rev() {
            let Some(node) = nodes.get(i) else { continue };
            let p = node.parent as usize;
            let (mut nl, mut ni) = (links.get(i).copied().unwrap_or(0), imgs.get(i).copied().unwrap_or(0));
            match node.tag {
                Tag::A => nl = nl.saturating_add(1),
                Tag::Img => ni = ni.saturating_add(1),
                _ => {}
            }
            if let Some(x) = links.get_mut(i) {
                *x = nl;
            }
            if let Some(x) = imgs.get_mut(i) {
                *x = ni;
            }
            if let Some(x) = links.get_mut(p) {
                *x = x.saturating_add(nl);
            }
            if let Some(x) = imgs.get_mut(p) {
                *x = x.saturating_add(ni);
            }
            if node.tag == Tag::Text {
                let len = visible_len(tree.text_of(i));
                if let Some(x) = tot.get_mut(i) {
                    *x = len;
                }
                if in_link.get(i).copied().unwrap_or(false)
                    && let Some(x) = lnk.get_mut(i)
                {
                    *x = len;
                }
                if in_quote.get(i).copied().unwrap_or(false)
                    && let Some(x) = quoted.get_mut(i)
                {
                    *x = len;
                }
            } else if node.tag == Tag::A {
                let own = lnk.get(i).copied().unwrap_or(0);
                if let Some(x) = longest.get_mut(i) {
                    *x = (*x).max(own);
                }
            }
            let (t, l, m) = (
                tot.get(i).copied().unwrap_or(0),
                lnk.get(i).copied().unwrap_or(0),
                longest.get(i).copied().unwrap_or(0),
            );
            if let Some(x) = tot.get_mut(p) {
                *x += t;
            }
            if let Some(x) = lnk.get_mut(p) {
                *x += l;
            }
            if let Some(x) = longest.get_mut(p) {
                *x = (*x).max(m);
            }
            let q = quoted.get(i).copied().unwrap_or(0);
            if let Some(x) = quoted.get_mut(p) {
                *x += q;
            }
        }
        Sizes { tot, lnk, longest, quoted, links, imgs }
    }
}

/// Marks teaser blocks: a block that opens with a headline-long link and goes on with a
/// summary, or a block whose nearest larger container adds only a headline link and a few
/// words to it; and only when such containers come in a listing (two or more under one parent)
/// and do not hold the page's title heading. Article paragraphs sit in containers that hold
/// other paragraphs.
fn mark_teasers(nodes: &[super::tree::Node], sizes: &Sizes, title_node: Option<usize>, blocks: &mut [Block]) {
    let n = nodes.len();
    let Sizes { tot, lnk, longest, .. } = sizes;
    // Candidates, with the container that makes each one a teaser.
    let mut unit = vec![usize::MAX; blocks.len()];
    for (k, b) in blocks.iter().enumerate() {
        if b.lead_link >= 30 && b.chars >= b.lead_link + 40 {
            if let Some(u) = unit.get_mut(k) {
                *u = b.owner as usize;
            }
            continue;
        }
        let mut a = b.owner as usize;
        for _ in 0..3 {
            a = nodes.get(a).map_or(0, |x| x.parent as usize);
            if a == 0 {
                break;
            }
            let (t, l) = (tot.get(a).copied().unwrap_or(0), lnk.get(a).copied().unwrap_or(0));
            if t > b.chars + 10 {
                let other_links = l.saturating_sub(b.link_chars);
                let other_plain = (t - l).saturating_sub(b.chars - b.link_chars);
                if other_links >= 20
                    && longest.get(a).copied().unwrap_or(0) >= 20
                    && other_plain <= 40
                    && t <= 1000
                    && let Some(u) = unit.get_mut(k)
                {
                    *u = a;
                }
                break;
            }
        }
    }
    // Teasers come in listings: a candidate counts when its container has a candidate sibling.
    // Listings in a grid wrap each item in a cell of its own: count under the grandparent too.
    let mut units_under = vec![0u32; n];
    let mut units_under2 = vec![0u32; n];
    let mut last_unit = usize::MAX;
    for &u in &unit {
        if u != usize::MAX && u != last_unit {
            let p = nodes.get(u).map_or(0, |x| x.parent as usize);
            let g = nodes.get(p).map_or(0, |x| x.parent as usize);
            if let Some(c) = units_under.get_mut(p) {
                *c += 1;
            }
            if let Some(c) = units_under2.get_mut(g) {
                *c += 1;
            }
            last_unit = u;
        }
    }
    for (b, &u) in blocks.iter_mut().zip(&unit) {
        if u != usize::MAX {
            let p = nodes.get(u).map_or(0, |x| x.parent as usize);
            let g = nodes.get(p).map_or(0, |x| x.parent as usize);
            let holds_title = title_node.is_some_and(|t| t >= u && t <= nodes.get(u).map_or(u, |x| x.end as usize));
            b.teaser = !holds_title
                && (units_under.get(p).copied().unwrap_or(0) >= 2 || units_under2.get(g).copied().unwrap_or(0) >= 2);
        }
    }
}

/// Whether text ends like a sentence or contains sentence punctuation.
fn has_sentence_punct(text: &str) -> bool {
    text.contains(". ")
        || text.contains(", ")
        || text.ends_with('.')
        || text.ends_with('!')
        || text.ends_with('?')
        || text.ends_with('"')
        || text.ends_with('”')
        || text.contains('。')
        || text.contains('，')
}

/// A paragraph of sentences with much of it linked (a deals post, a tweet): kept, and neutral
/// in the selection.
fn is_linked_prose(b: &Block, text: &str, tag: Tag) -> bool {
    tag == Tag::P && b.chars >= 100 && b.link_chars * 4 <= b.chars * 3 && has_sentence_punct(text)
}

/// A line that is only a web address: pasted by the author, never navigation.
fn is_bare_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && !text.contains(' ')
        && text.len() > 10
}

/// Selection weight of one block: positive for prose, negative for anything else.
fn block_weight(b: &Block, text: &str, tag: Tag) -> i64 {
    let chars = i64::from(b.chars);
    let links = i64::from(b.link_chars);
    let ld = f64::from(b.link_chars) / f64::from(b.chars.max(1));
    let heading = matches!(tag, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6);
    let max_ld = if tag == Tag::P { 0.5 } else { 0.35 };
    let prose = ld < max_ld && !heading && !b.teaser && (chars >= 120 || (chars >= 40 && has_sentence_punct(text)));
    if prose {
        chars - 2 * links
    } else if heading || is_linked_prose(b, text, tag) || is_bare_url(text) {
        0
    } else if links == 0 {
        // A short line without links (a list item, a label, a date) is weak evidence either way.
        -chars / 2
    } else {
        -chars
    }
}

/// Short lines that are page furniture wherever they appear.
fn is_boilerplate(lower: &str) -> bool {
    const STARTS: [&str; 33] = [
        "advertisement",
        "share this",
        "share on",
        "share:",
        "read more",
        "click here",
        "sign up",
        "subscribe",
        "follow us",
        "all rights reserved",
        "copyright",
        "©",
        "related:",
        "related articles",
        "related stories",
        "see also",
        "image:",
        "photo:",
        "image caption",
        "media caption",
        "posted in",
        "filed under",
        "tags:",
        "topics:",
        "loading",
        "updated:",
        "published:",
        "this story has been shared",
        "first published",
        "related tags",
        "post comment",
        "leave a comment",
        "leave a reply",
    ];
    STARTS.iter().any(|p| lower.starts_with(p))
        || lower.ends_with("all rights reserved.")
        || lower == "comments"
        || lower == "ad"
        || lower == "advert"
        || lower == "more"
        || lower.contains("getty images")
        || lower.contains("(ap photo")
}

/// Promotion and credit lines: newsletter and follow prompts, wire-service credit lines.
fn is_promo_or_credit(lower: &str) -> bool {
    const HAS: [&str; 18] = [
        "sign up for our",
        "sign up to our",
        "subscribe to our",
        "our newsletter",
        "daily newsletter",
        "weekly newsletter",
        "free newsletter",
        "to your inbox",
        "in your inbox",
        "follow us on",
        "follow him on twitter",
        "follow her on twitter",
        "follow them on twitter",
        "contributed to this report",
        "contributed reporting",
        "additional reporting by",
        "share it with a friend",
        "like this story?",
    ];
    const STARTS: [&str; 6] =
        ["reporting by", "(reporting by", "writing by", "(writing by", "editing by", "(editing by"];
    HAS.iter().any(|p| lower.contains(p)) || STARTS.iter().any(|p| lower.starts_with(p))
}

/// Whether a line is only a byline or a date.
fn is_byline_or_date(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 100 {
        return false;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("by ") && t.split_whitespace().count() <= 8 && !t.ends_with('.') {
        return true;
    }
    if lower.starts_with("updated") || lower.starts_with("published") || lower.starts_with("posted") {
        return t.chars().any(|c| c.is_ascii_digit());
    }
    // A short line holding a numeric date or a clock time: a byline with a timestamp.
    let words_n = t.split_whitespace().count();
    if t.len() < 70 && words_n <= 7 && !t.ends_with('.') && has_numeric_date(t) {
        return true;
    }
    // Date-like: mostly digits, month names and separators.
    let words: Vec<&str> = t.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let datey = words
        .iter()
        .filter(|w| {
            let wl = w.to_lowercase();
            w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-'))
                || MONTHS.iter().any(|m| wl.starts_with(m))
                || matches!(
                    wl.as_str(),
                    "am" | "pm" | "a.m." | "p.m." | "et" | "est" | "edt" | "gmt" | "utc" | "bst" | "|"
                )
        })
        .count();
    datey * 10 >= words.len() * 8 && t.chars().any(|c| c.is_ascii_digit())
}

/// Whether `t` contains `dddd-dd-dd`, `dd/dd/dddd`, `dd.dd.dddd` or `dd:dd`.
fn has_numeric_date(t: &str) -> bool {
    let b = t.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let sep = |k: usize, c: &[u8]| b.get(k).is_some_and(|x| c.contains(x));
        (d(i) && d(i + 1) && d(i + 2) && d(i + 3) && sep(i + 4, b"-/.") && d(i + 5) && d(i + 6))
            || (d(i) && d(i + 1) && sep(i + 2, b"/.") && d(i + 3) && d(i + 4) && sep(i + 5, b"/.") && d(i + 6))
            || (d(i) && d(i + 1) && sep(i + 2, b":") && d(i + 3) && d(i + 4) && !d(i + 5))
    })
}

/// Whether a block of the chosen body is kept in the output.
fn keep_block(b: &Block, text: &str, tag: Tag, title_skel: &str) -> bool {
    let ld = f64::from(b.link_chars) / f64::from(b.chars.max(1));
    if !is_linked_prose(b, text, tag) && !is_bare_url(text) && (ld > 0.5 || (ld > 0.4 && b.chars < 100)) {
        return false;
    }
    if !text.chars().any(char::is_alphanumeric) {
        return false;
    }
    match tag {
        Tag::H1 => return false,
        Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
            let s = skeleton(text);
            if s.is_empty() || (!title_skel.is_empty() && (s == title_skel || title_skel.contains(&s))) {
                return false;
            }
        }
        _ => {}
    }
    if b.chars < 300 {
        let lower = text.to_lowercase();
        if is_promo_or_credit(&lower) || (b.chars < 120 && (is_boilerplate(&lower) || is_byline_or_date(text))) {
            return false;
        }
    }
    true
}

/// Debug outline of the selection (tests only): every element with text, its score, hint,
/// removal in the guarded and strict runs, and the start of its text.
#[cfg(test)]
pub(crate) fn outline(tree: &Tree, title: Option<&str>, min_chars: usize) -> String {
    use std::fmt::Write as _;
    let nodes = &tree.nodes;
    let n = nodes.len();
    let (owner, in_link) = owners(tree);
    let mut plain = vec![0u32; n];
    for i in (1..n).rev() {
        if nodes[i].tag == Tag::Text && !in_link[i] {
            plain[i] += visible_len(tree.text_of(i));
        }
        let v = plain[i];
        plain[nodes[i].parent as usize] += v;
    }
    let sizes = Sizes::new(tree, &in_link);
    let title_node = title_heading(tree, title);
    let boxes = related_boxes(tree, &sizes, title_node);
    let page =
        Page { tree, owner: &owner, in_link: &in_link, ptext: &plain, sizes: &sizes, title_node, boxes: &boxes, title };
    let g = run(&page, removal(&page, false));
    let s = run(&page, removal(&page, true));
    let mut depth = vec![0usize; n];
    let mut out = String::new();
    let _ = writeln!(out, "guarded best {} prose {}; strict best {} prose {}", g.best, g.prose, s.best, s.prose);
    let _ = writeln!(out, "title heading {title_node:?}");
    for t in &g.teasers {
        let _ = writeln!(out, "teaser: {t}");
    }
    for i in 1..n {
        depth[i] = depth[nodes[i].parent as usize] + 1;
        if nodes[i].tag == Tag::Text {
            continue;
        }
        let text = tree.inner_text(i);
        if text.len() < min_chars {
            continue;
        }
        let snippet: String = text.chars().take(70).collect();
        let _ = writeln!(
            out,
            "{:indent$}{i} {:?} h{} f{} rm{}{} g{} s{} plain{}{} | {snippet}",
            "",
            nodes[i].tag,
            nodes[i].hint,
            nodes[i].flags,
            u8::from(g.removed[i]),
            u8::from(s.removed[i]),
            g.score[i],
            s.score[i],
            plain[i],
            if i == g.best || i == s.best { " <== BEST" } else { "" },
            indent = depth[i].min(60),
        );
    }
    out
}
