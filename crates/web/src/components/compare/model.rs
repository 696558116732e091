//! The compare page's view model: the bench and judge it works on ([`Base`]), models A and B on every
//! prompt ([`Pair`]) and the prompt on screen ([`Current`]). The page builds them in memos; the
//! components only read them, so they live here rather than in the page.

use crate::data::Loaded;
use crate::ui::Shared;
use arena_lens_core::bench::Bench;
use arena_lens_core::compare::{CompareIndex, ModelHoldings, PairRow, PairSummary, VerdictFilters};
use leptos::prelude::Memo;
use std::sync::Arc;

/// Rows per page of the prompt list and of the paired table.
pub const PAGE: usize = 50;

/// The bench and judge the page works on.
pub struct Base {
    pub loaded: Arc<Loaded>,
    pub bench_name: String,
    /// (id, name), sorted by name.
    pub judges: Vec<(u32, String)>,
    /// The judge shown's verdicts; without a judge (no judgment files) an empty index.
    pub index: CompareIndex,
    /// Every model the selects list (answers or verdicts), with what each has.
    pub holdings: Vec<ModelHoldings>,
    /// The judged baseline's name when the data does not hold it as a model (a name from the URL).
    pub baseline_label: Option<String>,
    pub notes: Vec<String>,
    /// Lower-cased search text per prompt.
    pub texts: Vec<String>,
}

impl Base {
    pub fn bench(&self) -> &Bench {
        &self.loaded.dataset.benches[&self.bench_name]
    }
    /// The name of `prompt`'s baseline, for labels.
    pub fn baseline_name(&self, prompt: u32) -> String {
        match self.index.baseline_of(prompt) {
            Some(id) => self.bench().models.name(id).to_string(),
            None => self
                .baseline_label
                .clone()
                .unwrap_or_else(|| "the baseline".into()),
        }
    }
    /// The judge shown; `None` when the data has no judgment files.
    pub fn judge_name(&self) -> Option<String> {
        self.index
            .judge
            .map(|j| self.bench().judges.name(j).to_string())
    }
    /// What `model` has (answers, verdicts), if the selects list it.
    pub fn holding(&self, model: u32) -> Option<&ModelHoldings> {
        self.holdings.iter().find(|h| h.model == model)
    }
}

/// Models A and B on every listed prompt.
pub struct Pair {
    pub base: Shared<Base>,
    pub a: u32,
    pub b: u32,
    pub notes: Vec<String>,
    pub rows: Vec<PairRow>,
    pub summary: PairSummary,
    /// Why the filters that read verdicts cannot be used for this pair.
    pub filters_off: VerdictFilters,
}

impl Pair {
    pub fn bench(&self) -> &Bench {
        self.base.bench()
    }
    pub fn name(&self, model: u32) -> String {
        self.bench().models.name(model).to_string()
    }
    /// A and B are the same model (data with a single model): one answer pane.
    pub fn single(&self) -> bool {
        self.a == self.b
    }
}

/// The prompt on screen.
#[derive(Clone, PartialEq)]
pub struct Current {
    pub pair: Shared<Pair>,
    pub row: usize,
}

/// The pair, once the data is loaded and the judge judged some model.
pub type PairMemo = Memo<Option<Shared<Pair>>>;
/// Indices into [`Pair::rows`] that pass the filters, in list order.
pub type Filtered = Memo<Shared<Vec<usize>>>;
/// The row on screen, and a note when the prompt a link names is not there.
pub type Chosen = Memo<(Option<usize>, Option<String>)>;
