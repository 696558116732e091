//! The pieces of the compare page: model picker, judge and game tabs, the prompt list with its filters,
//! the prompt, the two answers, the verdicts with the judge's texts, and the paired table.
//!
//! Every piece reads the page's memos and writes to the URL through `set`; none keeps state of its own
//! except how much of a long text is shown.

use crate::components::markdown::Markdown;
use crate::data::DataContext;
use crate::pages::compare::{Base, Current, Pair, PAGE};
use crate::texts::Lookup;
use crate::ui::Shared;
use crate::url_state::use_view_state;
use arena_lens_core::bench::{Answer, Judgment};
use arena_lens_core::compare::{
    candidates, ModelOnPrompt, ModelResult, PairRow, PairedCi, PromptFilter,
};
use arena_lens_core::verdict::Verdict;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

type PairMemo = Memo<Option<Shared<Pair>>>;
type Filtered = Memo<Shared<Vec<usize>>>;
type Chosen = Memo<(Option<usize>, Option<String>)>;

/// Most of a judge's view of the prompt that is shown (it repeats both answers).
const JUDGE_SAW_LIMIT: usize = 100_000;

pub use crate::ui::SetView;

fn thousands(n: f64) -> String {
    let s = format!("{:.0}", n);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// The first `n` characters of `s` on one line.
pub fn snippet(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

fn result_letter(r: ModelResult) -> &'static str {
    match r {
        ModelResult::Win => "W",
        ModelResult::Tie => "T",
        ModelResult::Loss => "L",
    }
}

/// "WL", "T?", "base" or "–": a model's two games on a prompt, from its side.
fn marks(m: &ModelOnPrompt) -> String {
    if m.is_baseline {
        return "base".into();
    }
    if m.judgment.is_none() {
        return "–".into();
    }
    (1..=2)
        .map(|g| m.game(g).map_or("?", |gv| result_letter(gv.result)))
        .collect()
}

fn prompts(n: usize) -> String {
    format!("{n} prompt{}", if n == 1 { "" } else { "s" })
}

fn score_text(s: Option<f64>) -> String {
    s.map_or("–".into(), |s| format!("{s:.2}"))
}

/// The judge's label in words, with the names in the two positions.
fn meaning(v: Verdict, pos_a: &str, pos_b: &str) -> String {
    match v {
        Verdict::AMuchBetter => format!("Assistant A ({pos_a}) is much better"),
        Verdict::ABetter => format!("Assistant A ({pos_a}) is better"),
        Verdict::Tie => "a tie".into(),
        Verdict::BBetter => format!("Assistant B ({pos_b}) is better"),
        Verdict::BMuchBetter => format!("Assistant B ({pos_b}) is much better"),
    }
}

/// Moves to the next or previous prompt of the filtered list.
pub fn step(
    pair: &Pair,
    list: &[usize],
    current: Option<usize>,
    forward: bool,
    set: &impl SetView,
) {
    if list.is_empty() {
        return;
    }
    let pos = current.and_then(|c| list.iter().position(|&i| i == c));
    let next = match (pos, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(list.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let id = pair.bench().prompts[pair.rows[list[next]].prompt as usize]
        .id
        .clone();
    set(&|s| {
        s.set_extra(key::PROMPT, Some(id.clone()));
        s.set_extra(key::PAGE, None);
    });
}

/// Model A and B selects with a swap button.
pub fn model_picker(pair: PairMemo, set: impl SetView) -> impl IntoView {
    move || {
        let p = pair.get()?;
        let bench = p.bench();
        let names: Vec<(String, bool)> = candidates(bench, &p.base.index)
            .into_iter()
            .map(|m| {
                (
                    bench.models.name(m).to_string(),
                    p.base.index.baseline == Some(m),
                )
            })
            .collect();
        let (a, b) = (p.name(p.a), p.name(p.b));
        let select = |side: &'static str, current: String| {
            let set = set.clone();
            let k = if side == "a" { key::A } else { key::B };
            view! {
                <label class="field">
                    <span>{if side == "a" { "Model A" } else { "Model B" }}</span>
                    <select data-testid=format!("model-{side}") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|s| s.set_extra(k, Some(v.clone())))
                    }>
                        {names.iter().map(|(n, is_base)| {
                            let label = if *is_base { format!("{n} (baseline)") } else { n.clone() };
                            view! { <option value=n.clone() selected=*n == current>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        };
        let swap = {
            let set = set.clone();
            let (a, b) = (a.clone(), b.clone());
            move |_| {
                set(&|s| {
                    s.set_extra(key::A, Some(b.clone()));
                    s.set_extra(key::B, Some(a.clone()));
                })
            }
        };
        Some(view! {
            <div class="model-picker" data-testid="model-picker">
                {select("a", a.clone())}
                <button type="button" class="button secondary swap" data-testid="swap" title="Swap A and B (key s)" on:click=swap>"⇄ Swap"</button>
                {select("b", b.clone())}
            </div>
        })
    }
}

/// One tab per judge, when there are several.
pub fn judge_tabs(base: Shared<Base>, set: impl SetView) -> impl IntoView {
    (base.judges.len() > 1).then(|| {
        let current = base.index.judge;
        view! {
            <div class="tabs judge-tabs" role="tablist" aria-label="Judge" data-testid="judge-tabs">
                <span class="tabs-label">"Judge:"</span>
                {base.judges.iter().map(|(id, name)| {
                    let set = set.clone();
                    let n = name.clone();
                    view! {
                        <button type="button" role="tab" class="tab" data-judge=name.clone()
                            aria-selected=(*id == current).to_string()
                            on:click=move |_| set(&|s| s.set_extra(key::JUDGE, Some(n.clone())))>
                            {name.clone()}
                        </button>
                    }
                }).collect_view()}
            </div>
        }
    })
}

/// Counts over both models and the paired interval.
pub fn summary_line(pair: PairMemo, ci: Memo<Option<PairedCi>>) -> impl IntoView {
    move || {
        let p = pair.get()?;
        let s = &p.summary;
        let (a, b) = (p.name(p.a), p.name(p.b));
        let judge = p.base.judge_name();
        let base = p
            .base
            .index
            .baseline
            .map(|m| p.name(m))
            .or(p.base.baseline_label.clone())
            .unwrap_or_else(|| "per-prompt baselines".into());
        let ci_line = ci.get().map(|c| {
            view! {
                <p class="ci" data-testid="paired-ci" data-diff=c.diff.to_string() data-lower=c.lower.to_string() data-upper=c.upper.to_string() data-n=c.n.to_string()>
                    <strong>{format!("A − B: {:+.1} points", c.diff)}</strong>
                    {format!(
                        ", {:.0}% CI [{:+.1}, {:+.1}] · win rates vs the baseline: A {:.1}%, B {:.1}% (paired bootstrap over {} prompts, {} rounds, seed {}; ties count ½, both games, strong verdicts unweighted)",
                        c.level * 100.0, c.lower, c.upper, s.mean_a * 100.0, s.mean_b * 100.0, c.n, c.rounds, c.seed
                    )}
                </p>
            }
        });
        Some(view! {
            <section class="pair-summary" data-testid="pair-summary">
                <p>
                    <span class="side">"A"</span>" "<strong>{a}</strong>" vs "<span class="side">"B"</span>" "<strong>{b}</strong>
                    {format!(" · judge {judge} · baseline {base}. ")}
                    {format!(
                        "On {} with verdicts for both: A better on {}, B better on {}, even on {}; games disagree on {}.",
                        prompts(s.both), s.a_better, s.b_better, s.ties, prompts(s.disagree)
                    )}
                </p>
                {ci_line}
            </section>
        })
    }
}

/// The filters, the match count, and (on the prompt tab) the paged list.
pub fn prompt_list(
    pair: PairMemo,
    filter: Memo<PromptFilter>,
    filtered: Filtered,
    chosen: Chosen,
    paired_tab: Memo<bool>,
    set: impl SetView,
) -> impl IntoView {
    let view = use_view_state();
    let set_find = set.clone();
    let extra_setter = |k: &'static str| {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|s| {
                s.set_extra(k, (!v.is_empty()).then(|| v.clone()));
                s.set_extra(key::PAGE, None);
            })
        }
    };
    let check_setter = |k: &'static str| {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            set(&|s| {
                s.set_extra(k, on.then(|| "1".to_string()));
                s.set_extra(key::PAGE, None);
            })
        }
    };
    let (set_cat, set_cluster, set_outcome) = (
        extra_setter(key::CATEGORY),
        extra_setter(key::CLUSTER),
        extra_setter(key::OUTCOME),
    );
    let (set_disagree, set_upset) = (check_setter(key::DISAGREE), check_setter(key::UPSET));

    let group_selects = move || {
        let p = pair.get()?;
        let bench = p.bench();
        let mut cats: Vec<String> = p
            .rows
            .iter()
            .map(|r| bench.prompts[r.prompt as usize].category.clone())
            .collect();
        cats.sort();
        cats.dedup();
        let mut clusters: Vec<String> = p
            .rows
            .iter()
            .map(|r| bench.prompts[r.prompt as usize].cluster.clone())
            .collect();
        clusters.sort();
        clusters.dedup();
        let f = filter.get_untracked();
        let select = |label: &'static str,
                      testid: &'static str,
                      values: Vec<String>,
                      current: Option<String>,
                      on: Box<dyn Fn(leptos::ev::Event)>| {
            (values.len() > 1).then(|| view! {
                <label class="field">
                    <span>{label}</span>
                    <select data-testid=testid on:change=on>
                        <option value="" selected=current.is_none()>"All"</option>
                        {values.into_iter().map(|v| {
                            let sel = current.as_ref() == Some(&v);
                            view! { <option value=v.clone() selected=sel>{if v.is_empty() { "(none)".to_string() } else { v.clone() }}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })
        };
        Some(view! {
            {select("Category", "filter-category", cats, f.category.clone(), Box::new(set_cat.clone()))}
            {select("Cluster", "filter-cluster", clusters, f.cluster.clone(), Box::new(set_cluster.clone()))}
        })
    };

    let page_now = move || -> (usize, usize) {
        let list = filtered.get();
        let pages = list.len().div_ceil(PAGE).max(1);
        let explicit = view.with(|v| v.extra(key::PAGE).and_then(|p| p.parse::<usize>().ok()));
        let page = match explicit {
            Some(p) => p.saturating_sub(1),
            None => chosen
                .get()
                .0
                .and_then(|c| list.iter().position(|&i| i == c))
                .map_or(0, |pos| pos / PAGE),
        };
        (page.min(pages - 1), pages)
    };

    let items = {
        let set = set.clone();
        move || {
            let p = pair.get()?;
            let list = filtered.get();
            let (page, _) = page_now();
            let current = chosen.get().0;
            let bench = p.bench();
            Some(
                list.iter()
                    .skip(page * PAGE)
                    .take(PAGE)
                    .map(|&i| {
                        let row = &p.rows[i];
                        let prompt = &bench.prompts[row.prompt as usize];
                        let id = prompt.id.clone();
                        let set = set.clone();
                        let is_current = Some(i) == current;
                        let text = if prompt.text.is_empty() {
                            "(no question text)".to_string()
                        } else {
                            snippet(&prompt.text, 110)
                        };
                        let (ma, mb) = (marks(&row.a), marks(&row.b));
                        let cluster = prompt.cluster.clone();
                        let open = {
                            let id = id.clone();
                            move |_| {
                                set(&|s| s.set_extra(key::PROMPT, Some(id.clone())));
                            }
                        };
                        view! {
                            <li data-question-id=id.clone() class:current=is_current>
                                <button type="button" class="prompt-item" aria-current=is_current.then_some("true") on:click=open>
                                    <span class="n">{format!("{}", i + 1)}</span>
                                    <span class="text">{text}</span>
                                    <span class="meta">
                                        <span class="marks" title="Model A's games 1 and 2 vs the baseline (W win, T tie, L loss)">"A "{ma}</span>
                                        <span class="marks" title="Model B's games 1 and 2 vs the baseline">"B "{mb}</span>
                                        <span class="cluster">{cluster}</span>
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view(),
            )
        }
    };

    let pager = {
        let set = set.clone();
        move || {
            let (page, pages) = page_now();
            (pages > 1).then(|| {
                let (s1, s2) = (set.clone(), set.clone());
                view! {
                    <div class="pager" data-testid="pager">
                        <button type="button" class="button secondary" disabled={page == 0}
                            on:click=move |_| s1(&|s| s.set_extra(key::PAGE, Some(page.to_string())))>"← Prev"</button>
                        <span data-testid="page">{format!("Page {} of {}", page + 1, pages)}</span>
                        <button type="button" class="button secondary" disabled={page + 1 >= pages}
                            on:click=move |_| s2(&|s| s.set_extra(key::PAGE, Some((page + 2).to_string())))>"Next →"</button>
                    </div>
                }
            })
        }
    };

    // A group of prompts linked from the clusters page, with a way out of it.
    let ids_chip = {
        let set = set.clone();
        move || {
            let n = filter.with(|f| f.ids.as_ref().map(|i| i.len()))?;
            let name = view.with(|v| v.extra(key::IDS_NAME).unwrap_or("a group").to_string());
            let set = set.clone();
            Some(view! {
                <p class="ids-chip" data-testid="ids-filter">
                    {format!("Only the {n} prompts of “{name}”. ")}
                    <button type="button" class="link" on:click=move |_| set(&|s| {
                        s.set_extra(key::IDS, None);
                        s.set_extra(key::IDS_NAME, None);
                        s.set_extra(key::PAGE, None);
                    })>"Show all"</button>
                </p>
            })
        }
    };
    view! {
        <aside class="prompt-side" aria-label="Prompts">
            <div class="filters" data-testid="filters">
                <label class="field search">
                    <span>"Search prompts"</span>
                    <input type="search" data-testid="search" placeholder="words from the prompt, or its id"
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set_find(&|s| {
                                s.set_extra(key::FIND, (!v.is_empty()).then(|| v.clone()));
                                s.set_extra(key::PAGE, None);
                            })
                        } />
                </label>
                {group_selects}
                {ids_chip}
                <label class="field">
                    <span>"Outcome"</span>
                    <select data-testid="filter-outcome" on:change=set_outcome>
                        {[("", "Any"), ("a", "A beat B"), ("b", "B beat A"), ("tie", "Even (same score)")].into_iter().map(|(v, label)| {
                            view! { <option value=v selected=move || filter.with(|f| f.outcome.map_or("", |o| o.as_str()) == v)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="check" title="After mirroring game 2, the two games give a different result (win, tie or loss) for model A or model B: a position flip.">
                    <input type="checkbox" data-testid="filter-disagree" prop:checked=move || filter.with(|f| f.disagree) on:change=set_disagree />
                    "Games disagree"
                </label>
                <label class="check" title="The model with the higher overall win rate scored at least ½ lower than the other on this prompt.">
                    <input type="checkbox" data-testid="filter-upset" prop:checked=move || filter.with(|f| f.upset) on:change=set_upset />
                    "Upsets"
                </label>
            </div>
            <p class="count" data-testid="match-count" aria-live="polite">
                {move || pair.get().map(|p| format!("{} of {} prompts", filtered.with(|l| l.len()), p.rows.len()))}
            </p>
            {move || (!paired_tab.get()).then(|| {
                let items = items.clone();
                let pager = pager.clone();
                view! {
                    <ol class="prompt-list" data-testid="prompt-list">{items}</ol>
                    {pager}
                }
            })}
        </aside>
    }
}

/// The prompt: all its turns, rendered, with previous / next buttons.
pub fn prompt_view(c: Current, filtered: Filtered, set: impl SetView) -> impl IntoView {
    let p = c.pair.clone();
    let row = &p.rows[c.row];
    let bench = p.bench();
    let prompt = &bench.prompts[row.prompt as usize];
    let mut turns: Vec<String> = vec![prompt.text.clone()];
    turns.extend(prompt.later_turns.iter().cloned());
    if turns.len() == 1 {
        // v2.0 keeps later user turns in the answers' `messages`.
        let later = [p.a, p.b]
            .iter()
            .filter_map(|&m| bench.answer(m, row.prompt))
            .map(|a| a.later_user_turns.clone())
            .find(|t| !t.is_empty());
        if let Some(t) = later {
            turns.extend(t);
        }
    }
    let multi = turns.len() > 1;
    let position = filtered.with_untracked(|l| l.iter().position(|&i| i == c.row));
    let count = filtered.with_untracked(|l| l.len());
    let where_text = match position {
        Some(i) => format!("Prompt {} of {} listed", i + 1, count),
        None => "Prompt (not in the filtered list)".to_string(),
    };
    let nav = |forward: bool| {
        let set = set.clone();
        let p = p.clone();
        let cur = c.row;
        move |_| {
            let list = filtered.get_untracked();
            step(&p, &list, Some(cur), forward, &set);
        }
    };
    let meta = [
        prompt.category.clone(),
        prompt.subcategory.clone(),
        prompt.cluster.clone(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <section class="prompt-box" data-testid="prompt" data-question-id=prompt.id.clone()>
            <header class="prompt-head">
                <div class="where">
                    <strong>{where_text}</strong>
                    " "<code class="qid">{prompt.id.clone()}</code>
                    <span class="meta">{meta}</span>
                </div>
                <div class="nav-buttons">
                    <button type="button" class="button secondary" data-testid="prev-prompt" title="Previous prompt (k or ←)" on:click=nav(false)>"← Prev"</button>
                    <button type="button" class="button secondary" data-testid="next-prompt" title="Next prompt (j or →)" on:click=nav(true)>"Next →"</button>
                </div>
            </header>
            {if prompt.text.is_empty() && !multi {
                view! { <p class="hint">"No question text for this prompt: its id appears only in answers or judgments."</p> }.into_any()
            } else {
                turns.into_iter().enumerate().map(|(i, t)| view! {
                    {multi.then(|| view! { <h3 class="turn">{format!("User, turn {}", i + 1)}</h3> })}
                    <Markdown text=t />
                }).collect_view().into_any()
            }}
        </section>
    }
}

/// Token, style and character counts; `chars` is `None` while the text is still loading.
fn counts_text(a: &Answer, chars: Option<usize>) -> String {
    let mut parts = Vec::new();
    match a.tokens {
        Some(t) => parts.push(format!("{} tokens", thousands(t))),
        None => parts.push("no token count".into()),
    }
    if let Some(s) = a.style {
        let count = |n: f64, one: &str, many: &str| {
            format!("{} {}", thousands(n), if n == 1.0 { one } else { many })
        };
        parts.push(count(s.headers, "header", "headers"));
        parts.push(count(s.lists, "list item", "list items"));
        parts.push(format!("{} bold", thousands(s.bold)));
    }
    if let Some(n) = chars {
        parts.push(format!("{} characters", thousands(n as f64)));
    }
    parts.join(" · ")
}

/// Model A's or B's answer, in its own scrolling pane.
pub fn answer_pane(c: Current, side_a: bool) -> impl IntoView {
    let p = c.pair.clone();
    let row = &p.rows[c.row];
    let model = if side_a { p.a } else { p.b };
    let name = p.name(model);
    let bench = p.bench();
    let slim = bench.answer(model, row.prompt);
    let full = expect_context::<DataContext>().texts.with(|t| {
        t.answer(
            p.base.loaded.lazy.as_ref(),
            &bench.name,
            &name,
            &bench.prompts[row.prompt as usize].id,
        )
    });
    let is_base = if side_a {
        row.a.is_baseline
    } else {
        row.b.is_baseline
    };
    let side = if side_a { "A" } else { "B" };
    let model_attr = name.clone();
    let (answer, pending) = match full {
        Lookup::NotLazy => (slim.cloned(), None),
        Lookup::Found(a) => (Some(a), None),
        // The slim copy still has the counts; only the text is missing.
        Lookup::Absent => (slim.cloned(), None),
        Lookup::Loading => (
            slim.cloned(),
            Some(view! { <p class="hint loading" data-testid="text-loading">"Loading the answer text…"</p> }.into_any()),
        ),
        Lookup::Failed(e) => (
            slim.cloned(),
            Some(view! { <p class="status error" role="alert">{format!("The answer text did not load: {e}")}</p> }.into_any()),
        ),
    };
    let counts = answer
        .as_ref()
        .map(|a| counts_text(a, pending.is_none().then(|| a.text.chars().count())));
    let body = match (answer, pending) {
        (_, Some(pending)) => pending,
        (Some(a), None) => {
            let mut turns = vec![a.text.clone()];
            turns.extend(a.later_turns.iter().cloned());
            let multi = turns.len() > 1;
            turns
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    view! {
                        {multi.then(|| view! { <h3 class="turn">{format!("Assistant, turn {}", i + 1)}</h3> })}
                        <Markdown text=t />
                    }
                })
                .collect_view()
                .into_any()
        }
        (None, None) => {
            view! { <p class="hint">"No answer from this model to this prompt in the data."</p> }
                .into_any()
        }
    };
    view! {
        <article class="answer" data-testid=if side_a { "answer-a" } else { "answer-b" } data-model=model_attr>
            <header class="answer-head">
                <span class="side">{side}</span>
                <strong class="model-name">{name}</strong>
                {is_base.then(|| view! { <span class="tag">"baseline"</span> })}
                <span class="counts" data-testid="counts">{counts}</span>
            </header>
            <div class="answer-body" tabindex="0" aria-label=format!("Answer of model {side}")>{body}</div>
        </article>
    }
}

/// Game 1 / game 2 tabs for the judges' texts.
pub fn game_tabs(game: Memo<u8>, set: impl SetView) -> impl IntoView {
    let tab = move |g: u8, label: &'static str| {
        let set = set.clone();
        view! {
            <button type="button" role="tab" class="tab" data-game=g.to_string()
                aria-selected=move || (game.get() == g).to_string()
                on:click=move |_| set(&|s| s.set_extra(key::GAME, Some(g.to_string())))>
                {label}
            </button>
        }
    };
    view! {
        <div class="tabs game-tabs" role="tablist" aria-label="Game" data-testid="game-tabs">
            <span class="tabs-label">"Judge's text for:"</span>
            {tab(1, "Game 1 — baseline in position A")}
            {tab(2, "Game 2 — baseline in position B (swapped)")}
            <span class="hint">"key g"</span>
        </div>
    }
}

/// One game of one model's judgment, with explicit positions.
fn game_block(
    g: u8,
    model: &str,
    base: &str,
    mp: &ModelOnPrompt,
    judgment: Option<&Judgment>,
    texts: &Lookup<Judgment>,
    game: Memo<u8>,
) -> impl IntoView {
    let (pos_a, pos_b) = if g == 1 {
        (format!("baseline ({base})"), format!("model ({model})"))
    } else {
        (format!("model ({model})"), format!("baseline ({base})"))
    };
    let positions = format!("Game {g} — {pos_a} as Assistant A, {pos_b} as Assistant B");
    let (name_a, name_b) = if g == 1 { (base, model) } else { (model, base) };
    let gv = mp.game(g).copied();
    let raw = judgment.and_then(|j| j.games.get(g as usize - 1));
    // The judge's prose comes from the full file when the data was loaded slim.
    let (text_game, pending) = match texts {
        Lookup::Found(full) => (full.games.get(g as usize - 1), None),
        Lookup::Loading => (None, Some("Loading the judge's text…".to_string())),
        Lookup::Failed(e) => (None, Some(format!("The judge's text did not load: {e}"))),
        Lookup::NotLazy | Lookup::Absent => (raw, None),
    };
    let label = gv
        .map(|v| v.verdict.label().to_string())
        .unwrap_or_default();
    let result = gv.map(|v| v.result.as_str()).unwrap_or("none");
    let verdict_line = match gv {
        Some(v) => view! {
            <p class="verdict">
                <span class=format!("chip {}", v.result.as_str())>{v.verdict.label()}</span>
                {format!(" {} — a {} for {model} against the baseline.", meaning(v.verdict, name_a, name_b), v.result.as_str())}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="verdict"><span class="chip none">"—"</span>
                {if raw.is_some() { " No usable verdict in this game (a null or unknown label; see the load report)." } else { " This judgment has no such game." }}
            </p>
        }
        .into_any(),
    };
    let text = text_game.map(|r| r.judgment.clone()).unwrap_or_default();
    let saw = text_game.map(|r| r.user_prompt.clone()).unwrap_or_default();
    let saw = (!saw.is_empty()).then(|| {
        let cut = arena_lens_core::markdown::cut(&saw, JUDGE_SAW_LIMIT).to_string();
        let more = (cut.len() < saw.len())
            .then(|| format!("\n… ({} more bytes not shown)", saw.len() - cut.len()));
        view! {
            <details class="judge-saw">
                <summary>"What the judge was shown"</summary>
                <pre>{cut}{more}</pre>
            </details>
        }
    });
    view! {
        <div class="game-block" data-testid=format!("judgment-game-{g}") data-game=g.to_string()
            data-verdict=label data-result=result hidden=move || game.get() != g>
            <p class="positions">{positions}</p>
            {verdict_line}
            {if let Some(p) = pending {
                view! { <p class="hint loading" data-testid="text-loading">{p}</p> }.into_any()
            } else if text.is_empty() {
                view! { <p class="hint">"No judge text in the data for this game (score-only judgments)."</p> }.into_any()
            } else {
                view! { <Markdown text=text testid="judgment-text" /> }.into_any()
            }}
            {saw}
        </div>
    }
}

/// One model's judgment on the prompt: its verdicts (from the loaded data) and where the judge's
/// prose is (the same row, or a full file fetched on demand).
struct Judged<'a> {
    mp: &'a ModelOnPrompt,
    judgment: Option<&'a Judgment>,
    texts: Lookup<Judgment>,
}

fn verdict_col(
    side: &'static str,
    title: String,
    model: String,
    base: String,
    judged: Judged,
    game: Memo<u8>,
) -> impl IntoView {
    let Judged {
        mp,
        judgment,
        texts,
    } = judged;
    let results = (1..=2u8)
        .map(|g| {
            format!(
                "game {g}: {}",
                mp.game(g).map_or("—", |v| v.result.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let agree = if mp.games_disagree() {
        " — the games disagree (position flip)"
    } else {
        ""
    };
    let body = if judgment.is_none() {
        view! { <p class="hint">"The judge did not judge this model on this prompt."</p> }
            .into_any()
    } else {
        view! {
            {game_block(1, &model, &base, mp, judgment, &texts, game)}
            {game_block(2, &model, &base, mp, judgment, &texts, game)}
        }
        .into_any()
    };
    view! {
        <section class=format!("verdict-col side-{side}") data-testid=format!("verdicts-{side}") data-model=model.clone()>
            <h3>{title}</h3>
            <p class="result-line" data-testid="result-line" class:disagree=mp.games_disagree()>
                {format!("For {model}: {results}{agree}; prompt score {}", score_text(mp.score()))}
            </p>
            {body}
        </section>
    }
}

/// Both models' verdicts against the baseline (or, when one side is the baseline, the direct ones).
pub fn verdicts_view(c: Current, game: Memo<u8>, set: impl SetView) -> impl IntoView {
    let p = c.pair.clone();
    let row: &PairRow = &p.rows[c.row];
    let bench = p.bench();
    let base = p.base.baseline_name(row.prompt);
    let judge = p.base.judge_name();
    let judgment = |mp: &ModelOnPrompt| mp.judgment.map(|j| &bench.judgments[j as usize]);
    let prompt_id = &bench.prompts[row.prompt as usize].id;
    let store = expect_context::<DataContext>().texts;
    let texts = |model: &str| {
        store.with(|t| {
            t.judgment(
                p.base.loaded.lazy.as_ref(),
                &bench.name,
                &judge,
                model,
                prompt_id,
            )
        })
    };
    let direct = row.a.is_baseline || row.b.is_baseline;
    let cols = if direct {
        let (side, m, mp) = if row.a.is_baseline {
            ("B", p.b, &row.b)
        } else {
            ("A", p.a, &row.a)
        };
        let name = p.name(m);
        vec![verdict_col(
            "direct",
            format!("Direct judgments: {side} ({name}) against the baseline {base}"),
            name.clone(),
            base.clone(),
            Judged {
                mp,
                judgment: judgment(mp),
                texts: texts(&name),
            },
            game,
        )
        .into_any()]
    } else {
        [("a", p.a, &row.a), ("b", p.b, &row.b)]
            .into_iter()
            .map(|(side, m, mp)| {
                let name = p.name(m);
                verdict_col(
                    side,
                    format!(
                        "{} · {name} against the baseline {base}",
                        side.to_uppercase()
                    ),
                    name.clone(),
                    base.clone(),
                    Judged {
                        mp,
                        judgment: judgment(mp),
                        texts: texts(&name),
                    },
                    game,
                )
                .into_any()
            })
            .collect()
    };
    view! {
        <section class="verdicts" data-testid="verdicts">
            <h2>{format!("Verdicts of {judge}")}</h2>
            {direct.then(|| view! { <p class="hint">"One side is the baseline, so these judgments compare A and B directly."</p> })}
            {game_tabs(game, set)}
            <div class="verdict-cols" class:single=direct>{cols}</div>
        </section>
    }
}

/// Every listed prompt with both models' verdicts, sortable by disagreement.
pub fn paired_table(pair: PairMemo, filtered: Filtered, set: impl SetView) -> impl IntoView {
    let view = use_view_state();
    move || {
        let p = pair.get()?;
        let bench = p.bench();
        let by_diff = view.with(|v| v.extra(key::PAIRED_SORT) == Some("diff"));
        let mut list: Vec<usize> = filtered.get().to_vec();
        if by_diff {
            let d = |i: usize| p.rows[i].diff().map(f64::abs).unwrap_or(-1.0);
            list.sort_by(|&x, &y| {
                d(y).partial_cmp(&d(x))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(x.cmp(&y))
            });
        }
        let pages = list.len().div_ceil(PAGE).max(1);
        let page = view
            .with(|v| v.extra(key::PAGE).and_then(|x| x.parse::<usize>().ok()))
            .unwrap_or(1)
            .clamp(1, pages)
            - 1;
        let (a, b) = (p.name(p.a), p.name(p.b));
        let cell = |mp: &ModelOnPrompt, g: u8| {
            let (text, class) = if mp.is_baseline {
                ("baseline".to_string(), "none")
            } else {
                match mp.game(g) {
                    Some(v) => (
                        format!("{} {}", v.verdict.label(), result_letter(v.result)),
                        v.result.as_str(),
                    ),
                    None if mp.judgment.is_some() => ("?".into(), "none"),
                    None => ("–".into(), "none"),
                }
            };
            view! { <td class=format!("game {class}")>{text}</td> }
        };
        let sort_toggle = {
            let set = set.clone();
            move |_| {
                set(&|s| {
                    s.set_extra(key::PAIRED_SORT, (!by_diff).then(|| "diff".into()));
                    s.set_extra(key::PAGE, None);
                })
            }
        };
        let rows = list
            .iter()
            .skip(page * PAGE)
            .take(PAGE)
            .map(|&i| {
                let r = &p.rows[i];
                let prompt = &bench.prompts[r.prompt as usize];
                let id = prompt.id.clone();
                let set = set.clone();
                let open = {
                    let id = id.clone();
                    move |_| {
                        set(&|s| {
                            s.set_extra(key::PROMPT, Some(id.clone()));
                            s.set_extra(key::TAB, None);
                            s.set_extra(key::PAGE, None);
                        })
                    }
                };
                let diff = r.diff();
                view! {
                    <tr data-question-id=id.clone() data-diff=diff.map(|d| d.to_string()).unwrap_or_default()
                        class:disagree=r.games_disagree()>
                        <td class="num">{i + 1}</td>
                        <th class="prompt-cell" scope="row">
                            <button type="button" class="linkish" title="Open this prompt" on:click=open>
                                {if prompt.text.is_empty() { id.clone() } else { snippet(&prompt.text, 70) }}
                            </button>
                        </th>
                        {cell(&r.a, 1)}
                        {cell(&r.a, 2)}
                        <td class="num">{score_text(r.a.score())}</td>
                        {cell(&r.b, 1)}
                        {cell(&r.b, 2)}
                        <td class="num">{score_text(r.b.score())}</td>
                        <td class="num strong">{diff.map_or("–".into(), |d| format!("{d:+.2}"))}</td>
                    </tr>
                }
            })
            .collect_view();
        let pager = (pages > 1).then(|| {
            let (s1, s2) = (set.clone(), set.clone());
            view! {
                <div class="pager" data-testid="paired-pager">
                    <button type="button" class="button secondary" disabled={page == 0}
                        on:click=move |_| s1(&|s| s.set_extra(key::PAGE, Some(page.to_string())))>"← Prev"</button>
                    <span>{format!("Page {} of {}", page + 1, pages)}</span>
                    <button type="button" class="button secondary" disabled={page + 1 >= pages}
                        on:click=move |_| s2(&|s| s.set_extra(key::PAGE, Some((page + 2).to_string())))>"Next →"</button>
                </div>
            }
        });
        Some(view! {
            <section class="paired" data-testid="paired-view">
                <p class="hint">"Each model's verdicts against the baseline, from the model's side (W win, T tie, L loss); a prompt's score is the mean of its games. Click a prompt to open it."</p>
                <div class="table-wrap">
                    <table class="board paired-table" data-testid="paired">
                        <thead>
                            <tr>
                                <th class="num">"#"</th>
                                <th>"Prompt"</th>
                                <th>"A game 1"</th>
                                <th>"A game 2"</th>
                                <th class="num" title=a.clone()>"A score"</th>
                                <th>"B game 1"</th>
                                <th>"B game 2"</th>
                                <th class="num" title=b.clone()>"B score"</th>
                                <th class="num" aria-sort=if by_diff { "descending" } else { "none" }>
                                    <button type="button" class="sort" data-sort="diff" on:click=sort_toggle
                                        title="Sort by disagreement between A and B">
                                        {if by_diff { "A − B ▼" } else { "A − B ⇅" }}
                                    </button>
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {pager}
            </section>
        })
    }
}
