//! Unit tests for HTML extraction, on small fixtures written for this project.

use super::tokenizer::{Tag, Token, Tokenizer, attrs, decode_entities};
use super::{charset, extract_html, meta};

/// Tokens of `src`, with start tags shown as `<tag attrs>` and end tags as `</tag>`.
fn toks(src: &str) -> Vec<String> {
    Tokenizer::new(src)
        .map(|t| match t {
            Token::Text(s) => format!("T:{s}"),
            Token::RawText(s) => format!("R:{s}"),
            Token::Start { tag, attrs, self_closing } => {
                format!("<{tag:?}{attrs}{}>", if self_closing { "/" } else { "" })
            }
            Token::End(tag) => format!("</{tag:?}>"),
        })
        .collect()
}

/// A page with a realistic amount of prose around `body`.
fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

const PARA1: &str = "The foreign ministers of both countries met in Vienna on Monday to discuss the stalled \
                     negotiations over the border, according to officials familiar with the talks.";
const PARA2: &str = "Neither side made concessions, but they agreed to form a working group that will report \
                     back within three months, a spokesman for the ministry said on Tuesday.";

fn article(extra_inside: &str) -> String {
    format!("<article><h1>Ministers meet in Vienna</h1><p>{PARA1}</p>{extra_inside}<p>{PARA2}</p></article>")
}

// ---------------------------------------------------------------- tokenizer

#[test]
fn unquoted_and_bare_attributes() {
    let t = toks("<a href=/x/y?a=1 class=big data-x disabled>go</a>");
    assert_eq!(t, ["<A href=/x/y?a=1 class=big data-x disabled>", "T:go", "</A>"]);
    let a: Vec<_> = attrs(" href=/x/y?a=1 class=big data-x disabled title='it''s' alt=\"a>b\"").collect();
    assert_eq!(
        a,
        [
            ("href", "/x/y?a=1"),
            ("class", "big"),
            ("data-x", ""),
            ("disabled", ""),
            ("title", "it"),
            ("'s'", ""),
            ("alt", "a>b")
        ]
    );
}

