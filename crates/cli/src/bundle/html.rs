//! The built site's `index.html`, rewritten for a bundle: the public URL (what Trunk's
//! `--public-url` writes: `<base href>` and every asset URL), the page title, and the
//! `<meta name="arena-lens-data">` that makes the site open the bundle's data with no `data=`.
//!
//! A pure string transformation (tested without files): it finds the base Trunk wrote, swaps that
//! prefix in the URL attributes Trunk fills (`href`, `src`, and the `data-arena-lens-js`/`-wasm` of
//! the loader tag that Trunk.toml's `pattern_script` writes), and lists the assets those URLs name
//! so the caller can check they exist.

use arena_lens_core::manifest::DATA_META;

/// The attributes that hold the asset URLs Trunk writes with its public URL as prefix.
const URL_ATTRS: [&str; 4] = ["href", "src", "data-arena-lens-js", "data-arena-lens-wasm"];

/// The loader tag's attribute: present in Trunk's output, absent from the source `index.html`.
const BUILT_MARK: &str = "data-arena-lens-js=";

/// Why an `index.html` cannot be rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// No `<base href="...">`: the source `index.html` (`<base data-trunk-public-url />`) or not
    /// this site at all.
    NoBase,
    /// No loader tag: Trunk has not processed this file.
    NotBuilt,
    /// No `</head>` to put the data tag before.
    NoHead,
    /// A `--public-url` the page cannot use.
    BadPublicUrl(String),
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HtmlError::NoBase => write!(f, "has no <base href=\"...\"> (it is not a Trunk build)"),
            HtmlError::NotBuilt => write!(
                f,
                "has no loader tag with {BUILT_MARK}\"...\" (it is the source index.html, not a Trunk build)"
            ),
            HtmlError::NoHead => write!(f, "has no </head>"),
            HtmlError::BadPublicUrl(why) => write!(f, "{why}"),
        }
    }
}

/// A public URL the bundle is served under: a path on the host, starting and ending with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Checks a `--public-url` value; a missing final `/` is added (`/sub` and `/sub/` are one path).
    /// Only same-host paths: the page's Content-Security-Policy says `base-uri 'self'`, so a base
    /// on another host would be refused by the browser.
    pub fn parse(s: &str) -> Result<PublicUrl, HtmlError> {
        let bad = |why: &str| HtmlError::BadPublicUrl(format!("--public-url {s:?}: {why}"));
        if !s.starts_with('/') || s.starts_with("//") {
            return Err(bad(
                "must be a path on the host starting with a single / (e.g. /arena-lens/); the page's \
                 Content-Security-Policy allows only a same-origin base",
            ));
        }
        if s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>&\\?#".contains(c))
        {
            return Err(bad(
                "must not contain spaces, quotes, <, >, &, \\, ? or # (percent-encode them)",
            ));
        }
        Ok(PublicUrl(if s.ends_with('/') {
            s.to_string()
        } else {
            format!("{s}/")
        }))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What to change in the page.
pub struct Rewrite<'a> {
    /// The new public URL; `None` keeps the one the site was built with.
    pub public_url: Option<&'a PublicUrl>,
    /// The new `<title>`; `None` keeps the site's.
    pub title: Option<&'a str>,
    /// The data the page opens when the link names none, relative to the base.
    pub data_url: &'a str,
}

/// The rewritten page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub html: String,
    /// The public URL the page now has.
    pub base: String,
    /// The files the page's URLs name, relative to the site folder (`boot.js`, the hashed js, wasm
    /// and css), in page order.
    pub assets: Vec<String>,
}

