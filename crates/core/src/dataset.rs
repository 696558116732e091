//! A loaded data folder: one [`Bench`] per bench name found in the file paths.

use crate::bench::Bench;
use crate::formats;
use crate::formats::sniff::FormatKind;
use crate::load_options::{map_parallel, LoadOptions};
use crate::manifest::Manifest;
use crate::report::{IssueKind, LoadReport};
use crate::source::{classify_file, FileRole, SourceFile};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Every bench found in a set of files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub benches: BTreeMap<String, Bench>,
    /// Issues not tied to a bench (unrecognised files, a bad manifest).
    pub report: LoadReport,
}

impl Dataset {
    /// Loads files in a fixed order (questions, answers, judgments, battles; each by path), so the result
    /// does not depend on the order a browser or file system hands them over.
    pub fn load(files: Vec<SourceFile>) -> Dataset {
        Dataset::load_with(files, LoadOptions::default())
    }

    /// [`Dataset::load`] with options: skip the answer and judgment texts, read those files on
    /// several threads (see [`crate::load_options`]). Any options give the same data set apart
    /// from the skipped texts.
    pub fn load_with(mut files: Vec<SourceFile>, opts: LoadOptions) -> Dataset {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut ds = Dataset::default();
        let mut baseline = None;
        let mut roles: Vec<(u8, FileRole, &SourceFile)> = Vec::new();
        for f in &files {
            let role = classify_file(&f.path, &f.text);
            // Bench files are counted in their bench's report; the data set's counts the rest.
            if matches!(role, FileRole::Manifest | FileRole::Other) {
                ds.report.files += 1;
                ds.report.bytes += f.text.len();
            }
            let rank = match &role {
                FileRole::Manifest => {
                    match Manifest::parse(&f.text) {
                        Ok(m) => baseline = m.baseline,
                        Err(e) => ds
                            .report
                            .push(IssueKind::BadJson, &f.path, 0, "", e.to_string()),
                    }
                    continue;
                }
                FileRole::Other => {
                    ds.report.push(
                        IssueKind::UnknownFile,
                        &f.path,
                        0,
                        "",
                        if crate::source::is_slim_copy(&f.path) {
                            "a slim copy written by `arena-lens index --slim`; ignored (the full file is read)".into()
                        } else if crate::source::is_parquet(&f.path, f.text.as_bytes()) {
                            "Parquet bytes that were not converted to rows; ignored (the CLI and the site read Parquet through arena-lens-parquet)".into()
                        } else {
                            "not a .jsonl file arena-lens reads; ignored".into()
                        },
                    );
                    continue;
                }
                FileRole::Questions { .. } => 0,
                FileRole::Answers { .. } => 1,
                FileRole::Judgments { .. } => 2,
                FileRole::Battles { .. } => 3,
                // Outputs and reference answers before the verdicts that name them.
                FileRole::Format { kind, .. } => match kind {
                    FormatKind::AlpacaOutputs | FormatKind::MtBenchReference => 1,
                    _ => 3,
                },
            };
            roles.push((rank, role, f));
        }
        roles.sort_by_key(|(rank, _, f)| (*rank, f.path.clone()));
        // Answer and judgment lines are read first (pure, so in parallel when asked), then added
        // to their bench in file order below, which interns names as one thread would.
        let mut read = map_parallel(&roles, opts.threads, |(_, role, f)| match role {
            FileRole::Answers { .. } => Read::Answers(formats::answers::rows(&f.text, opts.texts)),
            FileRole::Judgments { .. } => {
                Read::Judgments(formats::judgments::rows(&f.text, opts.texts))
            }
            _ => Read::Later,
        })
        .into_iter();
        let mut seen: HashMap<String, HashSet<(u32, u32, u32)>> = HashMap::new();
        for (_, role, f) in roles {
            let read = read.next().expect("one read per file");
            let bench_name = match &role {
                FileRole::Questions { bench }
                | FileRole::Answers { bench, .. }
                | FileRole::Judgments { bench, .. }
                | FileRole::Battles { bench }
                | FileRole::Format { bench, .. } => bench.clone(),
                _ => unreachable!("filtered above"),
            };
            let bench = ds
                .benches
                .entry(bench_name.clone())
                .or_insert_with(|| Bench::new(&bench_name));
            bench.report.files += 1;
            bench.report.bytes += f.text.len();
            match role {
                FileRole::Questions { .. } => formats::questions::parse(bench, &f.path, &f.text),
                FileRole::Answers { model, .. } => {
                    let Read::Answers(rows) = read else {
                        unreachable!("read above")
                    };
                    formats::answers::apply(bench, &f.path, &model, rows)
                }
                FileRole::Judgments { judge, model, .. } => {
                    let Read::Judgments(rows) = read else {
                        unreachable!("read above")
                    };
                    formats::judgments::apply(
                        bench,
                        &f.path,
                        &judge,
                        &model,
                        rows,
                        seen.entry(bench_name).or_default(),
                    )
                }
                FileRole::Battles { .. } => formats::battles::parse(bench, &f.path, &f.text),
                FileRole::Format { kind, .. } => formats::read(bench, kind, &f.path, &f.text),
                _ => {}
            }
        }
        ds.finish(baseline);
        ds
    }

