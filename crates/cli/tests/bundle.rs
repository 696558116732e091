//! `arena-lens bundle`: the folder it writes (site, data copy, manifest, slim copies, the page's
//! base and data tag), that DATA is only read, symlinks followed, and every bad input refused
//! with a message that says what to do. The site is a fake Trunk build written by the test (the
//! real one is served in e2e/bundle.test.mjs).

mod common;

use arena_lens_core::manifest::Manifest;
use common::{cli, demo_dir, run_json, tempdir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The shape of Trunk 0.21's `dist/index.html` for crates/web/index.html (public URL `/`, the
/// loader tag of Trunk.toml's `pattern_script`), with short fake hashes.
const BUILT_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'self'" />
    <title>arena-lens</title>
    <base href="/" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/main-1a2b.css" integrity="sha384-x" />
<script type="module" src="/boot.js" data-arena-lens-js="/arena-lens-web-9f.js" data-arena-lens-wasm="/arena-lens-web-9f_bg.wasm"></script><link rel="modulepreload" href="/arena-lens-web-9f.js" crossorigin="anonymous"><link rel="preload" href="/arena-lens-web-9f_bg.wasm" as="fetch" type="application/wasm"></head>
  <body></body>
</html>"#;

/// The assets the page names, with placeholder contents (the wasm starts with wasm's magic).
const ASSETS: [(&str, &[u8]); 4] = [
    ("boot.js", b"// boot\n"),
    (
        "arena-lens-web-9f.js",
        b"export default async function init() {}\n",
    ),
    ("arena-lens-web-9f_bg.wasm", b"\0asm\x01\0\0\0"),
    ("main-1a2b.css", b"body { margin: 0 }\n"),
];

/// A fake built site: the page, its assets, and what a bundle must leave out (the demo data Trunk
/// copies into dist/data/, the e2e fixtures in dist/e2e/, Trunk's .stage).
fn fake_site(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir.join("data/demo")).unwrap();
    std::fs::create_dir_all(dir.join("e2e/x")).unwrap();
    std::fs::create_dir_all(dir.join(".stage")).unwrap();
    std::fs::write(dir.join("index.html"), BUILT_PAGE).unwrap();
    for (name, bytes) in ASSETS {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(dir.join("data/demo/manifest.json"), "{}").unwrap();
    std::fs::write(dir.join("e2e/x/question.jsonl"), "{}\n").unwrap();
    std::fs::write(dir.join(".stage/tmp"), "").unwrap();
    dir.to_path_buf()
}

/// Every file below `root` (symlinks followed) with its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    arena_lens_cli::read::list_files(root)
        .unwrap()
        .into_iter()
        .map(|(rel, full)| (rel, std::fs::read(full).unwrap()))
        .collect()
}

