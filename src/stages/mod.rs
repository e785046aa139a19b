//! The four stages of docs/method.md: appraisal points (§4), survey points (§5), the satisfaction
//! index (§6), and totals, index (§7), rank and band (§8). Points typed are added as the decimals
//! they are; the method's quotients (means, scores, indices) are exact fractions
//! ([`crate::exact`]), and every figure is stored as a decimal rounded once — exact whenever it has
//! a finite decimal expansion. Nothing is rounded for publication here.

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

use crate::criteria::{Criteria, Node, Source};
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
    let run = Run::new(criteria, year, options);
    // Each unit is computed on its own, on every core; results are gathered in unit order.
    let computed: Vec<_> = (0..year.units.len())
        .into_par_iter()
        .map(|u| run.unit(u))
        .collect();
    let mut units = Vec::with_capacity(computed.len());
    let mut warnings = Vec::new();
    let mut problems = inputs::Problems::default();
    for (result, found) in computed {
        units.push(result);
        warnings.extend(found.warnings);
        for p in found.problems {
            problems.push(p);
        }
    }
    name_sheets(&mut warnings, year);
    if options.strict {
        strict_problems(&warnings, &mut problems);
    }
    totals::rank_all(criteria, &mut units);
    sort_warnings(&mut warnings);
    let sipas_source = match run.delivered {
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

/// The year's files as the user named them, for the warnings and problems about a unit.
struct Files {
    self_assessment: String,
    par_survey: String,
    /// `sipas-results` when the results are delivered per unit, else `sipas-survey`.
    sipas: String,
}

/// What the stages found about one unit besides its figures.
#[derive(Default)]
struct Findings {
    warnings: Vec<Warning>,
    problems: Vec<Problem>,
}

/// The leaves of one unit.
struct Leaves {
    /// Per node, the leaves only.
    scores: Vec<Option<LeafScore>>,
    /// The survey scores (0–100) of the survey leaves.
    survey_scores: Vec<(u32, Exact)>,
    /// The exact points of the leaves whose points are quotients, in node order.
    exact: Vec<(usize, Exact)>,
}

impl Leaves {
    /// A leaf whose points are a quotient: stored rounded once, kept exactly for the sums.
    fn quotient(&mut self, i: usize, points: Exact, basis: Basis) -> LeafScore {
        let leaf = LeafScore {
            applicable: true,
            points: points.to_decimal(),
            basis,
        };
        self.exact.push((i, points));
        leaf
    }
}

/// A year's run: what every unit's stages read.
struct Run<'a> {
    criteria: &'a Criteria,
    year: &'a Year,
    options: Options,
    files: Files,
    /// The satisfaction results per unit, when delivered instead of the questionnaires.
    delivered: Option<&'a inputs::Delivered>,
    weights: survey::Weights,
}

impl<'a> Run<'a> {
    fn new(criteria: &'a Criteria, year: &'a Year, options: Options) -> Self {
        let delivered = year.sipas.delivered.as_ref();
        let file = |name| year.files.get(name).cloned().unwrap_or_default();
        let files = Files {
            self_assessment: file(inputs::SELF_ASSESSMENT),
            par_survey: file(inputs::PAR_SURVEY),
            sipas: file(match delivered {
                Some(_) => inputs::SIPAS_RESULTS,
                None => inputs::SIPAS_SURVEY,
            }),
        };
        Run {
            criteria,
            year,
            options,
            files,
            delivered,
            weights: survey::Weights::of(criteria),
        }
    }

    /// Unit `u` through the four stages: satisfaction first (the sipas leaves need its index),
    /// then the leaves (appraisal, survey, satisfaction), then totals, index and band.
    fn unit(&self, u: usize) -> (UnitResult, Findings) {
        let unit = &self.year.units[u];
        let mut found = Findings::default();
        let satisfaction = self.satisfaction(u, &mut found.warnings);
        let valid = self.year.sipas.valid[u];
        let below_minimum = u64::from(valid) < self.criteria.sipas.min_valid;
        if below_minimum && satisfaction.index.is_some() {
            let min = self.criteria.sipas.min_valid;
            let message = tr!("stages-small-sample", count = valid, min = min);
            found
                .warnings
                .push(self.sipas_warning(WarningKind::SmallSample, u, message));
        }
        self.unanswered_elements(u, &satisfaction, &mut found.warnings);
        let leaves = self.leaves(u, &satisfaction, &mut found);
        let (scores, par) = self.totals(u, &leaves, &mut found.problems);
        let result = UnitResult {
            unit: u,
            code: unit.code.clone(),
            name: unit.name.clone(),
            group: unit.group,
            scores,
            survey_scores: leaves.survey_scores,
            satisfaction,
            valid,
            invalid: self.year.sipas.invalid[u],
            below_minimum,
            par,
            sipas_rank: Ranked::default(),
        };
        (result, found)
    }

