//! Export table of the clusters page: every model's win rate on every group (the heatmap and the
//! cluster table read the same numbers), one row per (group, model).

use super::header::Header;
use super::table::{Cell, Column, Table};
use crate::cluster::performance::ClusterPerformance;

/// Per-group performance as a long table, groups in the order given, models by name within one.
pub fn cluster_performance(title: &str, header: Header, rows: &[ClusterPerformance]) -> Table {
    let cols = vec![
        Column::text("group", "Group"),
        Column::integer("group_prompts", "Prompts in group"),
        Column::text("model", "Model"),
        Column::number("win_rate", "Win rate", 1),
        Column::number("lower", "Lower", 1),
        Column::number("upper", "Upper", 1),
        Column::integer("n_prompts", "Scored prompts"),
        Column::text("ci_crosses_50", "Interval includes 50%"),
    ];
    let mut t = Table::new(title, header, cols).expect("the column names are unique");
    for g in rows {
        for m in &g.models {
            t.push(vec![
                Cell::text(g.cluster.clone()),
                Cell::int(g.n_prompts as u64),
                Cell::text(m.model.clone()),
                Cell::num(Some(m.win_rate)),
                Cell::num(m.lower),
                Cell::num(m.upper),
                Cell::int(m.n_prompts as u64),
                Cell::text(if m.ci_crosses_50 { "yes" } else { "no" }),
            ])
            .expect("the cells match the columns");
        }
    }
    t
}
