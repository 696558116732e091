//! The method a command runs: the scope resolves which one (asked for, else the data's own), and the
//! flags it fixes are checked here. An anchor method fixes its tool's bootstrap unit and level; a
//! flag asking for another value is refused rather than ignored, so a printed number is never
//! labelled with a method that did not compute it.

use arena_lens_core::bootstrap::BootstrapUnit;
use arena_lens_core::leaderboard::LeaderboardOptions;
use arena_lens_core::method::Method;

/// The bootstrap unit for `method` when `--bootstrap-unit` gave `asked`.
pub fn unit(method: Method, asked: Option<BootstrapUnit>) -> Result<BootstrapUnit, String> {
    match (method.fixed_unit(), asked) {
        (Some(fixed), Some(a)) if a != fixed => Err(format!(
            "--bootstrap-unit {}: the {method} method resamples {}s, as its tool does; drop the flag or pick --method arena-lens",
            a.as_str(),
            fixed.as_str()
        )),
        (_, a) => Ok(method.unit(a.unwrap_or(method.default_unit()))),
    }
}

/// The interval level for `method` when `--level` gave `asked`.
pub fn level(method: Method, asked: Option<f64>) -> Result<f64, String> {
    match (method.fixed_level(), asked) {
        (Some(fixed), Some(a)) if a != fixed => Err(format!(
            "--level {a}: the {method} method prints {fixed} intervals, as its tool does; drop the flag or pick --method arena-lens"
        )),
        (_, a) => Ok(method.level(a.unwrap_or(LeaderboardOptions::default().level))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchor_refuses_another_unit_or_level_and_accepts_its_own() {
        assert!(unit(Method::ShowResultV01, Some(BootstrapUnit::Prompt)).is_err());
        assert_eq!(
            unit(Method::ShowResultV01, Some(BootstrapUnit::Row)),
            Ok(BootstrapUnit::Row)
        );
        assert_eq!(unit(Method::ArenaLens, None), Ok(BootstrapUnit::Prompt));
        assert!(level(Method::ArenaHardV20, Some(0.95)).is_err());
        assert_eq!(level(Method::ArenaHardV20, None), Ok(0.9));
        assert_eq!(level(Method::ArenaLens, Some(0.8)), Ok(0.8));
    }
}
