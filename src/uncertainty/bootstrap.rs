//! Confidence intervals from the surveys: a nonparametric bootstrap (`compute --ci`).
//!
//! Each replicate redraws, with replacement and as many as there were:
//! - the valid satisfaction questionnaires of each unit (a questionnaire keeps its answers
//!   together), and
//! - the officials' answers about each unit within each respondent group (a respondent's row
//!   about the unit keeps its answers together),
//!
//! then recomputes everything downstream exactly as the method does: item, element and unit
//! satisfaction indices, the `sipas` and `survey` leaf points, the total after deductions, the
//! PAR index, and both ranks within each group. Appraisal points, deductions and maxima are
//! fixed: they are the council's decisions, not a sample.
//!
//! Replicates are computed in `f64`: they make a statistical statement and are never published
//! as index figures; the nominal figures beside them stay the exact decimals of the four
//! stages. Intervals are percentile intervals at the level asked for.
//!
//! Determinism: each unit's kept answers are deduplicated into sorted patterns (so row order
//! cannot matter), each replicate and unit draws from its own stream keyed by (seed, replicate,
//! unit, part) (so thread count and `--group` cannot matter), and results are stored by
//! replicate index.

use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{Progress, Rng, check_replicates, quantile, rank_into, rank_quantile};
use crate::criteria::{Criteria, Ranking, Source};
use crate::error::Failure;
use crate::inputs::Year;
use crate::stages::Results;

/// What a bootstrap run is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Confidence level in percent, in (0, 100).
    pub level: Decimal,
    pub replicates: usize,
    pub seed: u64,
}

impl Settings {
    pub const DEFAULT_LEVEL: u32 = 95;
    pub const DEFAULT_REPLICATES: usize = 2_000;

    /// The lower and upper quantile probabilities of the interval.
    fn tails(&self) -> (f64, f64) {
        let level = self.level.to_f64().unwrap_or(95.0) / 100.0;
        let alpha = (1.0 - level).clamp(0.0, 1.0);
        (alpha / 2.0, 1.0 - alpha / 2.0)
    }
}

/// Which published ranking a section is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Index {
    /// The satisfaction index (Phụ lục I).
    Sipas,
    /// The PAR index (Phụ lục II).
    Par,
}

/// The bootstrap of a year: per index and group, the units in published order.
#[derive(Debug, Clone)]
pub struct Bootstrap {
    pub settings: Settings,
    /// Satisfaction sections first, then PAR, each in the order of the groups asked for (no
    /// satisfaction section where the survey was delivered as results: there are no
    /// questionnaires to redraw).
    pub sections: Vec<Section>,
    /// The satisfaction index was delivered as results per unit, not computed from
    /// questionnaires: it is held as delivered in every replicate.
    pub sipas_held: bool,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub index: Index,
    /// Index of the group in the criteria.
    pub group: usize,
    /// The units by published rank (then code); units without a value last.
    pub rows: Vec<Row>,
}

/// One unit of a section.
#[derive(Debug, Clone)]
pub struct Row {
    /// Index of the unit in the results.
    pub unit: usize,
    /// The published rank (0: not ranked).
    pub rank: usize,
    /// The nominal index, exact.
    pub value: Option<Decimal>,
    /// Percentile interval of the index over the replicates.
    pub interval: Option<(f64, f64)>,
    /// Best and worst rank at the interval's level (percentiles of the replicates' ranks).
    pub ranks: Option<(u32, u32)>,
    /// The comparison with the unit ranked just after this one.
    pub next: Option<Pair>,
}

/// Two units adjacent in the published ranking.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The unit ranked just after (index in the results).
    pub unit: usize,
    /// Nominal difference of the indices (this unit − the next), exact.
    pub difference: Decimal,
    /// Percentile interval of the replicated difference.
    pub interval: (f64, f64),
    /// Whether the interval lies wholly above 0: the data support this unit ranking above the
    /// next. When it contains 0 (or lies below), the order is not supported at the level.
    pub supported: bool,
}

/// Runs the bootstrap for the units of `groups`. `year` must have been read with
/// `keep_answers`; `results` are the nominal results of the same year.
pub fn run(
    criteria: &Criteria,
    year: &Year,
    results: &Results,
    groups: &[usize],
    settings: Settings,
) -> Result<Bootstrap, Failure> {
    check_replicates(settings.replicates)?;
    let model = Model::build(criteria, year, results, groups)?;
    let matrix = model.replicate_all(settings);
    Ok(summarize(
        criteria, results, groups, &model, &matrix, settings,
    ))
}