#[test]
fn quoted_gt_does_not_end_tag() {
    let t = toks(r#"<img alt="1 > 0" src='a>b.png'>after"#);
    assert_eq!(t, [r#"<Img alt="1 > 0" src='a>b.png'>"#, "T:after"]);
}

#[test]
fn entities_named_numeric_and_broken() {
    assert_eq!(decode_entities("a &amp; b &lt;c&gt; &quot;q&quot; &#8217; &#x2014; &rsquo;"), "a & b <c> \"q\" ’ — ’");
    assert_eq!(decode_entities("AT&T &unknown; &#; &amp"), "AT&T &unknown; &#; &");
    assert_eq!(decode_entities("&#0; &#x110000; &#xD800; &#150;"), "\u{fffd} \u{fffd} \u{fffd} \u{2013}");
    assert_eq!(decode_entities("&#99999999999999999999;"), "\u{fffd}");
    assert_eq!(decode_entities("caf&eacute; &nbsp;x"), "café \u{a0}x");
}

#[test]
fn script_with_closing_tags_in_strings() {
    let t = toks("<script>var s = \"</div>\"; if (a</b) x = '<p>';</script><p>ok</p>");
    assert_eq!(t, ["<Script>", "R:var s = \"</div>\"; if (a</b) x = '<p>';", "</Script>", "<P>", "T:ok", "</P>"]);
    // `</scripts` is not the end tag; `</SCRIPT >` is.
    let t = toks("<script>a</scripts>b</SCRIPT >c");
    assert_eq!(t, ["<Script>", "R:a</scripts>b", "</Script>", "T:c"]);
}

#[test]
fn comments_doctype_cdata_pi() {
    let t = toks("<!DOCTYPE html>a<!-- x -- y <p> -->b<!-->c<!--->d<![CDATA[ <p> ]]>e<?xml v?>f<!-- a --!>g");
    assert_eq!(t, ["T:a", "T:b", "T:c", "T:d", "T:e", "T:f", "T:g"]);
    // An unterminated comment swallows the rest; nothing panics.
    assert_eq!(toks("a<!-- never closed <p>x"), ["T:a"]);
}

#[test]
fn lone_lt_and_truncated_tags() {
    assert_eq!(toks("1 < 2 and 3<4"), ["T:1 ", "T:< 2 and 3", "T:<4"]);
    assert_eq!(toks("x<div class=\"never"), ["T:x"]);
    assert_eq!(toks("x</"), ["T:x"]);
    assert_eq!(toks("<"), ["T:<"]);
}

#[test]
fn raw_text_elements() {
    let t =
        toks("<style>p>a{}</style><noscript><p>no</p></noscript><title>A &amp; B</title><template><p>t</p></template>");
    assert_eq!(
        t,
        [
            "<Style>",
            "R:p>a{}",
            "</Style>",
            "<Noscript>",
            "R:<p>no</p>",
            "</Noscript>",
            "<Title>",
            "R:A &amp; B",
            "</Title>",
            "<Template>",
            "R:<p>t</p>",
            "</Template>"
        ]
    );
    assert_eq!(Tag::from_name(b"SCRIPT"), Tag::Script);
    assert_eq!(Tag::from_name(b"averyveryverylongname"), Tag::Other);
}

#[test]
fn unclosed_and_misnested_tags_keep_text() {
    let html = page(
        "",
        &format!(
            "<div><p>{PARA1}<p>{PARA2}<ul><li>one item of the list<li>another item</ul><b><i>bold</b> end</i></div>"
        ),
    );
    let a = extract_html(html.as_bytes(), None, None);
    assert!(a.text.contains(PARA1), "{}", a.text);
    assert!(a.text.contains(&format!("{PARA1}\n\n{PARA2}")), "{}", a.text);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut s = String::from("<html><body>");
    for _ in 0..10_000 {
        s.push_str("<div><span>");
    }
    s.push_str(PARA1);
    for _ in 0..10_000 {
        s.push_str("</span></div>");
    }
    // Unclosed nesting as well.
    for _ in 0..10_000 {
        s.push_str("<section><b>");
    }
    s.push_str(PARA2);
    let a = extract_html(s.as_bytes(), None, None);
    assert!(a.text.contains(PARA1) || a.text.contains(PARA2));
    // Stray end tags only.
    let stray = "</div>".repeat(20_000) + PARA1;
    let a = extract_html(stray.as_bytes(), None, None);
    assert_eq!(a.text, PARA1);
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 9] = [
        b"",
        b"<",
        b"<<<<>>>>",
        b"</>",
        b"<a href='",
        b"&#x;&#",
        b"\xff\xfe\x00<\x00",
        b"<meta charset=\"",
        b"<html><head><script type=application/ld+json>{\"@type\":[1,2],\"author\":{\"name\":3}}</script>",
    ];
    for i in inputs {
        let _ = extract_html(i, Some("bogus"), Some("not a url"));
    }
    // Every prefix of a real-looking page.
    let html = page("<title>T</title><meta property='og:title' content='x'>", &article("<br/><img src=x>"));
    for k in 0..html.len() {
        if let Some(prefix) = html.get(..k) {
            let _ = extract_html(prefix.as_bytes(), None, None);
        }
    }
}

// ---------------------------------------------------------------- charset

#[test]
fn meta_charset_windows_1251() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Привет, мир");
    let mut html = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
    html.extend_from_slice(&bytes);
    html.extend_from_slice(b"</p></body></html>");
    assert!(charset::decode(&html, None).contains("Привет, мир"));
    // The http-equiv form.
    let mut html2 = b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>".to_vec();
    html2.extend_from_slice(&bytes);
    assert!(charset::decode(&html2, None).contains("Привет, мир"));
    // A header charset is used when the page says nothing.
    assert!(charset::decode(&bytes, Some("windows-1251")).contains("Привет, мир"));
}

#[test]
fn utf8_wins_over_stale_meta_and_fallback_is_1252() {
    let html = "<meta charset=iso-8859-1><p>Zürich – “quoted”</p>";
    assert!(charset::decode(html.as_bytes(), None).contains("Zürich – “quoted”"));
    let latin = b"<p>Z\xfcrich \x93quoted\x94</p>";
    assert!(charset::decode(latin, None).contains("Zürich “quoted”"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut le = vec![0xff, 0xfe];
    for u in "<p>hello wörld</p>".encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    assert!(charset::decode(&le, None).contains("hello wörld"));
    let mut be = vec![0xfe, 0xff];
    for u in "<p>hi</p>".encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    assert_eq!(charset::decode(&be, None), "<p>hi</p>");
    // A UTF-16 label without a BOM means UTF-8.
    assert_eq!(charset::prescan(b"<meta charset=utf-16>"), Some(encoding_rs::UTF_8));
}

// ---------------------------------------------------------------- metadata

fn meta_of(head: &str, body: &str, url: Option<&str>) -> super::HtmlArticle {
    extract_html(page(head, body).as_bytes(), None, url)
}

#[test]
fn date_sources() {
    let cases: [(&str, &str, &str); 8] = [
        (
            "<meta property=\"article:published_time\" content=\"2019-11-05T10:00:00+01:00\">",
            "",
            "2019-11-05T10:00:00+01:00",
        ),
        (
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-06T08:00:00Z\"}</script>",
            "",
            "2019-11-06T08:00:00Z",
        ),
        ("", "<time datetime=\"2019-11-07T09:30:00-05:00\">Nov 7</time>", "2019-11-07T09:30:00-05:00"),
        ("<meta name=\"pubdate\" content=\"2019-11-08\">", "", "2019-11-08"),
        ("<meta name=\"DC.date\" content=\"2019-11-09\">", "", "2019-11-09"),
        ("<meta name=\"sailthru.date\" content=\"2019-11-10 12:00:00\">", "", "2019-11-10 12:00:00"),
        ("<meta name=\"date\" content=\"2019-11-11\">", "", "2019-11-11"),
        ("", "<span itemprop=\"datePublished\" content=\"2019-11-12\">12 Nov</span>", "2019-11-12"),
    ];
    for (head, body, want) in cases {
        let a = meta_of(head, &format!("{body}{}", article("")), None);
        assert_eq!(a.published.as_deref(), Some(want), "{head}{body}");
    }
    let a = meta_of("", &article(""), Some("https://example.com/world/2019/11/05/talks-resume.html"));
    assert_eq!(a.published.as_deref(), Some("2019-11-05"));
    assert_eq!(meta::date_in_url("https://x.org/a/20191105/b").as_deref(), Some("2019-11-05"));
    assert_eq!(meta::date_in_url("https://x.org/a/2019-13-05/b"), None);
    // article:published_time outranks a <time> element and a JSON-LD date.
    let a = meta_of(
        "<script type=application/ld+json>{\"@type\":\"WebPage\",\"datePublished\":\"2001-01-01\"}</script>\
         <meta property=article:published_time content=2019-11-05>",
        &format!("<time datetime=2000-01-01>x</time>{}", article("")),
        None,
    );
    assert_eq!(a.published.as_deref(), Some("2019-11-05"));
}

#[test]
fn title_sources_and_site_suffix() {
    let a = meta_of("<title>Ministers meet in Vienna | The Daily Example</title>", &article(""), None);
    assert_eq!(a.title.as_deref(), Some("Ministers meet in Vienna"));
    let a = meta_of(
        "<title>x</title><meta property=\"og:title\" content=\"Ministers meet in Vienna - Example News\">",
        &article(""),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Ministers meet in Vienna"));
    let a = meta_of(
        "<script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"headline\":\"Talks stall again\"}]</script>",
        "<p>no heading here but a paragraph of some length.</p>",
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Talks stall again"));
    let a = meta_of("", &article(""), None);
    assert_eq!(a.title.as_deref(), Some("Ministers meet in Vienna"));
    assert_eq!(
        meta::trim_site("Example Times - Ministers meet in Vienna today", Some("Example Times")),
        "Ministers meet in Vienna today"
    );
}

#[test]
fn author_sources() {
    let ld = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"name\":\"Bo Chan\"}]}]}</script>";
    assert_eq!(meta_of(ld, &article(""), None).author.as_deref(), Some("Ann Lee, Bo Chan"));
    let m = "<meta name=\"author\" content=\"By Carla Diaz\">";
    assert_eq!(meta_of(m, &article(""), None).author.as_deref(), Some("Carla Diaz"));
    let url_author = "<meta property=\"article:author\" content=\"https://facebook.com/someone\">";
    assert_eq!(meta_of(url_author, &article(""), None).author, None);
    let rel = format!("<a rel=\"author\" href=\"/staff/dee\">Dee Evans</a>{}", article(""));
    assert_eq!(meta_of("", &rel, None).author.as_deref(), Some("Dee Evans"));
}

#[test]
fn url_site_and_language() {
    let head = "<link rel=\"canonical\" href=\"/world/talks\"><meta property=\"og:site_name\" content=\"Example News\">\
                <meta property=\"og:locale\" content=\"en_GB\">";
    let a = meta_of(head, &article(""), Some("https://example.com/world/talks?utm=1"));
    assert_eq!(a.url.as_deref(), Some("https://example.com/world/talks"));
    assert_eq!(a.site_name.as_deref(), Some("Example News"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    let html = format!("<html lang=\"pt-BR\"><head></head><body>{}</body></html>", article(""));
    assert_eq!(extract_html(html.as_bytes(), None, None).language.as_deref(), Some("pt-BR"));
    let a = meta_of("<meta http-equiv=\"content-language\" content=\"de\">", &article(""), None);
    assert_eq!(a.language.as_deref(), Some("de"));
    let a = meta_of("<meta property=\"og:url\" content=\"https://example.com/a\">", &article(""), None);
    assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
}

// ---------------------------------------------------------------- boilerplate

fn links(n: usize, word: &str) -> String {
    (0..n).map(|i| format!("<li><a href=\"/{word}/{i}\">{word} headline number {i} about something</a></li>")).collect()
}

#[test]
fn boilerplate_is_removed() {
    let body = format!(
        "<header><a href=/>Example News</a><nav><ul>{nav}</ul></nav></header>\
         <div id=\"cookie-banner\">We use cookies to improve your experience on our site. By continuing to browse you \
         accept our use of cookies and our privacy policy, which you can read in full here.</div>\
         <main><div class=\"story-body\">{art}\
         <div class=\"newsletter-signup\">Sign up for our morning newsletter and get the best stories of the day \
         delivered to your inbox every morning before breakfast.</div></div>\
         <section class=\"related-stories\"><h2>Related</h2><ul>{related}</ul></section>\
         <div id=\"comments\"><h3>Comments</h3><p>I completely disagree with everything written here, and I think the \
         author should be ashamed of such a one-sided piece, frankly.</p></div></main>\
         <footer><p>Copyright 2019 Example News. All rights reserved.</p><ul>{foot}</ul></footer>",
        nav = links(8, "section"),
        art = article("<p>By Jane Doe</p><p>November 5, 2019</p><p>Advertisement</p>"),
        related = links(5, "related"),
        foot = links(6, "about"),
    );
    let a = meta_of("<title>Ministers meet in Vienna - Example News</title>", &body, None);
    assert_eq!(a.text, format!("{PARA1}\n\n{PARA2}"));
}

#[test]
fn body_split_over_siblings_and_subheadings_are_kept() {
    let body = format!(
        "<div class=\"layout\"><div class=\"text-block\"><p>{PARA1}</p></div><div class=\"ad-slot\">Advertisement</div>\
         <div class=\"text-block\"><h2>What happens next</h2><p>{PARA2}</p></div></div><div class=\"sidebar\"><ul>{}</ul></div>",
        links(10, "popular")
    );
    let a = meta_of("", &body, None);
    assert_eq!(a.text, format!("{PARA1}\n\nWhat happens next\n\n{PARA2}"));
}

#[test]
fn article_body_itemprop_is_preferred() {
    let teasers: String = (0..6).map(|i| format!("<div class=\"teaser\"><p>Teaser {i}: {PARA2}</p></div>")).collect();
    let body = format!(
        "<div itemprop=\"articleBody\"><p>{PARA1}</p><p>{PARA1}</p><p>{PARA1}</p></div><div class=\"more\">{teasers}</div>"
    );
    let a = meta_of("", &body, None);
    assert_eq!(a.text, [PARA1, PARA1, PARA1].join("\n\n"));
}

#[test]
fn hidden_and_non_text_elements_are_dropped() {
    let body = article(
        "<div style=\"display: none\">hidden text that should not appear</div><svg><text>svg text</text></svg>\
         <form><p>Paragraph inside a form is kept when it is long enough, like this sentence here.</p>\
         <button>Click me</button><select><option>Option text</option></select></form>",
    );
    let a = meta_of("", &body, None);
    assert!(!a.text.contains("hidden text") && !a.text.contains("svg text"), "{}", a.text);
    assert!(!a.text.contains("Click me") && !a.text.contains("Option text"), "{}", a.text);
    assert!(a.text.contains("Paragraph inside a form"), "{}", a.text);
}

#[test]
fn whitespace_is_collapsed_and_br_splits() {
    let body = format!(
        "<article><p>  {PARA1}\n\n   <b>bold</b>&nbsp;word </p><p>first line of it<br>second line<br/>{PARA2}</p></article>"
    );
    let a = meta_of("", &body, None);
    assert!(a.text.contains(&format!("{PARA1} bold word\n\n")), "{}", a.text);
    assert!(a.text.contains("first line of it\n\nsecond line\n\n"), "{}", a.text);
}

#[test]
fn data_table_rows_are_lines_and_article_body_with_a_table_wins() {
    let rows: String = (1..=25)
        .map(|i| format!("<tr><td>{i}</td><td>Driver Number{i}</td><td>{}</td><td>{}</td></tr>", 5000 - i * 37, i % 4))
        .collect();
    let body = format!(
        "<div class=\"wrap\"><div itemprop=\"articleBody\"><p>Standings after the last race:</p>\
         <table><tr><th>Pos.</th><th>Driver</th><th>Points</th><th>Wins</th></tr>{rows}</table></div>\
         <div class=\"comments-note\"><p>{PARA2}</p></div></div>"
    );
    let a = meta_of("", &body, None);
    assert!(
        a.text.starts_with("Standings after the last race:\n\nPos. Driver Points Wins\n\n1 Driver Number1 4963 1"),
        "{}",
        a.text
    );
    assert!(a.text.contains("\n\n25 Driver Number25 4075 1"), "{}", a.text);
    assert!(!a.text.contains("Neither side"), "{}", a.text);
}

#[test]
fn list_heavy_body_is_kept() {
    let items: String = (0..8).map(|i| format!("<li>New level number {i} for the game</li>")).collect();
    let body = format!(
        "<nav><ul>{nav}</ul></nav><article><h1>Version 2 is out</h1><div class=\"entry-content\"><p>{PARA1}</p>\
         <h3>What is new</h3><ul>{items}</ul><p>{PARA2}</p><p>Short closing line.</p></div></article><aside><ul>{side}</ul></aside>",
        nav = links(8, "section"),
        side = links(8, "popular"),
    );
    let a = meta_of("<title>Version 2 is out</title>", &body, None);
    assert!(a.text.starts_with(PARA1), "{}", a.text);
    assert!(a.text.contains("What is new\n\nNew level number 0 for the game\n\n"), "{}", a.text);
    assert!(a.text.contains(&format!("New level number 7 for the game\n\n{PARA2}")), "{}", a.text);
}

#[test]
fn story_listings_are_not_the_body() {
    // A main story, then a grid of teasers (headline link, one-paragraph summary), each in its own cell.
    let teasers: String = (0..8)
        .map(|i| {
            format!(
                "<div class=\"col\"><article><h2><a href=\"/s/{i}\">Headline of another story number {i}</a></h2>                 <div><p>Summary {i}: a village council voted on Tuesday to rebuild the old bridge over the river,                  which floods every spring and cuts the road to the school.</p></div></article></div>"
            )
        })
        .collect();
    let body = format!(
        "<section><article><h1>Ministers meet in Vienna</h1><div><p>{PARA1}</p><p>{PARA2}</p></div></article></section>         <section><div class=\"row\">{teasers}</div></section>"
    );
    let a = meta_of("<title>Ministers meet in Vienna</title>", &body, None);
    assert_eq!(a.text, format!("{PARA1}\n\n{PARA2}"));
}

#[test]
fn body_is_the_tightest_element_holding_the_prose() {
    // Prose-like teaser text around the article must not pull the choice up to the page.
    let body = format!(
        "<div class=\"page\"><div class=\"story\"><p>{PARA1}</p><p>{PARA2}</p><p>{PARA1}</p></div>         <div class=\"next\"><span>Next</span> <a href=\"/n\">Another story</a> The council approved the budget          for next year.</div><ul>{}</ul></div>",
        links(3, "more")
    );
    let a = meta_of("", &body, None);
    assert_eq!(a.text, [PARA1, PARA2, PARA1].join("\n\n"));
}

#[test]
fn embedded_posts_in_furniture_named_wrappers_are_kept() {
    let tweet = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>The bridge is open again \
                 after three years of works, and the first buses crossed it this morning.</p>&mdash; City Council \
                 (@council) <a href=\"https://example.org/s/1\">November 18, 2019</a></blockquote></div>";
    let a = meta_of("", &article(tweet), None);
    assert!(a.text.contains("The bridge is open again after three years"), "{}", a.text);
    assert!(a.text.ends_with(PARA2), "{}", a.text);
}

#[test]
fn hover_cards_inside_paragraphs_are_dropped() {
    let card = "<span class=\"card\"><img src=\"p.jpg\"><a href=\"/p/1\">Jane Minister</a>\
                <a href=\"/s/1\">Minister opens the new bridge over the river after three years of works</a> \
                <a href=\"/s/2\">Budget talks stall again over the school building plan</a></span>";
    let body = format!(
        "<article><p>The talks were led by <a href=\"/p/1\">Jane Minister</a>{card}, who arrived in Vienna late on \
         Sunday with a small delegation.</p><p>{PARA1}</p><p>{PARA2}</p></article>"
    );
    let a = meta_of("", &body, None);
    assert!(a.text.starts_with("The talks were led by Jane Minister, who arrived"), "{}", a.text);
    assert!(!a.text.contains("Budget talks"), "{}", a.text);
}

#[test]
fn related_boxes_introduced_by_a_heading_are_dropped() {
    let related: String = (0..6)
        .map(|i| {
            format!(
                "<article><p>Other story {i}: the regional council approved a plan on Monday to widen the coastal \
                 road, which has been closed twice this year after landslides.</p></article>"
            )
        })
        .collect();
    let body = format!(
        "<div><article><h1>Ministers meet in Vienna</h1><p>{PARA1}</p></article>\
         <article><h3>You may also like</h3>{related}</article></div>"
    );
    let a = meta_of("<title>Ministers meet in Vienna</title>", &body, None);
    assert_eq!(a.text, PARA1);
}

#[test]
fn linked_sentences_in_a_paragraph_are_kept() {
    let deals = "<p>Today's best deals include <a href=\"/1\">laptops from $700 at one store</a>, \
                 <a href=\"/2\">wireless earphones for $150</a> and <a href=\"/3\">smart thermostats from $139</a>. \
                 Prices change often, so check them before you buy.</p>";
    let a = meta_of("", &article(deals), None);
    assert!(a.text.contains("Today's best deals include laptops"), "{}", a.text);
}

#[test]
fn class_names_split_at_camel_humps_and_furniture_words_win_their_token() {
    let score = |v: &str| {
        let mut acc = 0i16;
        super::hints::score_names(v, &mut acc);
        acc
    };
    assert!(score("InlineImage-imageEmbedCaption") < 0);
    assert!(score("articleByline__bio") < 0);
    assert!(score("emailSignup") < 0);
    assert!(score("newsCaption") < 0);
    assert!(score("storyBody") > 0);
    assert!(score("article-body entry-content") > 0);
    assert!(score("ArticleBody-articleBody") > 0);
}

#[test]
fn promotion_and_credit_lines_are_dropped() {
    let tail = "<p>Sign up for our daily newsletter to get the top stories delivered to your inbox.</p>\
                <p>(Reporting by Jane Doe; Editing by John Roe)</p>\
                <p>Associated Press writers Ann Smith and Bob Jones contributed to this report.</p>";
    let a = meta_of("", &format!("<article><p>{PARA1}</p><p>{PARA2}</p>{tail}</article>"), None);
    assert_eq!(a.text, format!("{PARA1}\n\n{PARA2}"));
}

#[test]
fn pasted_web_addresses_in_the_body_are_kept() {
    let items: String = (1..=6)
        .map(|i| format!("<p>{i}) A board game for the whole family, number {i}<br><a href=\"https://ex.am/{i}\">https://ex.am/{i}x</a></p>"))
        .collect();
    let a = meta_of("", &format!("<div class=\"entry-content\"><p>{PARA1}</p>{items}<p>{PARA2}</p></div>"), None);
    assert!(a.text.contains("1) A board game for the whole family, number 1\n\nhttps://ex.am/1x\n\n2)"), "{}", a.text);
    assert!(a.text.ends_with(PARA2), "{}", a.text);
}

/// Prints the selection outline of the page named by `DYAD_HTML_DEBUG` (`.html` or `.html.gz`).
/// Run with `cargo test -p dyad-ingest --lib debug_outline -- --ignored --nocapture`.
#[test]
#[ignore = "debug aid: needs DYAD_HTML_DEBUG=path"]
fn debug_outline() {
    use std::io::Read;
    let Ok(path) = std::env::var("DYAD_HTML_DEBUG") else { return };
    let raw = std::fs::read(&path).expect("read page");
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut bytes).expect("gunzip");
    } else {
        bytes = raw;
    }
    let min: usize = std::env::var("DYAD_HTML_DEBUG_MIN").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let src = charset::decode(&bytes, None);
    let mut collector = meta::Collector::default();
    let tree = super::tree::build(&src, &mut collector);
    let m = collector.finish(&tree, None);
    println!("{}", super::content::outline(&tree, m.title.as_deref(), min));
}
