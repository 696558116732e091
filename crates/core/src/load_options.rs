//! How [`crate::dataset::Dataset::load_with`] reads a folder: whether it keeps the long texts, and
//! on how many threads it reads the answer and judgment files.
//!
//! A leaderboard needs the verdicts, the token counts and the style metadata; the answers' and
//! judges' prose (about 95% of the bytes of the Korean set) is read only by the compare views. So a
//! command that never shows a text can skip them: each line is then read straight into the fields
//! kept (`formats::answers_fast`, `formats::judgments_fast`), stepping over the texts without
//! copying them, and a line that reader is unsure of goes through the full reader, as before. The
//! bench is the same as the full reader's with every answer and judgment text empty (tested on the
//! shared sets), and so is the load report.
//!
//! Reading lines is pure; only adding the rows to the bench (interning names in file order) is
//! sequential. So the files can be read on several threads and added in order, giving the same
//! bench as one thread. Threads are native only: in the browser `threads` is ignored.

/// Whether the answer and judgment texts are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Texts {
    /// Every text as written (the compare views, clustering, exports of texts).
    #[default]
    Keep,
    /// Answer texts (`Answer::text`, `later_turns`, `later_user_turns`) and judgment texts
    /// (`Game::judgment`, `Game::user_prompt`) left empty. For Arena-Hard answer and judgment
    /// files only; every other format is read in full.
    Skip,
}

/// Options for [`crate::dataset::Dataset::load_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    pub texts: Texts,
    /// Threads reading answer and judgment files (1: the calling thread only).
    pub threads: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            texts: Texts::Keep,
            threads: 1,
        }
    }
}

/// `f` applied to every item, on up to `threads` scoped threads (each takes every `threads`-th
/// item, so large and small files spread evenly), results in the items' order. Also fits a
/// bootstrap's batch of rounds (`leaderboard::fits`).
pub(crate) fn map_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        threads.clamp(1, items.len().max(1))
    };
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    let mut parts: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, x)| (i, f(x)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker thread panicked"))
            .collect()
    });
    let mut out: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    for part in parts.drain(..) {
        for (i, r) in part {
            out[i] = Some(r);
        }
    }
    out.into_iter()
        .map(|r| r.expect("every item mapped"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_parallel_keeps_order() {
        let items: Vec<u32> = (0..101).collect();
        for threads in [1, 2, 3, 200] {
            let got = map_parallel(&items, threads, |x| x * 2);
            assert_eq!(got, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
        assert!(map_parallel(&[] as &[u32], 2, |x| *x).is_empty());
    }
}