// ---------------------------------------------------------------------------------------------
// The model: what every replicate needs, fixed once.

/// A questionnaire answer as the satisfaction index sees it.
const NO_ANSWER: u8 = 0;
const VALID: u8 = 1;
const SATISFIED: u8 = 2;

/// Rows of a sample (questionnaires, or respondents of one group), deduplicated: identical
/// rows become one pattern with a multiplicity, in sorted order. Drawing a row is drawing an
/// index into `rows`; a replicate then needs one pass over the patterns, not over every row.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    /// Per row, in canonical (sorted) order: its pattern.
    rows: Vec<u32>,
    /// The patterns, `width` bytes each.
    patterns: Vec<u8>,
    width: usize,
    /// Per byte of `patterns`, what a replicate adds up (see [`Sample::valued`]), so that the
    /// pass over the patterns is branch-free multiply-adds.
    values: Vec<u64>,
    weights: Vec<f64>,
}

impl Sample {
    /// From rows of `width` bytes each (`data.len()` a multiple of `width`).
    pub fn new(data: &[u8], width: usize) -> Sample {
        if width == 0 {
            return Sample::default();
        }
        let mut rows: Vec<&[u8]> = data.chunks_exact(width).collect();
        rows.sort_unstable();
        let mut sample = Sample {
            rows: Vec::with_capacity(rows.len()),
            patterns: Vec::new(),
            width,
            values: Vec::new(),
            weights: Vec::new(),
        };
        let mut last: Option<&[u8]> = None;
        for row in rows {
            if last != Some(row) {
                sample.patterns.extend_from_slice(row);
                last = Some(row);
            }
            sample.rows.push((sample.patterns.len() / width - 1) as u32);
        }
        sample
    }

    /// With what each answer byte counts: `value` as a whole number, `weight` as a real.
    fn valued(mut self, value: impl Fn(u8) -> u64, weight: impl Fn(u8) -> f64) -> Sample {
        self.values = self.patterns.iter().map(|&a| value(a)).collect();
        self.weights = self.patterns.iter().map(|&a| weight(a)).collect();
        self
    }

    /// A satisfaction sample: an answer counts 1 in the low half when valid, and 1 in the high
    /// half when satisfied.
    pub fn satisfaction(data: &[u8], items: usize) -> Sample {
        Sample::new(data, items).valued(
            |a| match a {
                NO_ANSWER => 0,
                SATISFIED => 1 | 1 << 32,
                _ => 1,
            },
            |_| 0.0,
        )
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn pattern_count(&self) -> usize {
        self.patterns.len().checked_div(self.width).unwrap_or(0)
    }

    #[cfg(test)]
    fn pattern(&self, p: usize) -> &[u8] {
        &self.patterns[p * self.width..(p + 1) * self.width]
    }

    /// Counts per pattern of one bootstrap draw of `len()` rows.
    fn draw(&self, rng: &mut Rng, counts: &mut Vec<u32>) {
        counts.clear();
        counts.resize(self.pattern_count(), 0);
        let n = self.rows.len() as u32;
        for _ in 0..n {
            counts[self.rows[rng.below(n) as usize] as usize] += 1;
        }
    }

    /// Counts per pattern of the sample itself (every row once).
    #[cfg(test)]
    fn identity(&self, counts: &mut Vec<u32>) {
        counts.clear();
        counts.resize(self.pattern_count(), 0);
        for &p in &self.rows {
            counts[p as usize] += 1;
        }
    }
}

/// The questionnaire: items and the element each belongs to.
#[derive(Debug, Clone)]
pub struct SipasShape {
    pub items: usize,
    /// Per element: its items (a range of the questionnaire order).
    pub elements: Vec<std::ops::Range<usize>>,
}

impl SipasShape {
    pub fn of(criteria: &Criteria) -> SipasShape {
        let mut elements = Vec::new();
        let mut start = 0;
        for e in &criteria.sipas.elements {
            elements.push(start..start + e.items.len());
            start += e.items.len();
        }
        SipasShape {
            items: start,
            elements,
        }
    }