/// Rewrites a built `index.html` (see the module comment).
pub fn rewrite(html: &str, change: &Rewrite) -> Result<Page, HtmlError> {
    if !html.contains(BUILT_MARK) {
        return Err(HtmlError::NotBuilt);
    }
    let values = url_values(html);
    let base_at = base_value(html, &values).ok_or(HtmlError::NoBase)?;
    let old = html[base_at.0..base_at.1].to_string();
    let new = change
        .public_url
        .map_or(old.clone(), |p| p.as_str().to_string());
    let mut out = String::with_capacity(html.len() + 128);
    let mut assets = Vec::new();
    let mut at = 0;
    for &(start, end) in &values {
        let value = &html[start..end];
        let Some(rest) = value.strip_prefix(old.as_str()) else {
            continue; // data:, or anything not under the base: left as it is.
        };
        if old.ends_with('/') && rest.starts_with('/') {
            continue; // `//host/...` under base `/` is another host, not an asset of ours.
        }
        let file = rest.split(['?', '#']).next().unwrap_or("");
        if (start, end) != base_at && !file.is_empty() && !assets.iter().any(|a| a == file) {
            assets.push(file.to_string());
        }
        out.push_str(&html[at..start]);
        out.push_str(&new);
        out.push_str(rest);
        at = end;
    }
    out.push_str(&html[at..]);
    let out = match change.title {
        Some(t) => set_title(&out, &escape(t)),
        None => out,
    };
    let out = without_data_meta(&out);
    let head = out.find("</head>").ok_or(HtmlError::NoHead)?;
    let meta = format!(
        "  <meta name=\"{DATA_META}\" content=\"{}\" />\n  ",
        escape(change.data_url)
    );
    let html = format!("{}{meta}{}", &out[..head], &out[head..]);
    Ok(Page {
        html,
        base: new,
        assets,
    })
}

/// True when `html` is a page this module wrote (it names its data): how an earlier bundle is
/// recognised before it is replaced.
pub fn is_bundle_page(html: &str) -> bool {
    html.contains(&format!("name=\"{DATA_META}\""))
}

/// Byte ranges of the values of every URL attribute, in order. An attribute counts only after
/// whitespace (so `href` inside another name does not), with a `"` or `'` quoted value.
fn url_values(html: &str) -> Vec<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    for attr in URL_ATTRS {
        let pat = format!("{attr}=");
        for (i, _) in html.match_indices(&pat) {
            if i == 0 || !bytes[i - 1].is_ascii_whitespace() {
                continue;
            }
            let q = i + pat.len();
            let Some(&quote) = bytes.get(q).filter(|b| **b == b'"' || **b == b'\'') else {
                continue;
            };
            if let Some(len) = html[q + 1..].find(quote as char) {
                out.push((q + 1, q + 1 + len));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The `href` value range inside the `<base ...>` tag.
fn base_value(html: &str, values: &[(usize, usize)]) -> Option<(usize, usize)> {
    let tag = html.find("<base")?;
    let end = tag + html[tag..].find('>')?;
    values.iter().copied().find(|&(s, _)| {
        s > tag && s < end && (html[..s].ends_with("href=\"") || html[..s].ends_with("href='"))
    })
}

fn set_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(s), Some(e)) if s < e => {
            format!("{}<title>{title}{}", &html[..s], &html[e..])
        }
        _ => match html.find("</head>") {
            Some(h) => format!("{}<title>{title}</title>\n  {}", &html[..h], &html[h..]),
            None => html.to_string(),
        },
    }
}

/// Removes an earlier data tag (a site folder that is itself a bundle), so the page has one.
fn without_data_meta(html: &str) -> String {
    let open = format!("<meta name=\"{DATA_META}\"");
    match html.find(&open) {
        Some(s) => match html[s..].find('>') {
            Some(len) => {
                let rest = html[s + len + 1..].trim_start_matches([' ', '\n']);
                format!("{}{rest}", &html[..s])
            }
            None => html.to_string(),
        },
        None => html.to_string(),
    }
}

/// Text as HTML text or attribute value: the title and data URL are the user's, never markup.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of Trunk 0.21's output for crates/web/index.html built with public URL `/`.
    const BUILT: &str = r#"<!DOCTYPE html><html lang="en"><head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'self'" />
    <title>arena-lens</title>
    <base href="/" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/main-1a2b.css" integrity="sha384-x" />