/// Runs `bundle` with `args`; returns (success, stdout, stderr).
fn bundle(args: &[&str]) -> (bool, String, String) {
    let out = cli().arg("bundle").args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A tiny data root with one bench (questions only) for the error cases.
fn tiny_data(dir: &Path) -> PathBuf {
    let bench = dir.join("tiny");
    std::fs::create_dir_all(&bench).unwrap();
    std::fs::write(
        bench.join("question.jsonl"),
        "{\"question_id\":\"q1\",\"turns\":[{\"content\":\"hi\"}]}\n",
    )
    .unwrap();
    dir.to_path_buf()
}

#[test]
fn the_demo_bundle_holds_the_site_under_sub_the_data_its_manifest_and_slim_copies() {
    let tmp = tempdir("bundle-demo");
    let demo = demo_dir("bundle-demo-data");
    let before = snapshot(&demo);
    let site = fake_site(&tmp.join("site"));
    let out = tmp.join("www").join("sub");
    let (ok, stdout, stderr) = bundle(&[
        s(&demo),
        "--out",
        s(&out),
        "--site",
        s(&site),
        "--public-url",
        "/sub",
        "--title",
        "Demo <runs> & co",
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("at /sub/"), "{stdout}");

    // The page: base and every asset URL under /sub/, the title escaped, the data tag.
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains(r#"<base href="/sub/" />"#), "{page}");
    for (name, _) in ASSETS {
        assert!(
            page.contains(&format!("\"/sub/{name}\"")),
            "{name} in {page}"
        );
        assert!(!page.contains(&format!("\"/{name}\"")), "old URL of {name}");
    }
    assert!(page.contains("<title>Demo &lt;runs&gt; &amp; co</title>"));
    assert!(page.contains(r#"<meta name="arena-lens-data" content="data/" />"#));

    // The site's files, byte for byte; nothing of its demo data, e2e fixtures or .stage.
    for (name, bytes) in ASSETS {
        assert_eq!(std::fs::read(out.join(name)).unwrap(), bytes, "{name}");
    }
    for gone in ["data/demo", "e2e", ".stage"] {
        assert!(!out.join(gone).exists(), "{gone} must not be copied");
    }

    // The data: every .jsonl of the demo, byte for byte, listed in the manifest with a slim copy.
    let m =
        Manifest::parse(&std::fs::read_to_string(out.join("data/manifest.json")).unwrap()).unwrap();
    assert_eq!(m.baseline.as_deref(), Some(arena_lens_demo::DEMO_BASELINE));
    assert!(m.base.is_empty());
    let listed: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
    let jsonl: Vec<&str> = before
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with(".jsonl"))
        .collect();
    assert_eq!(listed, jsonl);
    for f in &m.files {
        assert_eq!(
            std::fs::read(out.join("data").join(&f.path)).unwrap(),
            before[&f.path],
            "{}",
            f.path
        );
    }
    let slim: Vec<_> = m.files.iter().filter_map(|f| f.slim.as_ref()).collect();
    assert!(
        slim.len() >= m.files.len() - 1,
        "answers and judgments have slim copies"
    );
    for c in slim {
        let len = std::fs::metadata(out.join("data").join(&c.path))
            .unwrap()
            .len();
        assert_eq!(len, c.bytes, "{}", c.path);
    }
    // DATA is only read: same files, same bytes, no manifest rewritten or _slim added.
    assert_eq!(snapshot(&demo), before);

    // The bundle's data gives the CLI the same leaderboard as the demo itself.
    let lb = |p: &Path| {
        run_json(&[
            "leaderboard",
            s(p),
            "--judge",
            "judge-atlas",
            "--rounds",
            "20",
            "--json",
        ])
    };
    assert_eq!(lb(&out.join("data"))["models"], lb(&demo)["models"]);

    // Bundling again into the same folder replaces the earlier bundle (a stale file goes), and
    // without --public-url the page keeps the site's own base.
    std::fs::write(out.join("data/stale.jsonl"), "{}\n").unwrap();
    let (ok, _, stderr) = bundle(&[s(&demo), "--out", s(&out), "--site", s(&site)]);
    assert!(ok, "{stderr}");
    assert!(!out.join("data/stale.jsonl").exists());
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains(r#"<base href="/" />"#) && page.contains("<title>arena-lens</title>"));
    std::fs::remove_dir_all(&tmp).unwrap();
    std::fs::remove_dir_all(&demo).unwrap();
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_and_a_bench_folder_keeps_its_name() {
    use std::os::unix::fs::symlink;
    let tmp = tempdir("bundle-links");
    let site = fake_site(&tmp.join("site"));
    let real = tiny_data(&tmp.join("real"));
    std::fs::write(tmp.join("extra.jsonl"), "{}\n").unwrap();
    // A data root whose bench is a symlinked folder, holding a symlinked file.
    let root = tmp.join("root");
    std::fs::create_dir_all(&root).unwrap();
    symlink(real.join("tiny"), root.join("tiny")).unwrap();
    symlink(tmp.join("extra.jsonl"), real.join("tiny/extra.jsonl")).unwrap();
    let out = tmp.join("out");
    let (ok, _, stderr) = bundle(&[s(&root), "--out", s(&out), "--site", s(&site)]);
    assert!(ok, "{stderr}");
    for rel in [
        "data/tiny",
        "data/tiny/question.jsonl",
        "data/tiny/extra.jsonl",
    ] {
        let meta = std::fs::symlink_metadata(out.join(rel)).unwrap();
        assert!(
            !meta.file_type().is_symlink(),
            "{rel} is a copy, not a link"
        );
    }
    assert_eq!(
        std::fs::read(out.join("data/tiny/extra.jsonl")).unwrap(),
        b"{}\n"
    );
    // A bench folder as DATA goes under its own name, as `arena-lens leaderboard` names it.
    let out2 = tmp.join("out2");
    let (ok, _, stderr) = bundle(&[s(&real.join("tiny")), "--out", s(&out2), "--site", s(&site)]);
    assert!(ok, "{stderr}");
    assert!(out2.join("data/tiny/question.jsonl").is_file());
    // So does a single battles file: under its folder's name.
    let out3 = tmp.join("out3");
    let (ok, _, stderr) = bundle(&[
        s(&tmp.join("extra.jsonl")),
        "--out",
        s(&out3),
        "--site",
        s(&site),
    ]);
    assert!(ok, "{stderr}");
    let name = tmp.file_name().unwrap().to_str().unwrap();
    assert!(out3.join("data").join(name).join("extra.jsonl").is_file());
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn bad_input_is_refused_with_what_to_do() {
    let tmp = tempdir("bundle-errors");
    let site = fake_site(&tmp.join("site"));
    let data = tiny_data(&tmp.join("data"));
    let out = tmp.join("out");
    let refused = |args: &[&str], expect: &str| {
        let (ok, _, stderr) = bundle(args);
        assert!(!ok, "{args:?} must fail");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
    };
    let out_s = s(&out);
    let site_s = s(&site);
    // DATA missing, without .jsonl, or a file that is not one.
    refused(
        &[s(&tmp.join("nope")), "--out", out_s, "--site", site_s],
        "cannot read the data",
    );
    let empty = tmp.join("empty");
    std::fs::create_dir_all(empty.join("bench")).unwrap();
    std::fs::write(empty.join("bench/notes.txt"), "x").unwrap();
    refused(
        &[s(&empty), "--out", out_s, "--site", site_s],
        "no data files",
    );
    refused(
        &[
            s(&empty.join("bench/notes.txt")),
            "--out",
            out_s,
            "--site",
            site_s,
        ],
        "no data files",
    );
    // No built site: the error names the command that builds it.
    let nosite = tmp.join("nosite");
    std::fs::create_dir_all(&nosite).unwrap();
    refused(
        &[s(&data), "--out", out_s, "--site", s(&nosite)],
        "bash scripts/build.sh",
    );
    // The source index.html (not a Trunk build), and a build missing its wasm.
    let source = tmp.join("source");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(
        source.join("index.html"),
        "<head><base data-trunk-public-url /></head>",
    )
    .unwrap();
    refused(
        &[s(&data), "--out", out_s, "--site", s(&source)],
        "not a Trunk build",
    );
    std::fs::remove_file(site.join("arena-lens-web-9f_bg.wasm")).unwrap();
    refused(
        &[s(&data), "--out", out_s, "--site", site_s],
        "arena-lens-web-9f_bg.wasm, which is missing",
    );
    fake_site(&site);
    // A public URL on another host, or not a path.
    refused(
        &[
            s(&data),
            "--out",
            out_s,
            "--site",
            site_s,
            "--public-url",
            "https://x/",
        ],
        "single /",
    );
    // A folder that is not empty and not a bundle is left alone; one inside DATA is refused.
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("mine.txt"), "keep").unwrap();
    refused(&[s(&data), "--out", out_s, "--site", site_s], "not empty");
    assert_eq!(
        std::fs::read_to_string(out.join("mine.txt")).unwrap(),
        "keep"
    );
    refused(
        &[s(&data), "--out", s(&data.join("site")), "--site", site_s],
        "overlaps the data",
    );
    // Nothing was written by the refused runs.
    assert!(!data.join("site").exists() && !tmp.join("out").join("index.html").exists());
    std::fs::remove_dir_all(&tmp).unwrap();
}
