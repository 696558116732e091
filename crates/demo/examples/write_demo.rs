//! Writes the demo benchmark to a folder, to look at it or to feed it to other tools:
//! `cargo run -p arena-lens-demo --example write_demo -- OUT_DIR [SEED]`.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "demo-out".to_string());
    let seed = args
        .next()
        .map(|s| s.parse().expect("SEED must be an unsigned integer"))
        .unwrap_or(arena_lens_demo::DEFAULT_SEED);
    let mut total = 0;
    for f in arena_lens_demo::generate(seed) {
        let path = Path::new(&out).join(&f.path);
        std::fs::create_dir_all(path.parent().expect("files live in folders"))?;
        std::fs::write(&path, &f.contents)?;
        total += f.contents.len();
    }
    println!("wrote {total} bytes under {out}");
    Ok(())
}
