//! The malicious fixture (tests/fixtures/malicious): every text the compare page renders comes out of
//! the markdown renderer with no markup of its own, and a ~10 MB answer (generated here, not committed)
//! loads and renders within the page's cut quickly.

use arena_lens_core::compare::{pair_rows, CompareIndex};
use arena_lens_core::dataset::Dataset;
use arena_lens_core::markdown::{render, render_limited};
use arena_lens_core::source::SourceFile;
use std::path::Path;
use std::time::Instant;

mod common;

/// The ~10 MB answer line of evil-a to mal-big: payloads repeated between ordinary markdown.
fn huge_answer_line() -> String {
    let chunk = "## Part\n\nSome **bold** text, a [bad link](javascript:window.__pwned='huge') and \
                 <script>window.__pwned='huge'</script> <img src=x onerror=\"window.__pwned='huge'\">\n\n\
                 - item one\n- item two\n\n```python\nprint('<script>')\n```\n\n";
    let text = chunk.repeat(10_000_000 / chunk.len() + 1);
    serde_json::json!({
        "question_id": "mal-big",
        "answer_id": "huge",
        "model_id": "evil-a",
        "choices": [{"index": 0, "turns": [{"content": text, "token_len": text.len() / 4}]}],
        "tstamp": 0
    })
    .to_string()
}

fn fixture() -> Vec<SourceFile> {
    let mut files = common::read_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malicious"),
        "malicious",
        &|name| name.ends_with(".jsonl"),
    );
    let evil_a = files
        .iter_mut()
        .find(|f| f.path == "malicious/model_answer/evil-a.jsonl")
        .expect("evil-a answers");
    evil_a.text.push_str(&huge_answer_line());
    evil_a.text.push('\n');
    files
}

/// Tags and attributes that must never come out of the renderer.
fn assert_inert(html: &str, what: &str) {
    let lower = html.to_ascii_lowercase();
    // Escaped text (`&lt;script`) is fine; a real tag is not.
    for bad in [
        "<script", "<img", "<iframe", "<svg", "<object", "<embed", "<style", "<meta", "<base",
        "<form", "<math", "<details", "<!--",
    ] {
        assert!(
            !lower.contains(bad),
            "{what}: found {bad} in {}",
            &html[..html.len().min(2000)]
        );
    }
    // No attribute of any tag starts with "on", "src" or "style" (except table alignment).
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i + 1..];
        let end = tag.find('>').expect("closed tag");
        let inside = &tag[..end];
        for attr in inside.split_whitespace().skip(1) {
            let name = attr.split('=').next().unwrap_or("").to_ascii_lowercase();
            assert!(
                !name.starts_with("on") && name != "src" && name != "srcdoc",
                "{what}: attribute {name} in <{inside}>"
            );
            if name == "href" {
                let v = attr.trim_start_matches("href=\"");
                assert!(
                    v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"),
                    "{what}: {attr}"
                );
            }
        }
        rest = &tag[end..];
    }
}

#[test]
fn every_text_renders_inert() {
    let ds = Dataset::load(fixture());
    let bench = ds.bench(None).unwrap();
    assert_eq!(bench.prompts.len(), 4);
    assert_eq!(bench.judge_names().len(), 2);
    assert!(bench
        .models
        .get("<img src=x onerror=\"window.__pwned='model-name'\">")
        .is_some());
    let multi = &bench.prompts[bench.prompt_index["mal-2"] as usize];
    assert_eq!(multi.later_turns.len(), 1);

    let mut n = 0;
    for p in &bench.prompts {
        for t in std::iter::once(&p.text).chain(&p.later_turns) {
            assert_inert(&render(t), &format!("prompt {}", p.id));
            n += 1;
        }
    }
    for a in &bench.answers {
        for t in std::iter::once(&a.text).chain(&a.later_turns) {
            assert_inert(&render_limited(t, 200_000).html, "answer");
            n += 1;
        }
    }
    for j in &bench.judgments {
        for g in &j.games {
            assert_inert(&render(&g.judgment), "judgment");
            n += 1;
        }
    }
    assert!(n > 40, "{n} texts rendered");
    // The payloads are still there, as text.
    let a = bench
        .answer(
            bench.models.get("evil-b").unwrap(),
            bench.prompt_index["mal-1"],
        )
        .unwrap();
    let html = render(&a.text);
    assert!(
        html.contains("&lt;script&gt;window.__pwned = 'script'"),
        "{html}"
    );
    assert!(html.contains("[image: tracker]"), "{html}");
    assert!(html.contains(
        r#"<a href="https://github.com/lm-sys/arena-hard-auto" rel="noopener noreferrer""#
    ));
}

#[test]
fn a_ten_megabyte_answer_loads_and_renders_within_the_cut() {
    let ds = Dataset::load(fixture());
    let bench = ds.bench(None).unwrap();
    let (evil_a, evil_b) = (
        bench.models.get("evil-a").unwrap(),
        bench.models.get("evil-b").unwrap(),
    );
    let big = bench.answer(evil_a, bench.prompt_index["mal-big"]).unwrap();
    assert!(big.text.len() >= 10_000_000, "{} bytes", big.text.len());
    let t = Instant::now();
    let r = render_limited(&big.text, 200_000);
    assert!(r.truncated() && r.shown_bytes <= 200_000);
    assert_inert(&r.html, "huge answer");
    // Generous for a debug build on a loaded machine; the release wasm is far faster.
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());

    let base = bench.models.get("base-model").unwrap();
    let idx = CompareIndex::new(bench, 0, Some(base));
    let rows = pair_rows(bench, &idx, evil_a, evil_b);
    assert_eq!(rows.len(), 4);
}