    /// The steps after every file is read: prompts shared between benches, answer files in name
    /// order, the manifest's baseline.
    pub(crate) fn finish(&mut self, baseline: Option<String>) {
        formats::mt_bench_prompts::share(&mut self.benches);
        for b in self.benches.values_mut() {
            b.answer_files
                .sort_by(|x, y| b.models.name(*x).cmp(b.models.name(*y)));
            b.manifest_baseline = baseline.clone();
        }
    }

    /// True when a file whose text begins with `head` (at least its first non-blank line) is a
    /// Chatbot Arena battle log in JSON Lines, which [`Dataset::load_arena_log_lines`] can read
    /// line by line.
    pub fn streams_as_arena_log(path: &str, head: &str) -> bool {
        let body = head.strip_prefix('\u{feff}').unwrap_or(head).trim_start();
        body.starts_with('{')
            && matches!(
                classify_file(path, head),
                FileRole::Format {
                    kind: FormatKind::ArenaBattles,
                    ..
                }
            )
    }

    /// Loads a single file that [`Dataset::streams_as_arena_log`] accepted, given line by line
    /// (without line ends): the same data set [`Dataset::load`] gives for the whole text, without
    /// ever holding that text. `head` is the beginning of the file, as given to
    /// `streams_as_arena_log`.
    pub fn load_arena_log_lines(
        path: &str,
        head: &str,
        lines: impl Iterator<Item = String>,
    ) -> Dataset {
        let mut log = crate::stream_load::ArenaLogLines::new(path, head);
        for line in lines {
            log.line(&line);
        }
        log.finish()
    }

    /// Loads a single file that [`Dataset::streams_as_arena_log`] accepted, given in blocks of
    /// whole lines (each ends right after a `\n`, or at the end of the file; together they are
    /// the file's text, `head` included), parsing each block on up to `threads` threads: the same
    /// data set as [`Dataset::load_arena_log_lines`] and [`Dataset::load`] (see
    /// `formats::arena_blocks`).
    pub fn load_arena_log_blocks(
        path: &str,
        head: &str,
        blocks: impl Iterator<Item = String>,
        threads: usize,
    ) -> Dataset {
        Dataset::load_single_log(path, head, |bench| {
            let mut reader = formats::arena_blocks::BlockReader::new(bench, path, threads);
            for block in blocks {
                bench.report.bytes += block.len();
                reader.block(bench, &block);
            }
        })
    }

    /// The data set of one battle log that [`Dataset::streams_as_arena_log`] accepted: its bench
    /// ([`Dataset::single_log_bench`]) filled by `read`, then [`Dataset::of_single_log`].
    fn load_single_log(path: &str, head: &str, read: impl FnOnce(&mut Bench)) -> Dataset {
        let (name, mut bench) = Dataset::single_log_bench(path, head);
        read(&mut bench);
        Dataset::of_single_log(name, bench)
    }

    /// The empty bench of one battle log that [`Dataset::streams_as_arena_log`] accepted, counted
    /// as one file, with its name: where every reader of a single log starts (whole lines,
    /// blocks, or chunks as they arrive, `stream_load`).
    pub(crate) fn single_log_bench(path: &str, head: &str) -> (String, Bench) {
        let FileRole::Format { bench: name, .. } = classify_file(path, head) else {
            unreachable!("checked by streams_as_arena_log")
        };
        let mut bench = Bench::new(&name);
        bench.report.files += 1;
        (name, bench)
    }

    /// The data set holding only the single log's `bench`, finished as [`Dataset::load`]
    /// finishes one.
    pub(crate) fn of_single_log(name: String, bench: Bench) -> Dataset {
        let mut ds = Dataset::default();
        ds.benches.insert(name, bench);
        ds.finish(None);
        ds
    }

    /// The bench to use: the named one, or the only one, or the one with verdicts if just one has them.
    pub fn bench(&self, name: Option<&str>) -> Result<&Bench, crate::Error> {
        if let Some(n) = name {
            return self
                .benches
                .get(n)
                .ok_or_else(|| crate::Error::UnknownBench {
                    name: n.to_string(),
                    found: self.benches.keys().cloned().collect(),
                });
        }
        let with_verdicts: Vec<&Bench> = self
            .benches
            .values()
            .filter(|b| {
                !b.judgments.is_empty() || !b.file_battles.is_empty() || !b.grades.is_empty()
            })
            .collect();
        match with_verdicts.len() {
            1 => Ok(with_verdicts[0]),
            0 => Err(crate::Error::NoData),
            _ => Err(crate::Error::AmbiguousBench {
                found: with_verdicts.iter().map(|b| b.name.clone()).collect(),
            }),
        }
    }
}

/// A file's lines read ahead of adding them to the bench (answer and judgment files only).
enum Read<'a> {
    Answers(Vec<(usize, Result<formats::answers::AnswerRow<'a>, String>)>),
    Judgments(Vec<(usize, Result<formats::judgments::JudgmentRow<'a>, String>)>),
    /// Read when it is added.
    Later,
}
