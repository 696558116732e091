//! The verdicts: each model's two games against the baseline (or, when one side is the baseline, the
//! direct ones), with positions spelled out, the judge's text and what the judge was shown. A model
//! the judge shown did not judge says so and links to the judges that did.

use super::game_tabs;
use super::model::Current;
use super::score_text;
use crate::components::markdown::Markdown;
use crate::data::DataContext;
use crate::texts::Lookup;
use crate::ui::SetView;
use crate::url_state::{href, use_view_state};
use arena_lens_core::bench::Judgment;
use arena_lens_core::compare::{ModelOnPrompt, PairRow};
use arena_lens_core::verdict::Verdict;
use arena_lens_core::view_state::keys::compare as key;
use leptos::prelude::*;

/// Most of a judge's view of the prompt that is shown (it repeats both answers).
const JUDGE_SAW_LIMIT: usize = 100_000;

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
                view! { <Markdown text=text testid="judgment-text" scroll_label=format!("Judge's text, game {g}, {model}") /> }.into_any()
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
    /// `Some`: the judge shown never judged this model; the judges that did, with links to them.
    not_judged: Option<NotJudged>,
}

/// A model the judge shown did not judge: that judge, and (name, link) of each judge that did.
struct NotJudged {
    judge: String,
    others: Vec<(String, String)>,
}

fn not_judged_view(model: &str, n: NotJudged) -> impl IntoView {
    let others = if n.others.is_empty() {
        view! { <p class="hint">"No judge in this data judged it: only its answers are here."</p> }
            .into_any()
    } else {
        let count = n.others.len();
        view! {
            <p class="judged-by" data-testid="judged-by">
                {if count == 1 { "Judged by " } else { "Judged by these judges: " }}
                {n.others.into_iter().enumerate().map(|(i, (name, link))| {
                    let label = name.clone();
                    view! {
                        {(i > 0).then_some(", ")}
                        <a href=link data-judge=name>{label}</a>
                    }
                }).collect_view()}
                "."
            </p>
        }
        .into_any()
    };
    view! {
        <p class="status note" data-testid="not-judged">{format!("{model} is not judged by {}.", n.judge)}</p>
        {others}
    }
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
        not_judged,
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
    let judged_here = not_judged.is_none();
    let body = if let Some(n) = not_judged {
        not_judged_view(&model, n).into_any()
    } else if judgment.is_none() {
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
        <section class=format!("verdict-col side-{side}") data-testid=format!("verdicts-{side}") data-model=model.clone()
            data-judged=judged_here.to_string()>
            <h3>{title}</h3>
            {judged_here.then(|| view! {
                <p class="result-line" data-testid="result-line" class:disagree=mp.games_disagree()>
                    {format!("For {model}: {results}{agree}; prompt score {}", score_text(mp.score()))}
                </p>
            })}
            {body}
        </section>
    }
}

/// Both models' verdicts against the baseline (or, when one side is the baseline, the direct ones).
pub fn verdicts_view(c: Current, game: Memo<u8>, set: impl SetView) -> impl IntoView {
    let p = c.pair.clone();
    let row: &PairRow = &p.rows[c.row];
    let bench = p.bench();
    let Some(judge) = p.base.judge_name() else {
        return view! {
            <section class="verdicts" data-testid="verdicts" data-judged="none">
                <h2>"Verdicts"</h2>
                <p class="hint" data-testid="no-verdicts">"This data has no verdicts (no judgment files): there are only the answers to read."</p>
            </section>
        }
        .into_any();
    };
    let base = p.base.baseline_name(row.prompt);
    let view_state = use_view_state();
    // The judges other than this one that judged `m`, each with a link to this view under it.
    let not_judged = |m: u32| -> Option<NotJudged> {
        let h = p.base.holding(m)?;
        if h.verdicts || h.baseline {
            return None;
        }
        let others = h
            .other_judges(&p.base.index)
            .into_iter()
            .map(|j| {
                let name = bench.judges.name(j).to_string();
                let mut v = view_state.get_untracked();
                v.set_extra(key::JUDGE, Some(name.clone()));
                (name, href(&v.to_query()))
            })
            .collect();
        Some(NotJudged {
            judge: judge.clone(),
            others,
        })
    };
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
    // One column: a side's verdicts against the baseline, titled for the reader.
    let col = |side: &'static str, title: &dyn Fn(&str) -> String, m: u32, mp| {
        let name = p.name(m);
        verdict_col(
            side,
            title(&name),
            name.clone(),
            base.clone(),
            Judged {
                mp,
                judgment: judgment(mp),
                texts: texts(&name),
                not_judged: not_judged(m),
            },
            game,
        )
        .into_any()
    };
    let cols = if direct {
        let (side, m, mp) = if row.a.is_baseline {
            ("B", p.b, &row.b)
        } else {
            ("A", p.a, &row.a)
        };
        vec![col(
            "direct",
            &|name| format!("Direct judgments: {side} ({name}) against the baseline {base}"),
            m,
            mp,
        )]
    } else {
        [("a", p.a, &row.a), ("b", p.b, &row.b)]
            .into_iter()
            .map(|(side, m, mp)| {
                col(
                    side,
                    &|name| {
                        format!(
                            "{} · {name} against the baseline {base}",
                            side.to_uppercase()
                        )
                    },
                    m,
                    mp,
                )
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
    .into_any()
}
