//! The `arena-lens` binary: everything lives in the library so tests can call it.

fn main() {
    std::process::exit(arena_lens_cli::run(std::env::args_os()));
}