    /// A warning about unit `u` and the satisfaction file.
    fn sipas_warning(&self, kind: WarningKind, u: usize, message: String) -> Warning {
        Warning {
            kind,
            unit: Some(self.year.units[u].code.clone()),
            criterion: None,
            file: Some(self.files.sipas.clone()),
            sheet: None,
            line: None,
            message,
        }
    }

    /// Stage 3: the unit's satisfaction index, from its questionnaires or as delivered; a
    /// delivered index that is not the mean of its elements is said (the mean stands).
    fn satisfaction(&self, u: usize, warnings: &mut Vec<Warning>) -> Satisfaction {
        let Some(d) = self.delivered else {
            return satisfaction::compute(self.criteria, |item, level| {
                self.year.sipas.count(u, item, level)
            });
        };
        let satisfaction = satisfaction::delivered(&d.elements[u], d.index[u]);
        if let (Some(given), Some(exact)) = (d.index[u], &satisfaction.exact)
            && d.elements[u].iter().any(Option::is_some)
            && crate::decimal::publish(exact.to_decimal(), given.scale()) != given
        {
            let mean = crate::decimal::publish(exact.to_decimal(), given.scale() + 2);
            warnings.push(Warning {
                line: d.line[u].map(|l| l as usize),
                ..self.sipas_warning(
                    WarningKind::SipasIndexDisagrees,
                    u,
                    tr!("stages-sipas-index-disagrees", given = given, mean = mean),
                )
            });
        }
        satisfaction
    }

    /// The satisfaction elements the unit's index leaves out for want of answers (results
    /// delivered with the unit's index alone leave out no element).
    fn unanswered_elements(
        &self,
        u: usize,
        satisfaction: &Satisfaction,
        warnings: &mut Vec<Warning>,
    ) {
        if !satisfaction.elements.iter().any(Option::is_some) {
            return;
        }
        for (e, element) in self.criteria.sipas.elements.iter().enumerate() {
            if satisfaction.elements[e].is_some() {
                continue;
            }
            let (code, name) = (&element.code, &element.name);
            let message = match self.delivered {
                Some(_) => tr!("stages-element-not-delivered", code = code, name = name),
                None => tr!("stages-element-unanswered", code = code, name = name),
            };
            warnings.push(self.sipas_warning(WarningKind::ElementUnanswered, u, message));
        }
    }

    /// Stages 1 and 2, and the satisfaction leaves: every leaf of the unit's tree scored from
    /// its source, or scored 0 where the year gives nothing ([`Run::missing_leaf`]).
    fn leaves(&self, u: usize, satisfaction: &Satisfaction, found: &mut Findings) -> Leaves {
        let group = &self.criteria.groups[self.year.units[u].group];
        let mut leaves = Leaves {
            scores: vec![None; group.nodes.len()],
            survey_scores: Vec::new(),
            exact: Vec::new(),
        };
        for (i, node) in group.leaves() {
            let score = self.leaf_score(u, i, node, satisfaction, &mut leaves, &mut found.warnings);
            leaves.scores[i] = Some(score.unwrap_or_else(|| self.missing_leaf(u, i, node, found)));
        }
        leaves
    }

    /// Leaf `i` scored from its source: the appraisal row (stage 1), the officials' survey
    /// (stage 2) or the satisfaction index; `None` when the year gives nothing to score.
    fn leaf_score(
        &self,
        u: usize,
        i: usize,
        node: &Node,
        satisfaction: &Satisfaction,
        leaves: &mut Leaves,
        warnings: &mut Vec<Warning>,
    ) -> Option<LeafScore> {
        let unit = &self.year.units[u];
        match node.source? {
            Source::Appraisal => self.year.row(u, i).and_then(|row| {
                appraisal::score(node, row, &unit.code, &self.files.self_assessment, warnings)
            }),
            Source::Survey => {
                let score =
                    survey::leaf_score(self.criteria, &self.weights, unit.group, i, |rg, q, o| {
                        self.year.par_survey.count(u, rg, q, o)
                    })?;
                let points = survey::points(node, &score);
                leaves.survey_scores.push((i as u32, score));
                Some(leaves.quotient(i, points, Basis::Survey))
            }
            Source::Sipas => {
                let index = satisfaction.exact.as_ref()?;
                Some(leaves.quotient(i, survey::points(node, index), Basis::Sipas))
            }
        }
    }

