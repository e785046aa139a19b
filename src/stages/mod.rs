//! The four stages of method.md: appraisal points (§6), survey points (§7), the satisfaction
//! index (§8), and totals, index, rank and band (§9). Points typed are added as the decimals
//! they are; the method's quotients (means, scores, indices) are exact fractions
//! ([`crate::exact`]), and every figure is stored as a decimal rounded once — exact whenever it
//! has a finite decimal expansion. Nothing is rounded for publication here.

pub mod appraisal;
pub mod satisfaction;
pub mod survey;
pub mod totals;

use std::fmt;

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

pub use satisfaction::Satisfaction;
pub use totals::{Par, Ranked};

use crate::criteria::{Criteria, Source};
use crate::error::{Failure, Problem};
use crate::exact::Exact;
use crate::inputs::{self, Year};
use crate::tr;

/// How a run treats gaps and warnings.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Not appraised leaves and rule disagreements are errors.
    pub strict: bool,
    /// An applicable leaf with nothing to score earns 0 points (and a warning) instead of an error.
    pub missing_zero: bool,
}

/// Where a leaf's points come from, for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The council's appraised points.
    Appraised,
    /// Self points, not appraised.
    SelfOnly,
    /// The rule applied to the measured value.
    Rule,
    /// Nothing was given; scored 0 under `--missing zero`.
    MissingZero,
    /// The officials' survey.
    Survey,
    /// The satisfaction index.
    Sipas,
    /// `N/A`: the leaf does not apply to the unit.
    NotApplicable,
}

/// One leaf of one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafScore {
    pub applicable: bool,
    pub points: Decimal,
    pub basis: Basis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    NotAppraised,
    RuleDisagrees,
    MissingScoredZero,
    SmallSample,
    ElementUnanswered,
    /// Results delivered per unit whose index is not the mean of their elements' (the mean
    /// stands).
    SipasIndexDisagrees,
    /// A percentage written as a plain number of at most 1 (a fraction, most often).
    SmallPercentage,
    /// A measured value that no band of the rule holds; the points given stand.
    ValueOutsideRule,
}

/// Something an analyst should look at; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub unit: Option<String>,
    pub criterion: Option<String>,
    /// The input file concerned (the JSON gives its name within the year's folder).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "file_name")]
    pub file: Option<String>,
    /// The sheet of a workbook, where the file is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Its line (shown on stderr; left out of the JSON so that row order never changes it).
    #[serde(skip)]
    pub line: Option<usize>,
    pub message: String,
}

fn file_name<S: serde::Serializer>(file: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    let name = file.as_deref().map(|f| {
        std::path::Path::new(f)
            .file_name()
            .map_or_else(|| f.to_string(), |n| n.to_string_lossy().into_owned())
    });
    name.serialize(s)
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            let place = crate::error::place(file, self.sheet.as_deref(), self.line.unwrap_or(0), 0);
            write!(f, "{place}: ")?;
        }
        match (&self.unit, &self.criterion) {
            (Some(u), Some(c)) => write!(
                f,
                "{}: ",
                tr!("common-subject-unit-criterion", unit = u, criterion = c)
            )?,
            (Some(u), None) => write!(f, "{}: ", tr!("common-subject-unit", unit = u))?,
            _ => {}
        }
        write!(f, "{}", self.message)
    }
}

/// Everything computed for one unit.
#[derive(Debug, Clone)]
pub struct UnitResult {
    /// Index of the unit in the year's units (code order).
    pub unit: usize,
    pub code: String,
    pub name: String,
    /// Index of its group in the criteria.
    pub group: usize,
    /// Per node of the group's tree: points, applicable maximum and, for leaves, the basis
    /// (see [`UnitResult::node`] and [`UnitResult::leaf`]). One compact entry per node, since
    /// a national year holds a million of them.
    scores: Vec<NodeScore>,
    /// The survey scores (0–100) of the survey leaves, by node index, exactly.
    survey_scores: Vec<(u32, Exact)>,
    pub satisfaction: Satisfaction,
    /// Valid and invalid questionnaires.
    pub valid: u32,
    pub invalid: u32,
    pub below_minimum: bool,
    pub par: Par,
    /// The satisfaction rank in the group.
    pub sipas_rank: Ranked,
}

/// A node's figures for one unit: 36 bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct NodeScore {
    points: Decimal,
    max: Decimal,
    /// Leaves only.
    basis: Option<Basis>,
    applicable: bool,
}

impl UnitResult {
    /// Points and applicable maximum of node `i`, summed over its applicable leaves.
    pub fn node(&self, i: usize) -> NodeTotal {
        let s = self.scores[i];
        NodeTotal {
            points: s.points,
            max: s.max,
        }
    }

