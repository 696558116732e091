//! `--format csv|json|md|tex`: the table exports of the core (`arena_lens_core::export`), with
//! the header's data (the path as given) and date (today, UTC; `SOURCE_DATE_EPOCH` when set, for
//! reproducible output) filled in here, since the core has no clock.

use arena_lens_core::export::{self, Format, Provenance, Table};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// The flag's values, with one line of help each.
pub fn format_values() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new([
        PossibleValue::new("csv").help("CSV, numbers at full precision, a # comment header."),
        PossibleValue::new("json").help("The command's JSON (as --json)."),
        PossibleValue::new("md").help("A Markdown table, rounded as shown."),
        PossibleValue::new("tex").help("A LaTeX booktabs table, rounded as shown (leaderboard)."),
    ])
    .try_map(|s| Format::parse(&s).ok_or("unknown format"))
}

/// The header's data and date for data read from `path`.
pub fn provenance(path: &Path) -> Provenance {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    Provenance {
        data: path.display().to_string(),
        date: civil_date(secs / 86_400),
    }
}

/// `YYYY-MM-DD` of a day count since 1970-01-01 (the proleptic Gregorian calendar; H. Hinnant's
/// `civil_from_days`, public domain, chrono-compatible algorithms).
pub fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Writes `t` in `f` (not JSON: each command prints its own JSON).
pub fn write(t: &Table, f: Format, out: &mut dyn Write) -> Result<(), String> {
    let text = export::render(t, f).map_err(|e| match e {
        export::ExportError::Unsupported(_) => format!(
            "--format {}: this command's table has no LaTeX export (LaTeX is for the leaderboard); use csv, json or md",
            f.as_str()
        ),
        e => e.to_string(),
    })?;
    out.write_all(text.as_bytes()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_match_the_calendar() {
        // Reference dates: 1970-01-01 is day 0; 2000-03-01 is day 11017; 2024-02-29 is day 19782
        // (`date -u -d @$((19782*86400))`), exact.
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_017), "2000-03-01");
        assert_eq!(civil_date(19_782), "2024-02-29");
    }
}
