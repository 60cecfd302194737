//! A very large page (the CLI's 50 MB case, scaled down so the debug test suite stays quick):
//! it gives the whole body, in order, without the furniture repeated through it. The 50 MB
//! figures (time, peak memory) come from `eval/hostile.sh` on the release binary.

use dyad_ingest::extract_html;

/// A page of about `target` bytes: navigation, then an article of numbered paragraphs with a
/// related-links box every 50 paragraphs, then a footer.
fn large_page(target: usize) -> (String, usize) {
    let mut page = String::with_capacity(target + 4096);
    page.push_str(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A very long report - Example News</title>\
         </head><body><header><nav><ul>",
    );
    for i in 0..30 {
        page.push_str(&format!("<li><a href=\"/s/{i}\">Section {i}</a></li>"));
    }
    page.push_str("</ul></nav></header><main><article><h1>A very long report</h1><div class=\"article-body\">");
    let mut paragraphs = 0;
    let mut i = 0;
    while page.len() < target {
        if i % 50 == 49 {
            page.push_str("<aside class=\"related\"><h3>Related</h3><ul>");
            for k in 0..5 {
                page.push_str(&format!("<li><a href=\"/r/{i}/{k}\">Related story {i}-{k} about the talks</a></li>"));
            }
            page.push_str("</ul></aside>");
        } else {
            page.push_str(&format!(
                "<div class=\"block\"><p>Paragraph {i}: the council said on Monday that the bridge would reopen in \
                 the spring, and <a href=\"/p/{i}\">details</a> would follow later in the week.</p></div>\n"
            ));
            paragraphs += 1;
        }
        i += 1;
    }
    page.push_str("</div></article></main><footer><p>Copyright Example News</p></footer></body></html>");
    (page, paragraphs)
}

#[test]
fn a_very_large_page_gives_its_whole_body() {
    let (page, paragraphs) = large_page(4_000_000);
    let a = extract_html(page.as_bytes(), None, None);
    assert_eq!(a.title.as_deref(), Some("A very long report"));
    let got: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(got.len(), paragraphs, "one output paragraph per body paragraph");
    assert!(got.first().is_some_and(|p| p.starts_with("Paragraph 0: the council said")), "{:?}", got.first());
    assert!(got.iter().all(|p| p.starts_with("Paragraph ")), "no furniture in the body");
    assert!(!a.text.contains("Related story") && !a.text.contains("Section 1"));
    assert!(got.last().is_some_and(|p| p.ends_with("later in the week.")), "{:?}", got.last());
}