    /// The score of leaf `i`; `None` for a node with children.
    pub fn leaf(&self, i: usize) -> Option<LeafScore> {
        let s = self.scores[i];
        s.basis.map(|basis| LeafScore {
            applicable: s.applicable,
            points: s.points,
            basis,
        })
    }

    /// The survey score (0–100) of survey leaf `i`.
    pub fn survey_score(&self, i: usize) -> Option<Decimal> {
        self.survey_scores
            .iter()
            .find(|(n, _)| *n as usize == i)
            .map(|(_, s)| s.to_decimal())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeTotal {
    pub points: Decimal,
    pub max: Decimal,
}

/// The results of a year.
#[derive(Debug, Clone)]
pub struct Results {
    /// Units in code order.
    pub units: Vec<UnitResult>,
    /// Sorted by unit, criterion and kind.
    pub warnings: Vec<Warning>,
    /// Where the satisfaction index comes from.
    pub sipas_source: SipasSource,
}

/// Where the satisfaction index comes from (the annexes say which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SipasSource {
    /// Computed from the questionnaires (`sipas-survey.csv`).
    #[default]
    Questionnaires,
    /// The results per unit as delivered (`sipas-results.csv`).
    Delivered,
}

impl Results {
    /// Units of a group, by PAR rank (then code).
    pub fn by_par_rank(&self, group: usize) -> Vec<&UnitResult> {
        let mut v: Vec<&UnitResult> = self.units.iter().filter(|u| u.group == group).collect();
        v.sort_by(|a, b| {
            a.par
                .rank
                .rank
                .cmp(&b.par.rank.rank)
                .then(a.code.cmp(&b.code))
        });
        v
    }

    /// The warnings about units of `groups`, and those about no unit.
    pub fn warnings_for(&self, groups: &[usize]) -> Vec<&Warning> {
        let group_of: std::collections::HashMap<&str, usize> = self
            .units
            .iter()
            .map(|u| (u.code.as_str(), u.group))
            .collect();
        self.warnings
            .iter()
            .filter(|w| {
                w.unit
                    .as_deref()
                    .is_none_or(|code| group_of.get(code).is_some_and(|g| groups.contains(g)))
            })
            .collect()
    }

    /// The unit named by `wanted`: its code (any case), or its name (any case and spacing,
    /// with or without diacritics when that names one unit). Otherwise the units whose code or
    /// name come nearest, nearest first (none when nothing comes near).
    pub fn find_unit(&self, wanted: &str) -> Result<usize, Vec<usize>> {
        use crate::text::{fold, normalize_key, without_marks};
        let key = normalize_key(wanted);
        let folded = fold(wanted);
        if let Some(i) = self.units.iter().position(|u| u.code == key).or_else(|| {
            self.units
                .iter()
                .position(|u| u.code.eq_ignore_ascii_case(&key) || fold(&u.name) == folded)
        }) {
            return Ok(i);
        }
        let bare = without_marks(&folded);
        let same: Vec<usize> = (0..self.units.len())
            .filter(|&i| without_marks(&fold(&self.units[i].name)) == bare)
            .collect();
        if let [i] = same[..] {
            return Ok(i);
        }
        let mut near: Vec<(f64, usize)> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let by_code = strsim::jaro_winkler(&key.to_lowercase(), &u.code.to_lowercase());
                let name = fold(&u.name);
                let by_name = if !folded.is_empty() && name.contains(&folded) {
                    0.95
                } else {
                    strsim::jaro_winkler(&folded, &name)
                };
                (by_code.max(by_name), i)
            })
            .filter(|&(score, _)| score > 0.75)
            .collect();
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        Err(near.into_iter().map(|(_, i)| i).collect())
    }

    /// Units of a group, by satisfaction rank (then code).
    pub fn by_sipas_rank(&self, group: usize) -> Vec<&UnitResult> {
        let mut v: Vec<&UnitResult> = self.units.iter().filter(|u| u.group == group).collect();
        v.sort_by(|a, b| {
            a.sipas_rank
                .rank
                .cmp(&b.sipas_rank.rank)
                .then(a.code.cmp(&b.code))
        });
        v
    }
}

/// Runs the four stages on a year's data.
pub fn compute(criteria: &Criteria, year: &Year, options: Options) -> Result<Results, Failure> {
    let (results, problems) = compute_all(criteria, year, options);
    problems.into_result()?;
    Ok(results)
}