    /// The satisfaction index from counts per pattern of a [`Sample::satisfaction`]; `None`
    /// without a valid answer.
    fn index(&self, sample: &Sample, counts: &[u32], scratch: &mut Scratch) -> Option<f64> {
        let items = self.items;
        // Per item: valid answers in the low 32 bits, satisfied ones in the high 32 bits (a
        // unit has fewer than 2³² questionnaires: counts are u32).
        let acc = &mut scratch.acc[..items];
        acc.fill(0);
        for (p, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let c = u64::from(c);
            for (a, &v) in acc
                .iter_mut()
                .zip(&sample.values[p * items..(p + 1) * items])
            {
                *a += c * v;
            }
        }
        let (mut sum, mut answered) = (0.0, 0u32);
        for range in &self.elements {
            let (mut e_sum, mut e_n) = (0.0, 0u32);
            for &a in &acc[range.clone()] {
                let (valid, happy) = (a & 0xFFFF_FFFF, a >> 32);
                if valid > 0 {
                    e_sum += 100.0 * happy as f64 / valid as f64;
                    e_n += 1;
                }
            }
            if e_n > 0 {
                sum += e_sum / f64::from(e_n);
                answered += 1;
            }
        }
        (answered > 0).then(|| sum / f64::from(answered))
    }
}

/// The survey of one unit group, as a replicate needs it.
#[derive(Debug, Clone)]
struct GroupShape {
    questions: usize,
    /// Weight of each respondent group.
    weights: Vec<f64>,
    /// The `survey` leaves: maximum and questions.
    leaves: Vec<(f64, Vec<usize>)>,
    /// Sum of the maxima of the `sipas` leaves.
    sipas_max: f64,
}

/// One unit, as a replicate needs it.
#[derive(Debug, Clone)]
struct UnitModel {
    /// Index in the year's units and in the results (code order): names the unit's streams.
    unit: usize,
    group: usize,
    /// Appraisal points (fixed).
    appraisal: f64,
    deductions: f64,
    max: f64,
    /// Valid questionnaires, coded per item.
    sipas: Sample,
    /// The satisfaction index delivered as results (no questionnaires): held in every replicate.
    sipas_held: Option<f64>,
    /// Per respondent group: respondents' rows, one option byte per question.
    survey: Vec<Sample>,
}

/// Buffers reused by every replicate of a thread.
struct Scratch {
    counts: Vec<u32>,
    acc: Vec<u64>,
    answered: Vec<u64>,
    sums: Vec<f64>,
}

struct Model {
    sipas: SipasShape,
    groups: Vec<GroupShape>,
    units: Vec<UnitModel>,
    /// Per unit of the results: its position in `units`, when in a group asked for.
    slot: Vec<Option<usize>>,
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

impl Model {
    fn build(
        criteria: &Criteria,
        year: &Year,
        results: &Results,
        groups: &[usize],
    ) -> Result<Model, Failure> {
        let (Some(sipas_answers), Some(survey_answers)) =
            (&year.sipas.answers, &year.par_survey.answers)
        else {
            return Err(Failure::Usage(crate::tr!("uncertainty-answers-needed")));
        };
        let shape = SipasShape::of(criteria);
        let satisfied: Vec<bool> = criteria
            .sipas
            .scale
            .iter()
            .map(|l| criteria.sipas.satisfied.contains(&l.level))
            .collect();
        let group_shapes = criteria
            .groups
            .iter()
            .map(|g| GroupShape {
                questions: g.survey.questions.len(),
                weights: g
                    .survey
                    .respondent_groups
                    .iter()
                    .map(|r| f(r.weight))
                    .collect(),
                leaves: g
                    .leaves()
                    .filter(|(_, n)| n.source == Some(Source::Survey))
                    .map(|(_, n)| {
                        let questions = g
                            .survey
                            .questions
                            .iter()
                            .enumerate()
                            .filter(|(_, q)| q.leaf == n.code)
                            .map(|(i, _)| i)
                            .collect();
                        (f(n.max), questions)
                    })
                    .collect(),
                sipas_max: f(g.max_by_source(Source::Sipas)),
            })
            .collect();
        // Weight (%) of an answer byte of the officials' survey (byte 0: no answer).
        let mut option_weight = vec![0.0];
        option_weight.extend(criteria.survey_scale.iter().map(|o| f(o.weight)));
        let mut units = Vec::new();
        let mut slot = vec![None; results.units.len()];
        let mut coded = Vec::new();
        for r in &results.units {
            if !groups.contains(&r.group) {
                continue;
            }
            let u = r.unit;
            coded.clear();
            coded.extend(sipas_answers[u].iter().map(|&a| {
                match a.checked_sub(1).map(|l| satisfied.get(l as usize)) {
                    None => NO_ANSWER,
                    Some(Some(true)) => SATISFIED,
                    Some(_) => VALID,
                }
            }));
            let questions = criteria.groups[r.group].survey.questions.len();
            slot[u] = Some(units.len());
            units.push(UnitModel {
                unit: u,
                group: r.group,
                appraisal: f(r.par.appraisal),
                deductions: f(r.par.deductions),
                max: f(r.par.max),
                sipas: Sample::satisfaction(&coded, shape.items),
                sipas_held: year
                    .sipas
                    .delivered
                    .as_ref()
                    .and(r.satisfaction.index)
                    .map(f),
                survey: survey_answers[u]
                    .iter()
                    .map(|rows| {
                        Sample::new(rows, questions).valued(
                            |a| u64::from(a != 0),
                            |a| option_weight.get(a as usize).copied().unwrap_or(0.0),
                        )
                    })
                    .collect(),
            });
        }
        Ok(Model {
            sipas: shape,
            groups: group_shapes,
            units,
            slot,
        })
    }

