//! Markdown to HTML for untrusted text (model answers, judge texts, prompts).
//!
//! The output is meant for `innerHTML`, so nothing in the input may become markup of its own:
//! - raw HTML (blocks and inline tags, comments, `<script>`, `<iframe>`, `<svg>`...) is shown as text;
//! - links keep only `http:`, `https:` and `mailto:` targets and get `rel="noopener noreferrer"`; any
//!   other target (`javascript:`, `data:`, relative paths) is dropped and the link text stays as text;
//! - images are never loaded: the alt text is shown, with a link to the address when it is http(s);
//! - no attribute of the output comes from the input except escaped `href`s and the code-block language
//!   label (escaped, as text);
//! - heading attributes, footnotes, math and metadata blocks are not enabled.
//!
//! Pure and native-testable. Very long texts are cut at a line boundary by [`render_limited`] so that
//! a 10 MB answer cannot freeze the page.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The link target to keep, if it is one the renderer allows: `http://`, `https://` or `mailto:`,
/// matched at the very start (browsers strip leading spaces and control characters before reading a
/// scheme, so anything that does not start with an allowed scheme is refused, never "cleaned").
pub fn safe_href(url: &str) -> Option<&str> {
    let lower_prefix: String = url.chars().take(8).collect::<String>().to_ascii_lowercase();
    let ok = lower_prefix.starts_with("http://")
        || lower_prefix.starts_with("https://")
        || lower_prefix.starts_with("mailto:");
    // Control characters and spaces inside a URL never belong there; refuse rather than guess.
    (ok && !url.chars().any(|c| c.is_control() || c == ' ')).then_some(url)
}

