//! The rules of a decision year: both criteria trees, the officials' survey, the satisfaction
//! questionnaire, deductions, bands and publishing rules (docs/method.md §2–§8).
//!
//! A criteria file is TOML (see `criteria/README.md`); [`load`] reads and validates it,
//! reporting every problem at once with its line and column.

mod bounds;
pub mod export;
mod file;
mod validate;

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

pub use bounds::{Bound, Interval, value_text};

use crate::error::Failure;
use crate::i18n::Lang;
use crate::{tr, tr_in};

/// The criteria shipped with par-index and used when `--criteria` is not given.
pub const BUILTIN_NAME: &str = "criteria/lang-son-2023.toml (built in)";
/// The text of the built-in criteria.
pub const BUILTIN_TEXT: &str = include_str!("../../criteria/lang-son-2023.toml");

/// The id and decision of the built-in criteria, read from the keys that open the file (before
/// its first table) without reading the rest: `--version` says them on every run.
pub fn builtin_head() -> (String, String) {
    #[derive(serde::Deserialize, Default)]
    struct Head {
        id: String,
        decision: String,
    }
    let end = BUILTIN_TEXT.find("\n[").unwrap_or(BUILTIN_TEXT.len());
    let head: Head = ::toml::from_str(&BUILTIN_TEXT[..end]).unwrap_or_default();
    (head.id, head.decision)
}

/// Reads and validates a criteria file; `name` is how messages name it.
pub fn parse(name: &str, text: &str) -> Result<Criteria, Failure> {
    let mut criteria = validate::build(name, text).map_err(Failure::Criteria)?;
    criteria.preamble = export::preamble(text);
    Ok(criteria)
}

/// The built-in criteria, or the file given.
pub fn load(path: Option<&std::path::Path>) -> Result<Criteria, Failure> {
    match path {
        None => parse(BUILTIN_NAME, BUILTIN_TEXT),
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| Failure::io(tr!("criteria-cannot-read", file = path), e))?;
            let name = path.display().to_string();
            let text = String::from_utf8(bytes).map_err(|e| {
                Failure::Criteria(vec![
                    crate::error::Problem::new(
                        &name,
                        0,
                        0,
                        tr!("criteria-not-utf8", offset = e.utf8_error().valid_up_to()),
                    )
                    .hint(tr!("criteria-not-utf8-hint")),
                ])
            })?;
            parse(&name, text.strip_prefix('\u{feff}').unwrap_or(&text))
        }
    }
}

/// A validated rule set.
#[derive(Debug, Clone, Serialize)]
pub struct Criteria {
    pub id: String,
    pub year: i64,
    pub province: String,
    pub decision: String,
    pub publish: Publish,
    pub sources: BTreeMap<String, SourceInfo>,
    /// The unit groups, in file order (departments first in the shipped file).
    #[serde(serialize_with = "groups_as_map")]
    pub groups: Vec<Group>,
    /// Officials' survey answer scale: option → weight (%).
    #[serde(serialize_with = "scale_as_map")]
    pub survey_scale: Vec<ScaleOption>,
    /// Where the survey scale comes from, and a remark on it.
    pub survey_provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey_note: Option<String>,
    pub sipas: Sipas,
    /// Total cap of deductions per unit.
    pub deduction_cap: Decimal,
    pub deductions: Vec<DeductionKind>,
    /// Where the deductions' cap comes from, and a remark on it.
    pub deductions_provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deductions_note: Option<String>,
    pub bands: Vec<Band>,
    /// The comment lines that open the criteria file (who wrote it, from what, what it is not),
    /// kept for [`export::toml`].
    #[serde(skip)]
    pub preamble: String,
}

impl Criteria {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// Weight (%) of a survey answer option, if it is on the scale.
    pub fn survey_weight(&self, option: &str) -> Option<Decimal> {
        self.survey_scale
            .iter()
            .find(|o| o.option == option)
            .map(|o| o.weight)
    }

    pub fn deduction(&self, code: &str) -> Option<&DeductionKind> {
        self.deductions.iter().find(|d| d.code == code)
    }

    /// The band of a published index.
    pub fn band_of(&self, published_index: Decimal) -> Option<&Band> {
        self.bands
            .iter()
            .find(|b| b.interval.contains(published_index))
    }

    /// Whether a provenance key names a source confirmed for the decision year.
    pub fn confirmed(&self, provenance: &str) -> bool {
        self.sources.get(provenance).is_some_and(|s| s.confirmed)
    }
}

