//! Sensitivity of the PAR ranks to the weights of the tree (`par-index sensitivity`), in the
//! manner of COINr's uncertainty analysis.
//!
//! Each replicate draws, for every field of a group's tree, a factor uniformly in
//! [1 − P%, 1 + P%] (on a grid of 10⁹ + 1 points), multiplies the field's maximum by it and
//! scales all the maxima back so that they total the group's total (100): the new maximum of
//! field f is M'f = Mf·uf·T / Σk Mk·uk. Every unit's points in field f, and its applicable
//! maximum there (N/A leaves already taken out), are scaled by M'f / Mf: a leaf keeps its share
//! of its field. Deductions stay as they are. The index is recomputed as
//! max(total − deductions, 0) × 100 / unit maximum and ranked within the group as the
//! criteria's ranking says.
//!
//! The arithmetic is exact decimals, as in the stages, so that a spread of 0 gives every
//! unit exactly its published index and rank. Each replicate and group draws from its own
//! stream keyed by (seed, replicate, group), so that results do not depend on threads or on
//! `--group`.

use rayon::prelude::*;
use rust_decimal::Decimal;

use super::{Progress, Rng, check_replicates, rank_into, rank_quantile};
use crate::criteria::{Criteria, Ranking};
use crate::decimal::publish;
use crate::error::Failure;
use crate::stages::Results;

/// Names the streams of this analysis apart from the bootstrap's.
const DOMAIN: u64 = 0x5345_4E53; // "SENS"

/// Grid of the uniform factor: k / GRID for k in 0..=GRID.
const GRID: u32 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Half-width of the factor's range, in percent, in [0, 100).
    pub spread: Decimal,
    pub replicates: usize,
    pub seed: u64,
}

impl Settings {
    pub const DEFAULT_SPREAD: u32 = 20;
    pub const DEFAULT_REPLICATES: usize = 1_000;
}

/// The analysis of a year: one section per group asked for.
#[derive(Debug, Clone)]
pub struct Sensitivity {
    pub settings: Settings,
    pub groups: Vec<GroupSensitivity>,
}