    fn scratch(&self) -> Scratch {
        let patterns = self
            .units
            .iter()
            .flat_map(|u| std::iter::once(&u.sipas).chain(&u.survey))
            .map(Sample::pattern_count)
            .max()
            .unwrap_or(0);
        let cells = self
            .groups
            .iter()
            .map(|g| g.weights.len() * g.questions)
            .max()
            .unwrap_or(0);
        Scratch {
            counts: Vec::with_capacity(patterns),
            acc: vec![0; self.sipas.items],
            answered: vec![0; cells],
            sums: vec![0.0; cells],
        }
    }

    /// The PAR index and the satisfaction index of one unit, from the counts that `fill` gives
    /// each sample (a bootstrap draw, or the sample itself). Samples are numbered for `fill`:
    /// 0 the questionnaires, 1 + g the respondents of respondent group g.
    fn unit_values(
        &self,
        unit: &UnitModel,
        scratch: &mut Scratch,
        mut fill: impl FnMut(u64, &Sample, &mut Vec<u32>),
    ) -> (f64, Option<f64>) {
        let group = &self.groups[unit.group];
        // Satisfaction.
        let sipas = if unit.sipas_held.is_some() {
            unit.sipas_held
        } else if unit.sipas.is_empty() {
            None
        } else {
            let mut counts = std::mem::take(&mut scratch.counts);
            fill(0, &unit.sipas, &mut counts);
            let s = self.sipas.index(&unit.sipas, &counts, scratch);
            scratch.counts = counts;
            s
        };
        // Officials' survey: answered count and sum of weights per respondent group and question.
        let q = group.questions;
        let cells = group.weights.len() * q;
        scratch.answered[..cells].fill(0);
        scratch.sums[..cells].fill(0.0);
        for (rg, sample) in unit.survey.iter().enumerate() {
            if sample.is_empty() {
                continue;
            }
            let mut counts = std::mem::take(&mut scratch.counts);
            fill(1 + rg as u64, sample, &mut counts);
            let answered = &mut scratch.answered[rg * q..(rg + 1) * q];
            let sums = &mut scratch.sums[rg * q..(rg + 1) * q];
            for (p, &c) in counts.iter().enumerate() {
                if c == 0 {
                    continue;
                }
                let (n, x) = (u64::from(c), f64::from(c));
                let values = &sample.values[p * q..(p + 1) * q];
                let weights = &sample.weights[p * q..(p + 1) * q];
                for k in 0..q {
                    answered[k] += n * values[k];
                    sums[k] += x * weights[k];
                }
            }
            scratch.counts = counts;
        }
        let mut survey = 0.0;
        for (max, questions) in &group.leaves {
            let (mut weighted, mut weights) = (0.0, 0.0);
            for (rg, &w) in group.weights.iter().enumerate() {
                let (mut sum, mut n) = (0.0, 0u32);
                for &k in questions {
                    let a = scratch.answered[rg * q + k];
                    if a > 0 {
                        sum += scratch.sums[rg * q + k] / a as f64;
                        n += 1;
                    }
                }
                if n > 0 {
                    weighted += w * sum / f64::from(n);
                    weights += w;
                }
            }
            // A leaf left without any answer in a replicate scores 0, as --missing zero does.
            if weights != 0.0 {
                survey += max * (weighted / weights) / 100.0;
            }
        }
        let sipas_points = sipas.map_or(0.0, |s| group.sipas_max * s / 100.0);
        let total = (unit.appraisal + survey + sipas_points - unit.deductions).max(0.0);
        let par = if unit.max > 0.0 {
            total * 100.0 / unit.max
        } else {
            0.0
        };
        (par, sipas)
    }