fn groups_as_map<S: serde::Serializer>(groups: &[Group], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(groups.len()))?;
    for g in groups {
        map.serialize_entry(&g.id, g)?;
    }
    map.end()
}

fn scale_as_map<S: serde::Serializer>(scale: &[ScaleOption], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(scale.len()))?;
    for o in scale {
        map.serialize_entry(&o.option, &o.weight)?;
    }
    map.end()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ranking {
    /// Rank on exact values; equal published values may get different ranks (marked).
    Exact,
    /// Equal published values share a rank.
    Published,
}

#[derive(Debug, Clone, Serialize)]
pub struct Publish {
    pub decimals: u32,
    pub ranking: Ranking,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub title: String,
    pub confirmed: bool,
}

/// A dotted criterion code: `1`, `1.2`, `1.2.3`. Ordered numerically.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(pub Vec<u32>);

impl Code {
    /// Parses `1.2.3`; `None` for anything else (leading zeros, empty parts, letters).
    pub fn parse(text: &str) -> Option<Code> {
        let mut parts = Vec::new();
        for part in text.split('.') {
            let ok = !part.is_empty()
                && part.len() <= 4
                && part.bytes().all(|b| b.is_ascii_digit())
                && !part.starts_with('0');
            if !ok {
                return None;
            }
            parts.push(part.parse().ok()?);
        }
        Some(Code(parts))
    }

    pub fn depth(&self) -> usize {
        self.0.len()
    }

    pub fn parent(&self) -> Option<Code> {
        (self.0.len() > 1).then(|| Code(self.0[..self.0.len() - 1].to_vec()))
    }

    /// The field (first level) this code belongs to.
    pub fn field(&self) -> Code {
        Code(vec![self.0[0]])
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One unit group (`so`, `huyen`) with its tree and its officials' survey.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub total: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Every node, in code order; parents before their children.
    pub nodes: Vec<Node>,
    pub survey: GroupSurvey,
    #[serde(skip)]
    index: std::collections::HashMap<String, usize, foldhash::fast::FixedState>,
}

impl Group {
    /// The node with this code (as written, e.g. `"3.2.1"`).
    pub fn node(&self, code: &str) -> Option<&Node> {
        self.index.get(code).map(|&i| &self.nodes[i])
    }

    pub fn node_index(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    pub fn leaves(&self) -> impl Iterator<Item = (usize, &Node)> {
        self.nodes.iter().enumerate().filter(|(_, n)| n.is_leaf())
    }

    pub fn fields(&self) -> impl Iterator<Item = (usize, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
    }

    /// The index of the field (top-level node) a node belongs to.
    pub fn field_of(&self, mut i: usize) -> usize {
        while let Some(p) = self.nodes[i].parent {
            i = p;
        }
        i
    }

    /// Maximum points by leaf source.
    pub fn max_by_source(&self, source: Source) -> Decimal {
        self.leaves()
            .filter(|(_, n)| n.source() == Some(source))
            .map(|(_, n)| n.max)
            .sum()
    }
}

/// Declared points by source, checked against the leaves.
#[derive(Debug, Clone, Serialize)]
pub struct Split {
    pub appraisal: Decimal,
    pub survey: Decimal,
    pub sipas: Decimal,
}

/// A field, criterion or sub-criterion.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub code: Code,
    pub name: String,
    pub max: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip)]
    pub parent: Option<usize>,
    #[serde(skip)]
    pub children: Vec<usize>,
    /// Line of the node in the criteria file.
    #[serde(skip)]
    pub line: usize,
}

impl Node {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    pub fn source(&self) -> Option<Source> {
        self.source
    }
}

/// Where a leaf's points come from (docs/method.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Self-assessment as appraised by the council (§4).
    Appraisal,
    /// The officials' sociological survey (§5).
    Survey,
    /// The unit's satisfaction index (§6).
    Sipas,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Appraisal => "appraisal",
            Source::Survey => "survey",
            Source::Sipas => "sipas",
        }
    }

    /// Vietnamese name, as in the annexes.
    pub fn label(self) -> &'static str {
        match self {
            Source::Appraisal => "thẩm định",
            Source::Survey => "điều tra XHH",
            Source::Sipas => "chỉ số hài lòng",
        }
    }

    /// Its name in the messages' language ("thẩm định", "appraisal").
    pub fn name(self) -> String {
        match self {
            Source::Appraisal => tr!("criteria-source-appraisal"),
            Source::Survey => tr!("criteria-source-survey"),
            Source::Sipas => tr!("criteria-source-sipas"),
        }
    }
}