/// Escapes an allowed URL for an `href` attribute.
fn href_attr(url: &str) -> String {
    escape(url)
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// What an open link or image became, so its end tag matches.
enum Open {
    Link,
    BlockedLink,
    Image(Option<String>),
}

/// Renders markdown to safe HTML (see the module documentation).
pub fn render(md: &str) -> String {
    let mut open: Vec<Open> = Vec::new();
    let mut fenced = Vec::new();
    let events = Parser::new_ext(md, options()).map(|ev| -> Event<'_> {
        match ev {
            // Raw HTML is text. A block becomes a preformatted block so it reads as it was written.
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            Event::Start(Tag::HtmlBlock) => Event::Html(r#"<pre class="md-raw">"#.into()),
            Event::End(TagEnd::HtmlBlock) => Event::Html("</pre>".into()),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => match safe_href(&dest_url) {
                Some(url) => {
                    open.push(Open::Link);
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(r#" title="{}""#, escape(&title))
                    };
                    Event::Html(
                        format!(
                            r#"<a href="{}"{title} rel="noopener noreferrer" target="_blank">"#,
                            href_attr(url)
                        )
                        .into(),
                    )
                }
                None => {
                    open.push(Open::BlockedLink);
                    Event::Html(
                        format!(
                            r#"<span class="md-blocked-link" title="link not followed: {}">"#,
                            escape(&truncate_chars(&dest_url, 200))
                        )
                        .into(),
                    )
                }
            },
            Event::End(TagEnd::Link) => match open.pop() {
                Some(Open::Link) => Event::Html("</a>".into()),
                _ => Event::Html("</span>".into()),
            },
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push(Open::Image(safe_href(&dest_url).map(str::to_string)));
                Event::Html(
                    r#"<span class="md-image" title="image not loaded">[image: "#.into(),
                )
            }
            Event::End(TagEnd::Image) => match open.pop() {
                Some(Open::Image(Some(url))) => Event::Html(
                    format!(
                        r#"] <a href="{}" rel="noopener noreferrer" target="_blank">(open image)</a></span>"#,
                        href_attr(&url)
                    )
                    .into(),
                ),
                _ => Event::Html("]</span>".into()),
            },
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                fenced.push(!lang.is_empty());
                if lang.is_empty() {
                    Event::Html(r#"<div class="md-code"><pre tabindex="0"><code>"#.into())
                } else {
                    Event::Html(
                        format!(
                            r#"<div class="md-code"><div class="md-lang">{}</div><pre tabindex="0"><code>"#,
                            escape(&truncate_chars(&lang, 40))
                        )
                        .into(),
                    )
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                fenced.pop();
                Event::Html("</code></pre></div>".into())
            }
            // Footnotes and math are not enabled; anything of theirs that appears is text.
            Event::FootnoteReference(s) => Event::Text(CowStr::from(format!("[^{s}]"))),
            Event::InlineMath(s) | Event::DisplayMath(s) => Event::Code(s),
            other => other,
        }
    });
    let mut out = String::with_capacity(md.len() + md.len() / 4);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A rendered text, possibly cut short.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Bytes of the input that were rendered (all of it unless cut).
    pub shown_bytes: usize,
    pub total_bytes: usize,
}

impl Rendered {
    pub fn truncated(&self) -> bool {
        self.shown_bytes < self.total_bytes
    }
}

/// The prefix of `s` to render within `max_bytes`: cut at the last line break before the limit (or at
/// a character boundary when there is none), and never inside an open code fence's first line.
pub fn cut(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    match s[..end].rfind('\n') {
        Some(nl) if nl > max_bytes / 2 => &s[..nl],
        _ => &s[..end],
    }
}

/// Renders at most `max_bytes` of `md` (see [`cut`]).
pub fn render_limited(md: &str, max_bytes: usize) -> Rendered {
    let part = cut(md, max_bytes);
    Rendered {
        html: render(part),
        shown_bytes: part.len(),
        total_bytes: md.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No tag of the output may be anything but the ones the renderer writes itself.
    fn assert_only_safe_tags(html: &str) {
        const ALLOWED: &[&str] = &[
            "p",
            "a",
            "span",
            "pre",
            "code",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "em",
            "strong",
            "del",
            "blockquote",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "br",
            "hr",
            "input",
        ];
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let tag = &rest[i + 1..];
            let tag = tag.strip_prefix('/').unwrap_or(tag);
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ALLOWED.contains(&name.to_ascii_lowercase().as_str()),
                "unexpected tag <{name}> in {html}"
            );
            // Attributes: only the ones the renderer writes.
            let end = tag.find('>').expect("closed tag");
            let attrs = &tag[name.len()..end];
            for (attr, value) in attributes(attrs) {
                assert!(
                    [
                        "href", "title", "rel", "target", "class", "type", "checked", "disabled",
                        "style", "tabindex"
                    ]
                    .contains(&attr.as_str()),
                    "attribute {attr} in <{name}{attrs}>"
                );
                // Only code blocks get a tab stop (keyboard users scroll them), and only 0.
                if attr == "tabindex" {
                    assert!(
                        name == "pre" && value == "0",
                        "tabindex {value} on <{name}>"
                    );
                }
                if attr == "href" {
                    assert!(
                        value.starts_with("http://")
                            || value.starts_with("https://")
                            || value.starts_with("mailto:"),
                        "href {value}"
                    );
                }
                if attr == "style" {
                    assert!(value.starts_with("text-align: "), "style {value}");
                }
            }
            rest = &tag[end..];
        }
    }

    /// (name, value) pairs of an attribute list such as ` href="x" rel="y"` (values double-quoted or bare).
    fn attributes(s: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut chars = s.chars().peekable();
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
                chars.next();
            }
            let name: String = std::iter::from_fn(|| {
                chars.next_if(|c| !c.is_whitespace() && *c != '=' && *c != '/')
            })
            .collect();
            if name.is_empty() {
                break;
            }
            let mut value = String::new();
            if chars.next_if_eq(&'=').is_some() {
                if chars.next_if_eq(&'"').is_some() {
                    value = std::iter::from_fn(|| chars.next_if(|c| *c != '"')).collect();
                    chars.next();
                } else {
                    value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect();
                }
            }
            out.push((name.to_ascii_lowercase(), value));
        }
        out
    }

    #[test]
    fn script_tags_are_text() {
        let h = render(
            "hello <script>window.__pwned = 1</script> world\n\n<script>\nalert(1)\n</script>\n",
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(
            h.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"),
            "{h}"
        );
        assert!(h.contains("<pre class=\"md-raw\">&lt;script&gt;"), "{h}");
        assert_only_safe_tags(&h);
    }

    #[test]
    fn event_handlers_are_text() {
        for md in [
            "<img src=x onerror=\"window.__pwned=1\">",
            "text <img src=x onerror=alert(1)> text",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
        ] {
            let h = render(md);
            assert!(
                !h.contains("<img") && !h.contains("<div onmouseover"),
                "{h}"
            );
            assert_only_safe_tags(&h);
        }
    }

    #[test]
    fn only_http_and_mailto_links_survive() {
        let h = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>x</script>) \
             [d](vbscript:x) [e](/relative) [f](#frag) [g](https://ok.example/x?a=1&b=2 \"t\") \
             [h](mailto:a@b.c) <javascript:alert(1)> <https://auto.example> [i]( javascript:alert(1))",
        );
        assert!(!h.to_lowercase().contains("href=\"javascript"), "{h}");
        assert!(!h.contains("href=\"data:"), "{h}");
        assert!(!h.contains("href=\"/relative"), "{h}");
        assert!(
            h.contains(r#"<a href="https://ok.example/x?a=1&amp;b=2" title="t" rel="noopener noreferrer" target="_blank">g</a>"#),
            "{h}"
        );
        assert!(
            h.contains(r#"<a href="mailto:a@b.c" rel="noopener noreferrer""#),
            "{h}"
        );
        assert!(
            h.contains(r#"<a href="https://auto.example" rel="noopener noreferrer""#),
            "{h}"
        );
        assert!(h.contains("md-blocked-link"), "{h}");
        // Every anchor has the rel.
        assert_eq!(
            h.matches("<a ").count(),
            h.matches("rel=\"noopener noreferrer\"").count()
        );
        assert_only_safe_tags(&h);
    }

    #[test]
    fn links_with_control_characters_are_refused() {
        assert_eq!(safe_href("https://x\n"), None);
        assert_eq!(safe_href("java\tscript:alert(1)"), None);
        assert_eq!(safe_href("HTTPS://X"), Some("HTTPS://X"));
        assert_eq!(safe_href("http:"), None);
    }

    #[test]
    fn iframes_and_svg_are_text() {
        let h = render(
            "<iframe src=\"https://evil.example\"></iframe>\n\n\
             <svg><script>window.__pwned=1</script></svg>\n\n\
             <svg onload=\"alert(1)\"><circle r=1 /></svg>\n\n\
             inline <svg/onload=alert(1)> and <object data=x></object> <embed src=x> <math><mtext>x</mtext></math>\n\n\
             <style>body{display:none}</style>\n\n<!-- comment --><base href=\"https://evil/\">\n\n<meta http-equiv=refresh content=0>",
        );
        for tag in [
            "<iframe", "<svg", "<object", "<embed", "<style", "<base", "<meta", "<math", "<!--",
        ] {
            assert!(!h.contains(tag), "{tag} in {h}");
        }
        assert!(h.contains("&lt;iframe"), "{h}");
        assert_only_safe_tags(&h);
    }

    #[test]
    fn images_are_not_loaded() {
        let h = render("![a cat](https://evil.example/cat.png) ![x](javascript:alert(1))");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("[image: a cat]"), "{h}");
        assert!(h.contains(r#"href="https://evil.example/cat.png" rel="noopener noreferrer""#));
        assert!(!h.contains("javascript"), "{h}");
        assert_only_safe_tags(&h);
    }

    #[test]
    fn markdown_structure_renders() {
        let h = render(
            "# Title\n\n- one\n- **two**\n\n1. a\n2. b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```rust\nfn main() { let x = 1 < 2; }\n```\n\n> quote\n",
        );
        assert!(h.contains("<h1>Title</h1>"), "{h}");
        assert!(
            h.contains("<ul>") && h.contains("<strong>two</strong>"),
            "{h}"
        );
        assert!(h.contains("<ol>"), "{h}");
        assert!(h.contains("<table>") && h.contains("<th>x</th>"), "{h}");
        assert!(
            h.contains(r#"<div class="md-code"><div class="md-lang">rust</div><pre tabindex="0"><code>fn main() { let x = 1 &lt; 2; }"#),
            "{h}"
        );
        assert!(h.contains("<blockquote>"), "{h}");
        assert_only_safe_tags(&h);
    }

    #[test]
    fn code_language_labels_are_escaped() {
        let h = render("```\"><script>alert(1)</script>\nx\n```\n");
        assert!(!h.contains("<script"), "{h}");
        assert_only_safe_tags(&h);
    }

    #[test]
    fn heading_attributes_are_not_parsed() {
        let h = render("# Title {#main .x onclick=alert(1)}\n");
        assert!(
            h.starts_with("<h1>Title {#main .x onclick=alert(1)}</h1>"),
            "{h}"
        );
        assert_only_safe_tags(&h);
    }

    #[test]
    fn korean_and_entities_survive() {
        let h = render("한국어 **굵게** &amp; &lt;b&gt;");
        assert!(
            h.contains("한국어 <strong>굵게</strong> &amp; &lt;b&gt;"),
            "{h}"
        );
    }

    #[test]
    fn long_text_is_cut_at_a_line() {
        let line = "abc 한국어 <script>x</script>\n";
        let big: String = line.repeat(200_000);
        let r = render_limited(&big, 100_000);
        assert!(r.truncated());
        assert!(r.shown_bytes <= 100_000 && r.shown_bytes > 90_000);
        assert!(big[..r.shown_bytes].ends_with("</script>"));
        assert!(!r.html.contains("<script"));
        let small = render_limited("hi", 100);
        assert!(!small.truncated());
        // A cut inside a multi-byte character backs off to a boundary.
        assert_eq!(cut("가나다", 4), "가");
    }
}