    /// A leaf the year gives nothing to score: 0 points, with a warning under `--missing
    /// zero`, else a problem; nothing more when its reader refused the rows (and said so).
    fn missing_leaf(&self, u: usize, i: usize, node: &Node, found: &mut Findings) -> LeafScore {
        let refused = match node.source {
            Some(Source::Appraisal) => self.year.unreadable.contains(&(u, Some(i))),
            _ => self.year.unreadable.contains(&(u, None)),
        };
        if !refused {
            let code = &self.year.units[u].code;
            let sipas_delivered = self.delivered.is_some();
            let (file, what) = match node.source {
                Some(Source::Survey) => (&self.files.par_survey, tr!("stages-missing-survey")),
                Some(Source::Sipas) if sipas_delivered => {
                    (&self.files.sipas, tr!("stages-missing-sipas-results"))
                }
                Some(Source::Sipas) => (&self.files.sipas, tr!("stages-missing-sipas")),
                _ => (&self.files.self_assessment, tr!("stages-missing-appraisal")),
            };
            if self.options.missing_zero {
                found.warnings.push(Warning {
                    kind: WarningKind::MissingScoredZero,
                    unit: Some(code.clone()),
                    criterion: Some(node.code.to_string()),
                    file: Some(file.clone()),
                    sheet: None,
                    line: None,
                    message: tr!("stages-missing-zero", what = what),
                });
            } else {
                let hint = match node.source {
                    Some(Source::Survey) => tr!("stages-missing-survey-hint"),
                    Some(Source::Sipas) if sipas_delivered => {
                        tr!("stages-missing-sipas-results-hint")
                    }
                    Some(Source::Sipas) => tr!("stages-missing-sipas-hint"),
                    _ => tr!("stages-missing-appraisal-hint"),
                };
                let subject = tr!(
                    "common-subject-unit-criterion",
                    unit = code,
                    criterion = node.code.to_string()
                );
                found.problems.push(
                    Problem::new(file.clone(), 0, 0, what)
                        .subject(subject)
                        .hint(hint),
                );
            }
        }
        LeafScore {
            applicable: true,
            points: Decimal::ZERO,
            basis: Basis::MissingZero,
        }
    }

    /// Stage 4 but the ranks: the points and maximum of every node, the unit's PAR total,
    /// index and band; a unit with nothing applicable is a problem.
    fn totals(
        &self,
        u: usize,
        leaves: &Leaves,
        problems: &mut Vec<Problem>,
    ) -> (Vec<NodeScore>, Par) {
        let unit = &self.year.units[u];
        let group = &self.criteria.groups[unit.group];
        let (nodes, sum) = totals::node_totals(group, &leaves.scores, &leaves.exact);
        let mut par = totals::par(
            self.criteria,
            group,
            &nodes,
            &leaves.scores,
            &leaves.exact,
            &sum,
            &self.year.deductions[u],
        );
        par.band = totals::band(self.criteria, par.index);
        if par.max.is_zero() {
            problems.push(
                Problem::new(&self.files.self_assessment, 0, 0, tr!("stages-no-maximum"))
                    .subject(tr!("common-subject-unit", unit = unit.code)),
            );
        }
        let scores = nodes
            .iter()
            .zip(&leaves.scores)
            .map(|(n, l)| NodeScore {
                points: n.points,
                max: n.max,
                basis: l.map(|l| l.basis),
                applicable: l.is_some_and(|l| l.applicable),
            })
            .collect();
        (scores, par)
    }
}

/// The sheet each warning's file was read from, where it is a workbook.
fn name_sheets(warnings: &mut [Warning], year: &Year) {
    for w in warnings {
        w.sheet = w.file.as_ref().and_then(|f| year.sheets.get(f)).cloned();
    }
}

/// With `--strict`, the warnings that are errors: not appraised, rule disagreements, small
/// percentages and values outside the rule.
fn strict_problems(warnings: &[Warning], problems: &mut inputs::Problems) {
    for w in warnings {
        if !matches!(
            w.kind,
            WarningKind::NotAppraised
                | WarningKind::RuleDisagrees
                | WarningKind::SmallPercentage
                | WarningKind::ValueOutsideRule
        ) {
            continue;
        }
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

/// Warnings by unit, then criterion in tree order, kind and message.
fn sort_warnings(warnings: &mut [Warning]) {
    let node_order = |w: &Warning| {
        w.criterion
            .as_deref()
            .and_then(crate::criteria::Code::parse)
    };
    warnings.sort_by(|a, b| {
        (&a.unit, node_order(a), a.kind, &a.message).cmp(&(
            &b.unit,
            node_order(b),
            b.kind,
            &b.message,
        ))
    });
}