    /// Every replicate: a matrix `[replicate][unit][par, sipas]` (`NaN` for no satisfaction
    /// index), computed in parallel, stored by replicate index.
    fn replicate_all(&self, settings: Settings) -> Vec<f64> {
        let width = 2 * self.units.len();
        let mut matrix = vec![0.0; settings.replicates * width];
        if width == 0 {
            return matrix;
        }
        let progress = Progress::new(
            settings.replicates as u64,
            &crate::tr!("uncertainty-progress-bootstrap"),
        );
        matrix.par_chunks_mut(width).enumerate().for_each_init(
            || self.scratch(),
            |scratch, (r, row)| {
                for (m, unit) in self.units.iter().enumerate() {
                    let (par, sipas) = self.unit_values(unit, scratch, |part, sample, counts| {
                        let key = [settings.seed, r as u64, unit.unit as u64, part];
                        sample.draw(&mut Rng::stream(&key), counts);
                    });
                    row[2 * m] = par;
                    row[2 * m + 1] = sipas.unwrap_or(f64::NAN);
                }
                progress.tick();
            },
        );
        progress.finish();
        matrix
    }
}

// ---------------------------------------------------------------------------------------------
// From replicates to intervals.

fn summarize(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    model: &Model,
    matrix: &[f64],
    settings: Settings,
) -> Bootstrap {
    let (lo_p, hi_p) = settings.tails();
    let width = 2 * model.units.len();
    let replicates = settings.replicates;
    let decimals = criteria.publish.decimals;
    let scale = 10f64.powi(decimals as i32);
    let key = |v: f64| match criteria.publish.ranking {
        Ranking::Exact => v,
        Ranking::Published => (v * scale).round(),
    };
    let mut sections = Vec::new();
    let sipas_held = results.sipas_source == crate::stages::SipasSource::Delivered;
    let indices: &[Index] = match sipas_held {
        true => &[Index::Par],
        false => &[Index::Sipas, Index::Par],
    };
    for &index in indices {
        let offset = usize::from(index == Index::Sipas);
        for &g in groups {
            let ordered: Vec<usize> = match index {
                Index::Sipas => results.by_sipas_rank(g),
                Index::Par => results.by_par_rank(g),
            }
            .into_iter()
            .map(|u| u.unit)
            .collect();
            // Units without a value (no satisfaction index) go last, unranked.
            let (mut ordered, unranked): (Vec<usize>, Vec<usize>) =
                ordered.into_iter().partition(|&u| {
                    index == Index::Par || results.units[u].satisfaction.index.is_some()
                });
            let ranked = ordered.len();
            ordered.extend(unranked);
            let column = |u: usize| -> Vec<f64> {
                let Some(m) = model.slot[u] else {
                    return Vec::new();
                };
                (0..replicates)
                    .map(|r| matrix[r * width + 2 * m + offset])
                    .collect()
            };
            let columns: Vec<Vec<f64>> = ordered[..ranked].iter().map(|&u| column(u)).collect();
            // Ranks of every replicate.
            let mut ranks: Vec<Vec<u32>> = vec![Vec::with_capacity(replicates); ranked];
            let mut keys = vec![None; ranked];
            let mut rank_buf = vec![0u32; ranked];
            for r in 0..replicates {
                for (k, c) in columns.iter().enumerate() {
                    keys[k] = c.get(r).copied().filter(|v| !v.is_nan()).map(key);
                }
                rank_into(&keys, &mut rank_buf);
                for (k, &rank) in rank_buf.iter().enumerate() {
                    if rank > 0 {
                        ranks[k].push(rank);
                    }
                }
            }
            let nominal = |u: usize| match index {
                Index::Sipas => results.units[u].satisfaction.index,
                Index::Par => Some(results.units[u].par.index),
            };
            let interval = |values: &mut Vec<f64>| {
                values.retain(|v| !v.is_nan());
                values.sort_by(f64::total_cmp);
                Some((quantile(values, lo_p)?, quantile(values, hi_p)?))
            };
            let mut rows = Vec::with_capacity(ordered.len());
            for (k, &u) in ordered.iter().enumerate() {
                let unit = &results.units[u];
                let rank = match index {
                    Index::Sipas => unit.sipas_rank.rank,
                    Index::Par => unit.par.rank.rank,
                };
                if k >= ranked {
                    rows.push(Row {
                        unit: u,
                        rank,
                        value: None,
                        interval: None,
                        ranks: None,
                        next: None,
                    });
                    continue;
                }
                let mut values = columns[k].clone();
                let own = interval(&mut values);
                let mut r = std::mem::take(&mut ranks[k]);
                r.sort_unstable();
                let rank_interval = rank_quantile(&r, lo_p).zip(rank_quantile(&r, hi_p));
                let next = (k + 1 < ranked).then(|| {
                    let v = ordered[k + 1];
                    let mut diffs: Vec<f64> = columns[k]
                        .iter()
                        .zip(&columns[k + 1])
                        .map(|(a, b)| a - b)
                        .collect();
                    let between = interval(&mut diffs).unwrap_or((0.0, 0.0));
                    Pair {
                        unit: v,
                        difference: nominal(u).unwrap_or_default() - nominal(v).unwrap_or_default(),
                        interval: between,
                        supported: between.0 > 0.0,
                    }
                });
                rows.push(Row {
                    unit: u,
                    rank,
                    value: nominal(u),
                    interval: own,
                    ranks: rank_interval,
                    next,
                });
            }
            sections.push(Section {
                index,
                group: g,
                rows,
            });
        }
    }
    Bootstrap {
        settings,
        sections,
        sipas_held,
    }
}

/// The satisfaction index of `replicates` bootstrap draws of one sample of questionnaires,
/// coded per item 0 (no answer), 1 (valid, not satisfied), 2 (satisfied); sorted. For tests
/// and for checking the method on a synthetic unit.
pub fn sipas_replicates(shape: &SipasShape, sample: &Sample, settings: Settings) -> Vec<f64> {
    let mut scratch = Scratch {
        counts: Vec::new(),
        acc: vec![0; shape.items],
        answered: Vec::new(),
        sums: Vec::new(),
    };
    let mut out: Vec<f64> = (0..settings.replicates)
        .filter_map(|r| {
            let mut rng = Rng::stream(&[settings.seed, r as u64, 0, 0]);
            let mut counts = std::mem::take(&mut scratch.counts);
            sample.draw(&mut rng, &mut counts);
            let s = shape.index(sample, &counts, &mut scratch);
            scratch.counts = counts;
            s
        })
        .collect();
    out.sort_by(f64::total_cmp);
    out
}

/// The percentile interval of sorted replicate values at `settings.level`.
pub fn percentile_interval(sorted: &[f64], settings: Settings) -> Option<(f64, f64)> {
    let (lo, hi) = settings.tails();
    Some((quantile(sorted, lo)?, quantile(sorted, hi)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(replicates: usize) -> Settings {
        Settings {
            level: Decimal::from(95),
            replicates,
            seed: 1,
        }
    }

    fn one_item() -> SipasShape {
        SipasShape {
            items: 1,
            elements: std::iter::once(0..1).collect(),
        }
    }

    #[test]
    fn sample_deduplicates_in_sorted_order() {
        let s = Sample::new(&[2, 1, 0, 1, 2, 1, 0, 1], 2);
        assert_eq!(s.len(), 4);
        assert_eq!(s.pattern_count(), 2);
        assert_eq!(s.pattern(0), &[0, 1]);
        assert_eq!(s.pattern(1), &[2, 1]);
        assert_eq!(s.rows, [0, 0, 1, 1]);
        // Row order does not matter.
        let t = Sample::new(&[0, 1, 2, 1, 2, 1, 0, 1], 2);
        assert_eq!((s.rows, s.patterns), (t.rows, t.patterns));
    }

    /// One item with p = 0.8 satisfied out of n = 400: the bootstrap's 95% interval has about
    /// the width of the normal approximation 2 · 1.96 · √(p(1−p)/n) · 100 = 7.84 points.
    /// Tolerance: 10% of that width (the bootstrap distribution is binomial, in steps of 0.25
    /// points, and 4,000 replicates estimate its 2.5% and 97.5% points within about 0.15).
    #[test]
    fn interval_of_one_item_agrees_with_the_normal_approximation() {
        let (p, n) = (0.8, 400usize);
        let mut data = vec![SATISFIED; (p * n as f64) as usize];
        data.resize(n, VALID);
        let sample = Sample::satisfaction(&data, 1);
        let values = sipas_replicates(&one_item(), &sample, settings(4_000));
        let (lo, hi) = percentile_interval(&values, settings(4_000)).unwrap();
        let expected = 2.0 * 1.96 * (p * (1.0 - p) / n as f64).sqrt() * 100.0;
        assert!(
            ((hi - lo) - expected).abs() <= 0.10 * expected,
            "interval {lo}–{hi} (width {}) vs normal approximation width {expected}",
            hi - lo
        );
        assert!(lo < 80.0 && 80.0 < hi);
        assert!((lo - (80.0 - expected / 2.0)).abs() < 0.1 * expected);
    }

    #[test]
    fn all_answers_equal_give_zero_width() {
        let sample = Sample::satisfaction(&[SATISFIED; 50], 1);
        let values = sipas_replicates(&one_item(), &sample, settings(200));
        assert_eq!(
            percentile_interval(&values, settings(200)),
            Some((100.0, 100.0))
        );
        let sample = Sample::satisfaction(&[VALID; 50], 1);
        let values = sipas_replicates(&one_item(), &sample, settings(200));
        assert_eq!(
            percentile_interval(&values, settings(200)),
            Some((0.0, 0.0))
        );
    }

    /// The replicate engine (f64, deduplicated patterns) applied to the sample itself gives
    /// the stages' exact figures for every unit of the sample year: it computes the method.
    #[test]
    fn the_sample_itself_gives_the_nominal_figures() {
        let criteria = crate::criteria::load(None).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2023");
        let settings = crate::inputs::ReadSettings {
            keep_answers: true,
            ..Default::default()
        };
        let year = crate::inputs::read(&dir, &criteria, settings).unwrap();
        let results = crate::stages::compute(&criteria, &year, Default::default()).unwrap();
        let groups: Vec<usize> = (0..criteria.groups.len()).collect();
        let model = Model::build(&criteria, &year, &results, &groups).unwrap();
        assert_eq!(model.units.len(), results.units.len());
        let mut scratch = model.scratch();
        for unit in &model.units {
            let (par, sipas) = model.unit_values(unit, &mut scratch, |_, sample, counts| {
                sample.identity(counts)
            });
            let nominal = &results.units[unit.unit];
            let close = |a: f64, b: Decimal| (a - f(b)).abs() < 1e-9;
            assert!(
                close(par, nominal.par.index),
                "{}: PAR {par} vs {}",
                nominal.code,
                nominal.par.index
            );
            let s = nominal.satisfaction.index.unwrap();
            assert!(
                close(sipas.unwrap(), s),
                "{}: SIPAS {sipas:?} vs {s}",
                nominal.code
            );
        }
    }

    #[test]
    fn items_without_answers_are_left_out_as_the_method_does() {
        // Two elements: {item 0, item 1}, {item 2}. Item 1 never answered.
        let shape = SipasShape {
            items: 3,
            elements: vec![0..2, 2..3],
        };
        let data = [SATISFIED, NO_ANSWER, VALID, VALID, NO_ANSWER, VALID];
        let sample = Sample::satisfaction(&data, 3);
        let mut scratch = Scratch {
            counts: Vec::new(),
            acc: vec![0; 3],
            answered: Vec::new(),
            sums: Vec::new(),
        };
        let mut counts = Vec::new();
        sample.identity(&mut counts);
        // Element 1: item 0 = 50%; element 2: item 2 = 0%; SIPAS = 25%.
        assert_eq!(shape.index(&sample, &counts, &mut scratch), Some(25.0));
    }
}