/// Runs the four stages, returning the results with every problem found (gaps in the data,
/// and with `--strict` the strict warnings). The results are meaningful only without problems.
pub fn compute_all(
    criteria: &Criteria,
    year: &Year,
    options: Options,
) -> (Results, inputs::Problems) {
    let mut warnings = Vec::new();
    let mut problems = inputs::Problems::default();
    let self_file = year
        .files
        .get(inputs::SELF_ASSESSMENT)
        .cloned()
        .unwrap_or_default();
    let survey_file = year
        .files
        .get(inputs::PAR_SURVEY)
        .cloned()
        .unwrap_or_default();
    let delivered = year.sipas.delivered.as_ref();
    let sipas_file = year
        .files
        .get(match delivered {
            Some(_) => inputs::SIPAS_RESULTS,
            None => inputs::SIPAS_SURVEY,
        })
        .cloned()
        .unwrap_or_default();
    let weights = survey::Weights::of(criteria);
    // Each unit is computed on its own, on every core; results are gathered in unit order.
    let one = |u: usize| -> (UnitResult, Vec<Warning>, Vec<Problem>) {
        let unit = &year.units[u];
        let mut warnings = Vec::new();
        let mut problems = Vec::new();
        let group = &criteria.groups[unit.group];
        // Stage 3 first: the sipas leaves need the unit's index.
        let satisfaction = match delivered {
            Some(d) => satisfaction::delivered(&d.elements[u], d.index[u]),
            None => satisfaction::compute(criteria, |item, level| year.sipas.count(u, item, level)),
        };
        if let Some(d) = delivered
            && let (Some(given), Some(exact)) = (d.index[u], &satisfaction.exact)
            && d.elements[u].iter().any(Option::is_some)
            && crate::decimal::publish(exact.to_decimal(), given.scale()) != given
        {
            // the contractor's index is not the mean of its elements: the mean stands
            warnings.push(Warning {
                kind: WarningKind::SipasIndexDisagrees,
                unit: Some(unit.code.clone()),
                criterion: None,
                file: Some(sipas_file.clone()),
                sheet: None,
                line: d.line[u].map(|l| l as usize),
                message: tr!(
                    "stages-sipas-index-disagrees",
                    given = given,
                    mean = crate::decimal::publish(exact.to_decimal(), given.scale() + 2)
                ),
            });
        }
        let valid = year.sipas.valid[u];
        let below_minimum = u64::from(valid) < criteria.sipas.min_valid;
        if below_minimum && satisfaction.index.is_some() {
            warnings.push(Warning {
                kind: WarningKind::SmallSample,
                unit: Some(unit.code.clone()),
                criterion: None,
                file: Some(sipas_file.clone()),
                sheet: None,
                line: None,
                message: tr!(
                    "stages-small-sample",
                    count = valid,
                    min = criteria.sipas.min_valid
                ),
            });
        }
        // (results delivered with the unit's index alone leave out no element)
        let by_element = satisfaction.elements.iter().any(Option::is_some);
        for (e, element) in criteria.sipas.elements.iter().enumerate() {
            if by_element && satisfaction.elements[e].is_none() {
                warnings.push(Warning {
                    kind: WarningKind::ElementUnanswered,
                    unit: Some(unit.code.clone()),
                    criterion: None,
                    file: Some(sipas_file.clone()),
                    sheet: None,
                    line: None,
                    message: match delivered {
                        Some(_) => tr!(
                            "stages-element-not-delivered",
                            code = element.code,
                            name = element.name
                        ),
                        None => tr!(
                            "stages-element-unanswered",
                            code = element.code,
                            name = element.name
                        ),
                    },
                });
            }
        }
        let mut leaves = vec![None; group.nodes.len()];
        let mut survey_scores = Vec::new();
        // The exact points of the leaves whose points are quotients.
        let mut exact = Vec::new();
        // A leaf whose points are a quotient: stored rounded once, kept exactly for the sums.
        let quotient = |exact: &mut Vec<(usize, Exact)>, i: usize, points: Exact, basis| {
            let leaf = LeafScore {
                applicable: true,
                points: points.to_decimal(),
                basis,
            };
            exact.push((i, points));
            leaf
        };
        for (i, node) in group.leaves() {
            let score = match node.source {
                Some(Source::Appraisal) => year.row(u, i).and_then(|row| {
                    appraisal::score(node, row, &unit.code, &self_file, &mut warnings)
                }),
                Some(Source::Survey) => {
                    let s = survey::leaf_score(criteria, &weights, unit.group, i, |rg, q, o| {
                        year.par_survey.count(u, rg, q, o)
                    });
                    s.map(|s| {
                        let points = survey::points(node, &s);
                        survey_scores.push((i as u32, s));
                        quotient(&mut exact, i, points, Basis::Survey)
                    })
                }
                Some(Source::Sipas) => satisfaction
                    .exact
                    .as_ref()
                    .map(|s| quotient(&mut exact, i, survey::points(node, s), Basis::Sipas)),
                None => None,
            };
            leaves[i] = Some(match score {
                Some(s) => s,
                None => {
                    let (file, what) = match node.source {
                        Some(Source::Survey) => (&survey_file, tr!("stages-missing-survey")),
                        Some(Source::Sipas) if delivered.is_some() => {
                            (&sipas_file, tr!("stages-missing-sipas-results"))
                        }
                        Some(Source::Sipas) => (&sipas_file, tr!("stages-missing-sipas")),
                        _ => (&self_file, tr!("stages-missing-appraisal")),
                    };
                    let refused = match node.source {
                        Some(Source::Appraisal) => year.unreadable.contains(&(u, Some(i))),
                        _ => year.unreadable.contains(&(u, None)),
                    };
                    if refused {
                        // already reported by the reader, with its line
                    } else if options.missing_zero {
                        warnings.push(Warning {
                            kind: WarningKind::MissingScoredZero,
                            unit: Some(unit.code.clone()),
                            criterion: Some(node.code.to_string()),
                            file: Some(file.clone()),
                            sheet: None,
                            line: None,
                            message: tr!("stages-missing-zero", what = what),
                        });
                    } else {
                        problems.push(
                            Problem::new(file.clone(), 0, 0, what)
                                .subject(tr!(
                                    "common-subject-unit-criterion",
                                    unit = unit.code,
                                    criterion = node.code.to_string()
                                ))
                                .hint(match node.source {
                                    Some(Source::Survey) => tr!("stages-missing-survey-hint"),
                                    Some(Source::Sipas) if delivered.is_some() => {
                                        tr!("stages-missing-sipas-results-hint")
                                    }
                                    Some(Source::Sipas) => tr!("stages-missing-sipas-hint"),
                                    _ => tr!("stages-missing-appraisal-hint"),
                                }),
                        );
                    }
                    LeafScore {
                        applicable: true,
                        points: Decimal::ZERO,
                        basis: Basis::MissingZero,
                    }
                }
            });
        }
        let (nodes, sum) = totals::node_totals(group, &leaves, &exact);
        let par = totals::par(
            criteria,
            group,
            &nodes,
            &leaves,
            &exact,
            &sum,
            &year.deductions[u],
        );
        if par.max.is_zero() {
            problems.push(
                Problem::new(self_file.clone(), 0, 0, tr!("stages-no-maximum"))
                    .subject(tr!("common-subject-unit", unit = unit.code)),
            );
        }
        let scores = nodes
            .iter()
            .zip(&leaves)
            .map(|(n, l)| NodeScore {
                points: n.points,
                max: n.max,
                basis: l.map(|l| l.basis),
                applicable: l.is_some_and(|l| l.applicable),
            })
            .collect();
        let result = UnitResult {
            unit: u,
            code: unit.code.clone(),
            name: unit.name.clone(),
            group: unit.group,
            scores,
            survey_scores,
            satisfaction,
            valid,
            invalid: year.sipas.invalid[u],
            below_minimum,
            par,
            sipas_rank: Ranked::default(),
        };
        (result, warnings, problems)
    };
    let computed: Vec<_> = (0..year.units.len()).into_par_iter().map(one).collect();
    let mut units = Vec::with_capacity(computed.len());
    for (result, unit_warnings, unit_problems) in computed {
        units.push(result);
        warnings.extend(unit_warnings);
        for p in unit_problems {
            problems.push(p);
        }
    }
    for w in &mut warnings {
        w.sheet = w.file.as_ref().and_then(|f| year.sheets.get(f)).cloned();
    }
    if options.strict {
        for w in &warnings {
            if matches!(
                w.kind,
                WarningKind::NotAppraised
                    | WarningKind::RuleDisagrees
                    | WarningKind::SmallPercentage
                    | WarningKind::ValueOutsideRule
            ) {
                let mut p = Problem::new(
                    w.file.clone().unwrap_or_default(),
                    w.line.unwrap_or(0),
                    0,
                    tr!("stages-strict", message = w.message),
                )
                .in_sheet(w.sheet.as_deref());
                p.subject = Some(tr!(
                    "common-subject-unit-criterion",
                    unit = w.unit.as_deref().unwrap_or("?"),
                    criterion = w.criterion.as_deref().unwrap_or("?")
                ));
                problems.push(p);
            }
        }
    }
    totals::rank_all(criteria, &mut units);
    warnings.sort_by(|a, b| {
        let node_order = |w: &Warning| {
            w.criterion
                .as_deref()
                .and_then(crate::criteria::Code::parse)
        };
        (&a.unit, node_order(a), a.kind, &a.message).cmp(&(
            &b.unit,
            node_order(b),
            b.kind,
            &b.message,
        ))
    });
    let sipas_source = match delivered {
        Some(_) => SipasSource::Delivered,
        None => SipasSource::Questionnaires,
    };
    (
        Results {
            units,
            warnings,
            sipas_source,
        },
        problems,
    )
}