#[derive(Debug, Clone)]
pub struct GroupSensitivity {
    /// Index of the group in the criteria.
    pub group: usize,
    /// Per field: nominal maximum and the lowest and highest maximum drawn.
    pub fields: Vec<FieldRange>,
    /// The units by nominal rank (then code).
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct FieldRange {
    /// Node index of the field in the group's tree.
    pub node: usize,
    pub max: Decimal,
    pub low: Decimal,
    pub high: Decimal,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// Index of the unit in the results.
    pub unit: usize,
    /// The published rank and index (exact).
    pub rank: usize,
    pub index: Decimal,
    /// Median, 5th and 95th percentile of the replicates' ranks (as ranks: the smallest rank
    /// reached by at least that share of the replicates).
    pub median: u32,
    pub p5: u32,
    pub p95: u32,
    /// Mean over the replicates of |rank − published rank|.
    pub mean_shift: Decimal,
}

/// One group as a replicate needs it.
struct GroupModel {
    group: usize,
    /// Nominal field maxima, their sum (the group's total).
    maxima: Vec<Decimal>,
    total: Decimal,
    /// Members in published order: (unit, field points, field maxima, deductions).
    members: Vec<Member>,
}

struct Member {
    unit: usize,
    points: Vec<Decimal>,
    maxima: Vec<Decimal>,
    deductions: Decimal,
}

fn overflow() -> Failure {
    Failure::Usage(crate::tr!("uncertainty-sensitivity-overflow"))
}

/// Runs the analysis for the units of `groups`.
pub fn run(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    settings: Settings,
) -> Result<Sensitivity, Failure> {
    check_replicates(settings.replicates)?;
    if settings.spread.is_sign_negative() || settings.spread >= Decimal::ONE_HUNDRED {
        return Err(Failure::Usage(crate::tr!(
            "uncertainty-spread-range",
            spread = settings.spread
        )));
    }
    let models: Vec<GroupModel> = groups
        .iter()
        .map(|&g| model(criteria, results, g))
        .collect();
    let drawn = draw(criteria, &models, settings)?;
    let groups = models
        .iter()
        .zip(drawn.groups(&models))
        .map(|(m, (at, field_at))| summary(criteria, results, m, &drawn, at, field_at))
        .collect();
    Ok(Sensitivity { settings, groups })
}

/// A group's fields (their maxima) and its units' points per field, in rank order.
fn model(criteria: &Criteria, results: &Results, g: usize) -> GroupModel {
    let tree = &criteria.groups[g];
    let fields: Vec<usize> = tree.fields().map(|(i, _)| i).collect();
    let maxima: Vec<Decimal> = fields.iter().map(|&i| tree.nodes[i].max).collect();
    GroupModel {
        group: g,
        total: maxima.iter().copied().sum(),
        maxima,
        members: results
            .by_par_rank(g)
            .into_iter()
            .map(|u| Member {
                unit: u.unit,
                points: fields.iter().map(|&i| u.node(i).points).collect(),
                maxima: fields.iter().map(|&i| u.node(i).max).collect(),
                deductions: u.par.deductions,
            })
            .collect(),
    }
}

/// Every replicate's ranks of every member, and its drawn maxima of every field: replicate `r`
/// holds row `r` of each, the groups side by side in the order of the models.
struct Drawn {
    replicates: usize,
    ranks: Vec<u32>,
    width: usize,
    maxima: Vec<Decimal>,
    field_width: usize,
}

impl Drawn {
    /// Where each group's members and fields start in a row.
    fn groups(&self, models: &[GroupModel]) -> Vec<(usize, usize)> {
        let (mut at, mut field_at) = (0, 0);
        models
            .iter()
            .map(|m| {
                let start = (at, field_at);
                at += m.members.len();
                field_at += m.maxima.len();
                start
            })
            .collect()
    }
}

/// Runs the replicates, side by side on every core.
fn draw(criteria: &Criteria, models: &[GroupModel], settings: Settings) -> Result<Drawn, Failure> {
    let width: usize = models.iter().map(|m| m.members.len()).sum();
    let field_width: usize = models.iter().map(|m| m.maxima.len()).sum();
    let half = settings.spread / Decimal::ONE_HUNDRED;
    let decimals = criteria.publish.decimals;
    let ranking = criteria.publish.ranking;
    // At least one slot per replicate, so that every replicate runs even for an empty group.
    let mut ranks = vec![0u32; settings.replicates * width.max(1)];
    let mut drawn = vec![Decimal::ZERO; settings.replicates * field_width.max(1)];
    let progress = Progress::new(
        settings.replicates as u64,
        &crate::tr!("uncertainty-progress-sensitivity"),
    );
    let ok = ranks
        .par_chunks_mut(width.max(1))
        .zip(drawn.par_chunks_mut(field_width.max(1)))
        .enumerate()
        .map(|(r, (rank_row, field_row))| {
            let (mut at, mut field_at) = (0, 0);
            for m in models {
                let mut rng = Rng::stream(&[DOMAIN, settings.seed, r as u64, m.group as u64]);
                let n = m.members.len();
                let k = m.maxima.len();
                let ok = replicate(
                    m,
                    &mut rng,
                    half,
                    decimals,
                    ranking,
                    &mut rank_row[at..at + n],
                    &mut field_row[field_at..field_at + k],
                );
                if ok.is_none() {
                    return false;
                }
                at += n;
                field_at += k;
            }
            progress.tick();
            true
        })
        .all(|ok| ok);
    progress.finish();
    if !ok {
        return Err(overflow());
    }
    Ok(Drawn {
        replicates: settings.replicates,
        ranks,
        width,
        maxima: drawn,
        field_width,
    })
}

/// A group's summary: each field's range of drawn maxima, and each unit's ranks over the
/// replicates (median, 5th and 95th percentiles, mean shift from its published rank).
fn summary(
    criteria: &Criteria,
    results: &Results,
    m: &GroupModel,
    drawn: &Drawn,
    at: usize,
    field_at: usize,
) -> GroupSensitivity {
    let replicates = drawn.replicates;
    let tree = &criteria.groups[m.group];
    let fields = tree
        .fields()
        .enumerate()
        .map(|(f, (node, n))| {
            let column =
                (0..replicates).map(|r| drawn.maxima[r * drawn.field_width + field_at + f]);
            FieldRange {
                node,
                max: n.max,
                low: column.clone().min().unwrap_or(n.max),
                high: column.max().unwrap_or(n.max),
            }
        })
        .collect();
    let rows = m
        .members
        .iter()
        .enumerate()
        .map(|(k, member)| {
            let unit = &results.units[member.unit];
            let nominal = unit.par.rank.rank as u32;
            let mut column: Vec<u32> = (0..replicates)
                .map(|r| drawn.ranks[r * drawn.width + at + k])
                .collect();
            let shift: u64 = column.iter().map(|&x| u64::from(x.abs_diff(nominal))).sum();
            column.sort_unstable();
            Row {
                unit: member.unit,
                rank: unit.par.rank.rank,
                index: unit.par.index,
                median: rank_quantile(&column, 0.5).unwrap_or(nominal),
                p5: rank_quantile(&column, 0.05).unwrap_or(nominal),
                p95: rank_quantile(&column, 0.95).unwrap_or(nominal),
                mean_shift: Decimal::from(shift) / Decimal::from(replicates as u64),
            }
        })
        .collect();
    GroupSensitivity {
        group: m.group,
        fields,
        rows,
    }
}

/// One replicate of one group: writes the members' ranks and the fields' drawn maxima.
fn replicate(
    m: &GroupModel,
    rng: &mut Rng,
    half: Decimal,
    decimals: u32,
    ranking: Ranking,
    ranks: &mut [u32],
    maxima: &mut [Decimal],
) -> Option<()> {
    let grid = Decimal::from(GRID);
    // Factors u_f in [1 − half, 1 + half]; scale s_f = u_f·T / Σ M_k·u_k.
    let mut denominator = Decimal::ZERO;
    for (f, &max) in m.maxima.iter().enumerate() {
        let x = Decimal::from(rng.below(GRID + 1)) / grid; // in [0, 1]
        let u = Decimal::ONE + half * (x + x - Decimal::ONE);
        maxima[f] = u; // the factor for now; the maximum below
        denominator = denominator.checked_add(max.checked_mul(u)?)?;
    }
    if denominator.is_zero() {
        return None;
    }
    for scale in maxima.iter_mut() {
        // The factor becomes the field's scale M'f / Mf, and at the end its new maximum.
        *scale = scale.checked_mul(m.total)?.checked_div(denominator)?;
    }
    let key = |v: Decimal| match ranking {
        Ranking::Exact => v,
        Ranking::Published => publish(v, decimals),
    };
    let mut values = Vec::with_capacity(m.members.len());
    for member in &m.members {
        let (mut total, mut max) = (Decimal::ZERO, Decimal::ZERO);
        for (f, scale) in maxima.iter().enumerate() {
            total = total.checked_add(member.points[f].checked_mul(*scale)?)?;
            max = max.checked_add(member.maxima[f].checked_mul(*scale)?)?;
        }
        let total = total.checked_sub(member.deductions)?.max(Decimal::ZERO);
        let index = if max.is_zero() {
            Decimal::ZERO
        } else {
            total.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(max)?
        };
        values.push(Some(key(index)));
    }
    rank_into(&values, ranks);
    for (f, &max) in m.maxima.iter().enumerate() {
        maxima[f] = max.checked_mul(maxima[f])?;
    }
    Some(())
}
