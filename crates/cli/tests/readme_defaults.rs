//! The option defaults the README states, read from each command's `--help` (what a user sees):
//! "`--rounds` defaults to 100 in every command", and `leaderboard`'s `[--rounds 100] [--seed 42]
//! [--level 0.95] [--weight 3]`.

mod common;

use common::cli;

/// The `[default: …]` of option `--name` in `arena-lens <command> --help`.
fn default_of(command: &str, name: &str) -> String {
    let out = cli().args([command, "--help"]).output().unwrap();
    assert!(out.status.success(), "{command} --help");
    let help = String::from_utf8(out.stdout).unwrap();
    let flag = format!("--{name} <");
    let at = help
        .find(&flag)
        .unwrap_or_else(|| panic!("{command} has no {flag}"));
    // The option's block ends where the next option starts.
    let block = &help[at..];
    let block = &block[..block[2..].find("\n  -").map_or(block.len(), |e| e + 2)];
    let d = block
        .find("[default: ")
        .unwrap_or_else(|| panic!("{command} --{name} has no default"));
    let rest = &block[d + "[default: ".len()..];
    rest[..rest.find(']').unwrap()].to_string()
}

#[test]
fn rounds_default_to_100_in_every_command() {
    for command in ["leaderboard", "compare", "clusters", "judges"] {
        assert_eq!(default_of(command, "rounds"), "100", "{command}");
    }
}

#[test]
fn leaderboard_defaults_are_the_readmes() {
    assert_eq!(default_of("leaderboard", "seed"), "42");
    assert_eq!(default_of("leaderboard", "level"), "0.95");
    assert_eq!(default_of("leaderboard", "weight"), "3");
}
