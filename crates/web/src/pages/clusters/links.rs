//! Where the page's clicks lead: a selection on the map becomes the link's prompt subset, and a
//! group or a prompt opens in the compare page with the chosen model. Each returns the handler,
//! which writes the view state (the URL) and nothing else.

use super::base::BaseMemo;
use crate::ui::{SetView, Shared};
use arena_lens_core::cluster::groups::{GroupField, Groups};
use arena_lens_core::leaderboard::GroupBy;
use arena_lens_core::view_state::keys::{self, compare as ckey, page};
use arena_lens_core::view_state::ViewState;
use leptos::prelude::*;

/// A box or lasso on the prompt map: its prompts become the link's subset (none: no subset).
pub fn select_on_map(
    base: BaseMemo,
    set: impl SetView,
) -> impl Fn(Vec<usize>) + Clone + Send + Sync + 'static {
    move |idx: Vec<usize>| {
        let Some(Ok(b)) = base.get_untracked() else {
            return;
        };
        let idx: Vec<u32> = idx.into_iter().map(|i| i as u32).collect();
        let code = (!idx.is_empty()).then(|| arena_lens_core::subset::encode_ids(b.bench(), &idx));
        set(&|s| {
            s.subset.encoded = code.clone();
            s.subset.search = None;
        });
    }
}

/// Opens a group's prompts in the compare page, with the model chosen: a label the compare page
/// filters on itself (cluster, category), else the group's prompt ids under its name.
pub fn open_group(
    base: BaseMemo,
    groups: Memo<Option<Shared<Groups>>>,
    set: impl SetView,
) -> impl Fn(Option<String>, String) + Clone + Send + Sync + 'static {
    move |model: Option<String>, group: String| {
        let (Some(Ok(b)), Some(g)) = (base.get_untracked(), groups.get_untracked()) else {
            return;
        };
        let ids = g.ids(b.bench(), &group).join(",");
        let field = g.field;
        set(&|s| {
            to_compare(s, model.as_ref());
            s.set_extra(ckey::PROMPT, None);
            s.set_extra(ckey::PAGE, None);
            s.set_extra(ckey::CLUSTER, None);
            s.set_extra(ckey::CATEGORY, None);
            s.set_extra(ckey::IDS, None);
            s.set_extra(ckey::IDS_NAME, None);
            match field {
                GroupField::Label(GroupBy::Cluster) => {
                    s.set_extra(ckey::CLUSTER, Some(group.clone()))
                }
                GroupField::Label(GroupBy::Category) => {
                    s.set_extra(ckey::CATEGORY, Some(group.clone()))
                }
                _ => {
                    s.set_extra(ckey::IDS, Some(ids.clone()));
                    s.set_extra(ckey::IDS_NAME, Some(group.clone()));
                }
            }
        });
    }
}

/// Opens one prompt in the compare page, with the model chosen.
pub fn open_prompt(
    model: Memo<Option<String>>,
    set: impl SetView,
) -> impl Fn(String) + Clone + Send + Sync + 'static {
    move |id: String| {
        let m = model.get_untracked();
        set(&|s| {
            to_compare(s, m.as_ref());
            s.set_extra(ckey::PROMPT, Some(id.clone()));
        });
    }
}

/// The compare page, with `model` (the page's chosen one) as its model A when there is one.
fn to_compare(s: &mut ViewState, model: Option<&String>) {
    s.set_extra(keys::PAGE, Some(page::COMPARE.into()));
    if let Some(m) = model {
        s.set_extra(ckey::A, Some(m.clone()));
    }
}