/// The scoring rule of an `appraisal` leaf.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Rule {
    /// Entered points in `[0, max]`, among `allowed` when given.
    Free {
        #[serde(skip_serializing_if = "Option::is_none")]
        allowed: Option<Vec<Decimal>>,
    },
    /// A named level → points.
    Levels { levels: Vec<Level> },
    /// The band containing the measured value.
    Bands { on: Measure, bands: Vec<RuleBand> },
    /// `max × value / 100`, the rate capped at 100%.
    Proportional,
}

#[derive(Debug, Clone, Serialize)]
pub struct Level {
    pub name: String,
    pub points: Decimal,
    /// The name as matched: NFC, lower case, single spaces.
    #[serde(skip)]
    pub key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    Percent,
    Count,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleBand {
    #[serde(flatten)]
    pub interval: Interval,
    pub points: Decimal,
}

/// Answer option of the officials' survey.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleOption {
    pub option: String,
    pub weight: Decimal,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupSurvey {
    pub respondent_groups: Vec<RespondentGroup>,
    pub questions: Vec<Question>,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Per node index of the group's tree: the indices of the questions tied to it.
    #[serde(skip)]
    pub by_leaf: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RespondentGroup {
    pub id: String,
    pub name: String,
    pub weight: Decimal,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: String,
    pub leaf: Code,
    pub text: String,
}

/// The satisfaction questionnaire.
#[derive(Debug, Clone, Serialize)]
pub struct Sipas {
    /// Levels of the 1–5 scale counted as satisfied.
    pub satisfied: Vec<u32>,
    /// Valid questionnaires a unit needs; fewer is flagged.
    pub min_valid: u64,
    pub scale: Vec<SipasLevel>,
    pub elements: Vec<Element>,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Sipas {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.elements.iter().flat_map(|e| e.items.iter())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SipasLevel {
    pub level: u32,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Element {
    pub code: String,
    pub name: String,
    pub items: Vec<Item>,
    pub provenance: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeductionKind {
    pub code: String,
    pub name: String,
    /// Points per time.
    pub points: Decimal,
    /// At most this many points for this kind.
    pub cap: Decimal,
    pub provenance: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A band (xếp loại) of the published PAR index.
#[derive(Debug, Clone, Serialize)]
pub struct Band {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(flatten)]
    pub interval: Interval,
    pub provenance: String,
}

/// Column names of the survey files that are not questions or items.
pub const RESERVED_COLUMNS: [&str; 3] = ["respondent", "respondent_group", "unit"];

impl Rule {
    /// The points of the band that holds a measured value (a percentage or a count); `None`
    /// when the rule has no bands or none holds it (a percentage above 100 where no band is
    /// open upwards).
    pub fn band_points(&self, value: Decimal) -> Option<Decimal> {
        match self {
            Rule::Bands { bands, .. } => bands
                .iter()
                .find(|b| b.interval.contains(value))
                .map(|b| b.points),
            _ => None,
        }
    }

    /// The rule as an analyst reads it beside the decision, in its words (Vietnamese, for the
    /// forms and documents), e.g. "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0".
    pub fn describe(&self, max: Decimal) -> String {
        self.describe_in(Lang::Vi, max)
    }

    /// The rule in `lang`, for messages: "above 90%: 2; from 70% to 90%: 1; below 70%: 0".
    pub fn describe_in(&self, lang: Lang, max: Decimal) -> String {
        let n = |d: &Decimal| d.normalize().to_string();
        match self {
            Rule::Free { allowed: None } => tr_in!(lang, "criteria-rule-free", max = n(&max)),
            Rule::Free {
                allowed: Some(values),
            } => tr_in!(
                lang,
                "criteria-rule-one-of",
                values = values.iter().map(n).collect::<Vec<_>>().join("; ")
            ),
            Rule::Levels { levels } => levels
                .iter()
                .map(|l| format!("{}: {}", l.name, n(&l.points)))
                .collect::<Vec<_>>()
                .join("; "),
            Rule::Bands { on, bands } => bands
                .iter()
                .map(|b| {
                    format!(
                        "{}: {}",
                        b.interval.describe_in(lang, Some(*on)),
                        n(&b.points)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            Rule::Proportional => tr_in!(lang, "criteria-rule-proportional", max = n(&max)),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Rule::Free { .. } => "free",
            Rule::Levels { .. } => "levels",
            Rule::Bands { .. } => "bands",
            Rule::Proportional => "proportional",
        }
    }
}