<script type="module" src="/boot.js" data-arena-lens-js="/arena-lens-web-9f.js" data-arena-lens-wasm="/arena-lens-web-9f_bg.wasm"></script><link rel="modulepreload" href="/arena-lens-web-9f.js" crossorigin="anonymous"><link rel="preload" href="/arena-lens-web-9f_bg.wasm" as="fetch" type="application/wasm"></head>
  <body></body>
</html>"#;

    fn sub() -> PublicUrl {
        PublicUrl::parse("/sub").unwrap()
    }

    #[test]
    fn rewrites_base_and_every_asset_url_and_lists_the_assets() {
        let p = sub();
        let page = rewrite(
            BUILT,
            &Rewrite {
                public_url: Some(&p),
                title: Some("Runs <A & B>"),
                data_url: "data/",
            },
        )
        .unwrap();
        assert!(page.html.contains(r#"<base href="/sub/" />"#));
        assert!(page.html.contains(r#"src="/sub/boot.js""#));
        assert!(page
            .html
            .contains(r#"data-arena-lens-js="/sub/arena-lens-web-9f.js""#));
        assert!(page
            .html
            .contains(r#"data-arena-lens-wasm="/sub/arena-lens-web-9f_bg.wasm""#));
        assert!(page.html.contains(r#"href="/sub/main-1a2b.css""#));
        assert!(page.html.contains(r#"href="data:,""#), "non-base URLs kept");
        assert!(!page.html.contains("=\"/arena") && !page.html.contains("=\"/main"));
        assert!(page.html.contains("<title>Runs &lt;A &amp; B&gt;</title>"));
        assert!(page
            .html
            .contains(r#"<meta name="arena-lens-data" content="data/" />"#));
        assert!(is_bundle_page(&page.html));
        assert_eq!(page.base, "/sub/");
        assert_eq!(
            page.assets,
            [
                "main-1a2b.css",
                "boot.js",
                "arena-lens-web-9f.js",
                "arena-lens-web-9f_bg.wasm"
            ]
        );
    }

    #[test]
    fn without_options_keeps_base_and_title_and_rewriting_twice_is_stable() {
        let keep = Rewrite {
            public_url: None,
            title: None,
            data_url: "data/",
        };
        let page = rewrite(BUILT, &keep).unwrap();
        assert_eq!(page.base, "/");
        assert!(page.html.contains("<title>arena-lens</title>"));
        assert!(page.html.contains(r#"src="/boot.js""#));
        // A bundle's own page as the site: one data tag, and the base moves from /sub/ to /x/.
        let p = sub();
        let once = rewrite(
            BUILT,
            &Rewrite {
                public_url: Some(&p),
                ..keep
            },
        )
        .unwrap();
        let x = PublicUrl::parse("/x/").unwrap();
        let twice = rewrite(
            &once.html,
            &Rewrite {
                public_url: Some(&x),
                title: None,
                data_url: "data/",
            },
        )
        .unwrap();
        assert_eq!(twice.html.matches("arena-lens-data").count(), 1);
        assert!(twice.html.contains(r#"<base href="/x/" />"#));
        assert!(!twice.html.contains("/sub/"));
        assert_eq!(twice.assets, once.assets);
    }

    #[test]
    fn the_source_page_and_bad_public_urls_are_refused() {
        let src = r#"<head><base data-trunk-public-url /><link data-trunk rel="rust" /></head>"#;
        let keep = Rewrite {
            public_url: None,
            title: None,
            data_url: "data/",
        };
        assert_eq!(rewrite(src, &keep), Err(HtmlError::NotBuilt));
        let no_base = BUILT.replace(r#"<base href="/" />"#, "");
        assert_eq!(rewrite(&no_base, &keep), Err(HtmlError::NoBase));
        for bad in [
            "sub/",
            "https://host/sub/",
            "//host/",
            "/a b/",
            "/a\"/",
            "/a?x",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(PublicUrl::parse("/").unwrap().as_str(), "/");
        assert_eq!(PublicUrl::parse("/a/b").unwrap().as_str(), "/a/b/");
    }
}
