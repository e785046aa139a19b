//! What changed since an earlier year: for each unit of this year, last year's published index
//! and rank and their change, or that it is new; and the units of the earlier export that are
//! no longer there. Drawn in [`super::render`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::criteria::Criteria;
use crate::decimal::publish;
use crate::inputs::previous::{Previous, PreviousUnit};
use crate::stages::{Results, UnitResult};

/// How a unit compares with the earlier year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In both years, in the same group.
    Compared,
    /// In both years, but in another group then: the rank is not compared.
    GroupChanged,
    /// Not in the earlier export.
    New,
}

/// The change of one unit of this year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub status: Status,
    /// Last year's published index and rank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// This year's published index minus last year's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_change: Option<Decimal>,
    /// Last year's rank minus this year's: positive is up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank_change: Option<i64>,
}

/// The changes of a year's units against an earlier export.
#[derive(Debug, Clone)]
pub struct Changes {
    pub file: String,
    pub year: Option<i64>,
    /// By unit code, for the units of the groups shown.
    pub units: BTreeMap<String, Change>,
    /// Units of the earlier export (in the groups shown) that are not in this year, by group
    /// then rank.
    pub dropped: Vec<PreviousUnit>,
}

impl Changes {
    /// How the earlier year is named in headers: "năm 2022", or "năm trước" when the export
    /// does not say.
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("năm {y}"),
            None => "năm trước".into(),
        }
    }

    /// The dropped units of a group.
    pub fn dropped_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a PreviousUnit> {
        self.dropped.iter().filter(move |u| u.group == group)
    }
}

/// Compares this year's units of `groups` with the earlier export.
pub fn changes(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    previous: &Previous,
) -> Changes {
    let d = criteria.publish.decimals;
    let by_code: BTreeMap<&str, &PreviousUnit> = previous
        .units
        .iter()
        .map(|u| (u.code.as_str(), u))
        .collect();
    let mut units = BTreeMap::new();
    for u in results.units.iter().filter(|u| groups.contains(&u.group)) {
        let group = &criteria.groups[u.group].id;
        let change = match by_code.get(u.code.as_str()) {
            None => Change {
                status: Status::New,
                index: None,
                rank: None,
                index_change: None,
                rank_change: None,
            },
            Some(p) => change(u, p, group, d),
        };
        units.insert(u.code.clone(), change);
    }
    Changes {
        file: previous.file.clone(),
        year: previous.year,
        units,
        dropped: dropped(criteria, results, groups, previous),
    }
}

/// The change of a unit in both years: of its published index, and of its rank when it stayed
/// in its group.
fn change(u: &UnitResult, p: &PreviousUnit, group: &str, d: u32) -> Change {
    // Shown with the published decimals ("93.7" read from a CSV shows as 93.70).
    let mut before = p.index;
    if before.scale() < d {
        before.rescale(d);
    }
    let same_group = p.group.is_empty() || p.group.eq_ignore_ascii_case(group);
    let ranked = p.rank > 0 && u.par.rank.rank > 0;
    Change {
        status: if same_group {
            Status::Compared
        } else {
            Status::GroupChanged
        },
        index: Some(before),
        rank: (p.rank > 0).then_some(p.rank),
        index_change: Some(publish(u.par.index, d) - before),
        rank_change: (same_group && ranked).then(|| p.rank as i64 - u.par.rank.rank as i64),
    }
}

/// The units of the export, in the groups shown, that are not in this year: by group, then
/// rank and code.
fn dropped(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    previous: &Previous,
) -> Vec<PreviousUnit> {
    let current: std::collections::HashSet<&str> =
        results.units.iter().map(|u| u.code.as_str()).collect();
    let shown: Vec<&str> = groups
        .iter()
        .map(|&g| criteria.groups[g].id.as_str())
        .collect();
    let mut dropped: Vec<PreviousUnit> = previous
        .units
        .iter()
        .filter(|p| !current.contains(p.code.as_str()))
        .filter(|p| shown.iter().any(|g| g.eq_ignore_ascii_case(&p.group)))
        .cloned()
        .collect();
    let group_order = |id: &str| shown.iter().position(|g| g.eq_ignore_ascii_case(id));
    dropped.sort_by(|a, b| {
        (group_order(&a.group), a.rank, &a.code).cmp(&(group_order(&b.group), b.rank, &b.code))
    });
    dropped
}
