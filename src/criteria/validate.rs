//! From the file as written to a validated [`Criteria`], collecting every problem with its
//! line, column and the node it concerns.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rust_decimal::Decimal;

use super::bounds::{CoverFlaw, check_cover};
use super::file::*;
use super::*;
use crate::error::Problem;
use crate::text::normalize_key;
use crate::tr;

/// Byte offset → (line, column), both 1-based, columns in characters.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

struct Checker<'a> {
    file: &'a str,
    lines: LineIndex<'a>,
    problems: Vec<Problem>,
    sources: BTreeSet<String>,
}

impl Checker<'_> {
    fn at(&mut self, span: Range<usize>, subject: Option<String>, message: String) {
        let (line, column) = self.lines.locate(span.start);
        let mut p = Problem::new(self.file, line, column, message);
        p.subject = subject;
        self.problems.push(p);
    }

    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.locate(span.start).0
    }

    fn provenance(&mut self, p: &S<String>, subject: &str) -> String {
        if !self.sources.contains(p.get_ref()) {
            let known = self.sources.iter().cloned().collect::<Vec<_>>().join(", ");
            self.at(
                p.span(),
                Some(subject.to_string()),
                tr!(
                    "criteria-provenance-unknown",
                    provenance = p.get_ref(),
                    known = known
                ),
            );
        }
        p.get_ref().clone()
    }

    fn not_negative(&mut self, value: Decimal, span: Range<usize>, subject: &str, what: &str) {
        if value < Decimal::ZERO {
            self.at(
                span,
                Some(subject.to_string()),
                tr!("criteria-negative", key = what, value = value),
            );
        }
    }
}

pub fn build(file: &str, text: &str) -> Result<Criteria, Vec<Problem>> {
    let lines = LineIndex::new(text);
    let raw: RawCriteria = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let (line, column) = e.span().map_or((0, 0), |s| lines.locate(s.start));
            let message = tr!("criteria-not-toml", detail = e.message().trim());
            return Err(vec![Problem::new(file, line, column, message)]);
        }
    };
    let sources = raw.sources.keys().cloned().collect();
    let mut c = Checker {
        file,
        lines,
        problems: Vec::new(),
        sources,
    };
    let criteria = criteria(&mut c, raw);
    if c.problems.is_empty() {
        Ok(criteria)
    } else {
        let mut problems = c.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        problems.dedup();
        Err(problems)
    }
}

fn criteria(c: &mut Checker, raw: RawCriteria) -> Criteria {
    if raw.id.get_ref().trim().is_empty() {
        c.at(raw.id.span(), None, tr!("criteria-id-empty"));
    }
    let sources = raw
        .sources
        .into_iter()
        .map(|(k, v)| {
            let v = v.into_inner();
            (
                k,
                SourceInfo {
                    title: v.title,
                    confirmed: v.confirmed,
                },
            )
        })
        .collect();
    let publish = publish(c, raw.publish);
    let survey_provenance = c.provenance(&raw.survey.get_ref().provenance, "survey");
    let survey_note = raw.survey.get_ref().note.clone();
    let survey_scale = survey_scale(c, raw.survey);
    let sipas = sipas(c, raw.sipas);
    let mut columns: BTreeMap<String, String> = BTreeMap::new();
    for item in sipas.items() {
        columns.insert(item.id.clone(), tr!("criteria-column-item"));
    }
    let groups_span = raw.groups.span();
    let mut groups = Vec::new();
    let mut raw_groups = raw.groups.into_inner().0;
    // In the order the file first names them (the TOML reader does not keep table order).
    raw_groups.sort_by_key(|(_, g)| g.span().start);
    for (id, g) in raw_groups {
        groups.push(group(c, id, g, &mut columns));
    }
    if groups.is_empty() {
        c.at(groups_span, None, tr!("criteria-no-group"));
    }
    let deductions_provenance = c.provenance(&raw.deductions.get_ref().provenance, "deductions");
    let deductions_note = raw.deductions.get_ref().note.clone();
    let (deduction_cap, deductions) = deductions(c, raw.deductions);
    let bands = index_bands(c, raw.bands);
    Criteria {
        id: raw.id.into_inner(),
        year: raw.year.into_inner(),
        province: raw.province,
        decision: raw.decision,
        publish,
        sources,
        groups,
        survey_scale,
        survey_provenance,
        survey_note,
        sipas,
        deduction_cap,
        deductions,
        deductions_provenance,
        deductions_note,
        bands,
        preamble: String::new(),
    }
}

fn publish(c: &mut Checker, raw: S<RawPublish>) -> Publish {
    let raw = raw.into_inner();
    let decimals = *raw.decimals.get_ref();
    if !(0..=6).contains(&decimals) {
        c.at(
            raw.decimals.span(),
            None,
            tr!("criteria-decimals-range", decimals = decimals),
        );
    }
    let ranking = match raw.ranking.get_ref().as_str() {
        "exact" => Ranking::Exact,
        "published" => Ranking::Published,
        other => {
            c.at(
                raw.ranking.span(),
                None,
                tr!("criteria-ranking-unknown", ranking = other),
            );
            Ranking::Exact
        }
    };
    Publish {
        decimals: decimals.clamp(0, 6) as u32,
        ranking,
        provenance: c.provenance(&raw.provenance, "publish"),
        note: raw.note,
    }
}

fn survey_scale(c: &mut Checker, raw: S<RawSurvey>) -> Vec<ScaleOption> {
    let span = raw.span();
    let raw = raw.into_inner();
    let mut seen = BTreeSet::new();
    let mut scale = Vec::new();
    for o in raw.scale {
        let span = o.span();
        let o = o.into_inner();
        let option = normalize_key(&o.option);
        let subject = tr!("criteria-subject-option", option = option);
        if option.is_empty() || option.eq_ignore_ascii_case("X") {
            c.at(
                span.clone(),
                Some(subject.clone()),
                tr!("criteria-option-empty"),
            );
        }
        if !seen.insert(option.clone()) {
            c.at(
                span.clone(),
                Some(subject.clone()),
                tr!("criteria-option-duplicate"),
            );
        }
        if o.weight.0 < Decimal::ZERO || o.weight.0 > Decimal::ONE_HUNDRED {
            c.at(
                span,
                Some(subject),
                tr!("criteria-weight-range", weight = o.weight.0),
            );
        }
        scale.push(ScaleOption {
            option,
            weight: o.weight.0,
            label: o.label,
        });
    }
    if scale.len() > 50 {
        c.at(
            span.clone(),
            None,
            tr!("criteria-scale-too-long", count = scale.len()),
        );
    }
    if scale.is_empty() {
        c.at(span, None, tr!("criteria-scale-empty"));
    } else if scale.iter().all(|o| o.weight.is_zero()) {
        c.at(span, None, tr!("criteria-scale-zero"));
    }
    scale
}

fn sipas(c: &mut Checker, raw: S<RawSipas>) -> Sipas {
    let span = raw.span();
    let raw = raw.into_inner();
    let provenance = c.provenance(&raw.provenance, "sipas");
    let (levels, scale) = sipas_scale(c, raw.scale, &span);
    let satisfied = satisfied(c, &raw.satisfied, &levels);
    let min_valid = *raw.min_valid.get_ref();
    if min_valid < 0 {
        c.at(
            raw.min_valid.span(),
            None,
            tr!("criteria-negative", key = "min_valid", value = min_valid),
        );
    }
    // codes of elements and ids of items are unique across the questionnaire
    let (mut codes, mut ids) = (BTreeSet::new(), BTreeSet::new());
    let elements: Vec<Element> = raw
        .elements
        .into_iter()
        .map(|e| element(c, e, &mut codes, &mut ids))
        .collect();
    if elements.is_empty() {
        c.at(span, None, tr!("criteria-sipas-no-element"));
    }
    Sipas {
        satisfied,
        min_valid: min_valid.max(0) as u64,
        scale,
        elements,
        provenance,
        note: raw.note,
    }
}

/// The satisfaction scale: levels from 0 to 100, each once, at least one and at most 50.
fn sipas_scale(
    c: &mut Checker,
    raw: Vec<S<RawSipasLevel>>,
    span: &Range<usize>,
) -> (BTreeSet<i64>, Vec<SipasLevel>) {
    let mut levels = BTreeSet::new();
    let mut scale = Vec::new();
    for l in raw {
        let lspan = l.span();
        let l = l.into_inner();
        if !(0..=100).contains(&l.level) {
            c.at(
                lspan.clone(),
                None,
                tr!("criteria-sipas-level-range", level = l.level),
            );
        }
        if !levels.insert(l.level) {
            c.at(
                lspan,
                None,
                tr!("criteria-sipas-level-twice", level = l.level),
            );
        }
        scale.push(SipasLevel {
            level: l.level.clamp(0, 100) as u32,
            label: l.label,
        });
    }
    if scale.is_empty() {
        c.at(span.clone(), None, tr!("criteria-sipas-scale-empty"));
    }
    if scale.len() > 50 {
        c.at(
            span.clone(),
            None,
            tr!("criteria-sipas-scale-too-long", count = scale.len()),
        );
    }
    (levels, scale)
}

/// The levels that count as satisfied: levels of the scale, at least one.
fn satisfied(c: &mut Checker, raw: &S<Vec<i64>>, levels: &BTreeSet<i64>) -> Vec<u32> {
    let mut satisfied = Vec::new();
    for &s in raw.get_ref() {
        if !levels.contains(&s) {
            c.at(
                raw.span(),
                None,
                tr!("criteria-satisfied-unknown", level = s),
            );
        }
        satisfied.push(s.clamp(0, 100) as u32);
    }
    if satisfied.is_empty() {
        c.at(raw.span(), None, tr!("criteria-satisfied-none"));
    }
    satisfied
}

/// An element of the questionnaire: a code given once, at least one item, each item's id a
/// usable column name given once in the whole questionnaire.
fn element(
    c: &mut Checker,
    raw: S<RawElement>,
    codes: &mut BTreeSet<String>,
    ids: &mut BTreeSet<String>,
) -> Element {
    let espan = raw.span();
    let e = raw.into_inner();
    let code = normalize_key(&e.code);
    let subject = tr!("criteria-subject-element", code = code);
    if code.is_empty() {
        c.at(
            espan.clone(),
            Some(subject.clone()),
            tr!("criteria-element-code-empty"),
        );
    }
    if !codes.insert(code.clone()) {
        c.at(
            espan.clone(),
            Some(subject.clone()),
            tr!("criteria-element-duplicate"),
        );
    }
    let provenance = c.provenance(&e.provenance, &subject);
    if e.items.is_empty() {
        c.at(espan, Some(subject), tr!("criteria-element-no-item"));
    }
    let mut items = Vec::new();
    for item in e.items {
        let ispan = item.span();
        let item = item.into_inner();
        let id = normalize_key(&item.id);
        if let Some(why) = bad_column_name(&id) {
            c.at(
                ispan.clone(),
                Some(tr!("criteria-subject-item", id = id)),
                why,
            );
        }
        if !ids.insert(id.clone()) {
            c.at(
                ispan,
                Some(tr!("criteria-subject-item", id = id)),
                tr!("criteria-item-duplicate"),
            );
        }
        items.push(Item {
            id,
            text: item.text,
        });
    }
    Element {
        code,
        name: e.name,
        items,
        provenance,
    }
}

/// "group so, node 1.2": what a problem of a node concerns.
fn node_subject(group: &str, code: &Code) -> String {
    tr!(
        "criteria-subject-node",
        group = group,
        code = code.to_string()
    )
}

/// Why a question or item id cannot be a column of a survey file, if it cannot.
fn bad_column_name(id: &str) -> Option<String> {
    if id.is_empty() {
        Some(tr!("criteria-id-empty"))
    } else if RESERVED_COLUMNS.contains(&id) {
        Some(tr!("criteria-id-reserved", id = id))
    } else if id
        .chars()
        .any(|ch| ch.is_whitespace() || ch == ',' || ch == ';' || ch == '"')
    {
        Some(tr!("criteria-id-characters"))
    } else {
        None
    }
}

/// Node codes to node indices, in a group.
type NodeIndex = std::collections::HashMap<String, usize, foldhash::fast::FixedState>;

/// A group of units: its id, its tree of nodes (codes, then the tree, then each node's
/// maximum, source and rule), its total and split, and its officials' survey.
fn group(
    c: &mut Checker,
    id: String,
    raw: S<RawGroup>,
    columns: &mut BTreeMap<String, String>,
) -> Group {
    let gspan = raw.span();
    let raw = raw.into_inner();
    let gsubject = tr!("criteria-subject-group", group = id);
    let provenance = c.provenance(&raw.provenance, &gsubject);
    if normalize_key(&id) != id || id.is_empty() || id.contains(',') {
        c.at(
            gspan.clone(),
            Some(gsubject.clone()),
            tr!("criteria-group-id"),
        );
    }
    // Codes first, so that the tree is known before anything else.
    let nodes = node_codes(c, &gsubject, raw.nodes);
    let (mut built, raw_nodes, index) = tree(c, &gsubject, nodes);
    for (i, raw) in raw_nodes.iter().enumerate() {
        node(c, &gsubject, &mut built, i, raw);
    }
    let total = raw.total.get_ref().0;
    total_of_fields(c, &gsubject, &raw.total, &built);
    let split = raw.split.map(|s| split(c, &gsubject, s, &built));
    let mut survey = group_survey(c, &id, gspan, raw.survey, &built, &index, columns);
    survey.by_leaf = vec![Vec::new(); built.len()];
    for (q, question) in survey.questions.iter().enumerate() {
        if let Some(&i) = index.get(&question.leaf.to_string()) {
            survey.by_leaf[i].push(q);
        }
    }
    Group {
        id,
        name: raw.name,
        total,
        split,
        provenance,
        note: raw.note,
        nodes: built,
        survey,
        index,
    }
}

/// The group's nodes with a well-formed code (at most three levels, each code once), in code
/// order.
fn node_codes(c: &mut Checker, gsubject: &str, raw: Vec<S<RawNode>>) -> Vec<(Code, S<RawNode>)> {
    let mut nodes: Vec<(Code, S<RawNode>)> = Vec::new();
    let mut seen: BTreeMap<Code, usize> = BTreeMap::new();
    for n in raw {
        let text = n.get_ref().code.get_ref().trim().to_string();
        let cspan = n.get_ref().code.span();
        match Code::parse(&text) {
            None => c.at(
                cspan,
                Some(tr!(
                    "criteria-subject-node",
                    group = gsubject,
                    code = format!("{text:?}")
                )),
                tr!("criteria-code-malformed"),
            ),
            Some(code) if code.depth() > 3 => c.at(
                cspan,
                Some(node_subject(gsubject, &code)),
                tr!("criteria-code-too-deep"),
            ),
            Some(code) => {
                if let Some(&first) = seen.get(&code) {
                    c.at(
                        cspan,
                        Some(node_subject(gsubject, &code)),
                        tr!("criteria-code-duplicate", line = first),
                    );
                } else {
                    seen.insert(code.clone(), c.line(&n.span()));
                    nodes.push((code, n));
                }
            }
        }
    }
    nodes.sort_by(|a, b| a.0.cmp(&b.0));
    nodes
}

/// The tree of the nodes (in code order): each node with its name, maximum, parent and
/// children (sources and rules come later, in [`node`]); a node whose parent is missing and a
/// node without a name are problems.
fn tree(
    c: &mut Checker,
    gsubject: &str,
    nodes: Vec<(Code, S<RawNode>)>,
) -> (Vec<Node>, Vec<RawNode>, NodeIndex) {
    let index: NodeIndex = nodes
        .iter()
        .enumerate()
        .map(|(i, (code, _))| (code.to_string(), i))
        .collect();
    let mut built: Vec<Node> = Vec::with_capacity(nodes.len());
    let mut raw_nodes = Vec::with_capacity(nodes.len());
    for (code, n) in nodes {
        let line = c.line(&n.span());
        let parent = code
            .parent()
            .and_then(|p| index.get(&p.to_string()).copied());
        if code.parent().is_some() && parent.is_none() {
            let p = code.parent().expect("has parent");
            c.at(
                n.get_ref().code.span(),
                Some(node_subject(gsubject, &code)),
                tr!("criteria-parent-missing", parent = p.to_string()),
            );
        }
        let raw = n.into_inner();
        if raw.name.get_ref().trim().is_empty() {
            c.at(
                raw.name.span(),
                Some(node_subject(gsubject, &code)),
                tr!("criteria-name-empty"),
            );
        }
        built.push(Node {
            code,
            name: raw.name.get_ref().trim().to_string(),
            max: raw.max.get_ref().0,
            source: None,
            rule: None,
            provenance: raw.provenance.get_ref().clone(),
            note: raw.note.clone(),
            parent,
            children: Vec::new(),
            line,
        });
        raw_nodes.push(raw);
    }
    for i in 0..built.len() {
        if let Some(p) = built[i].parent {
            built[p].children.push(i);
        }
    }
    (built, raw_nodes, index)
}

/// Node `i`: its provenance and a positive maximum; a leaf's source and rule ([`leaf`]); a
/// parent's maximum the sum of its children's, and no source or rule on it.
fn node(c: &mut Checker, gsubject: &str, built: &mut [Node], i: usize, raw: &RawNode) {
    let subject = node_subject(gsubject, &built[i].code);
    c.provenance(&raw.provenance, &subject);
    let max = built[i].max;
    if max <= Decimal::ZERO {
        c.at(
            raw.max.span(),
            Some(subject.clone()),
            tr!("criteria-max-not-positive", max = max),
        );
    }
    if built[i].is_leaf() {
        let (source, rule) = leaf(c, &subject, max, raw);
        built[i].source = source;
        built[i].rule = rule;
        return;
    }
    let sum: Decimal = built[i].children.iter().map(|&k| built[k].max).sum();
    if sum != max {
        let list = built[i]
            .children
            .iter()
            .map(|&k| format!("{} = {}", built[k].code, built[k].max.normalize()))
            .collect::<Vec<_>>()
            .join(", ");
        c.at(
            raw.max.span(),
            Some(subject.clone()),
            tr!(
                "criteria-max-not-sum",
                max = max.normalize(),
                sum = sum.normalize(),
                children = list
            ),
        );
    }
    for (key, present) in [
        ("source", raw.source.as_ref().map(|s| s.span())),
        ("rule", raw.rule.as_ref().map(|s| s.span())),
    ] {
        if let Some(span) = present {
            c.at(
                span,
                Some(subject.clone()),
                tr!("criteria-key-on-parent", key = key),
            );
        }
    }
}

/// The group's total: the sum of its fields' maxima.
fn total_of_fields(c: &mut Checker, gsubject: &str, total: &S<Dec>, built: &[Node]) {
    let fields_sum: Decimal = built
        .iter()
        .filter(|n| n.parent.is_none())
        .map(|n| n.max)
        .sum();
    if fields_sum != total.get_ref().0 {
        c.at(
            total.span(),
            Some(gsubject.into()),
            tr!(
                "criteria-total-not-sum",
                total = total.get_ref().0.normalize(),
                sum = fields_sum.normalize()
            ),
        );
    }
}

/// The group's split by source: each part the sum of the maxima of the leaves of its source.
fn split(c: &mut Checker, gsubject: &str, raw: S<RawSplit>, built: &[Node]) -> Split {
    let sspan = raw.span();
    let s = raw.into_inner();
    for (source, declared) in [
        (Source::Appraisal, s.appraisal.0),
        (Source::Survey, s.survey.0),
        (Source::Sipas, s.sipas.0),
    ] {
        let actual: Decimal = built
            .iter()
            .filter(|n| n.is_leaf() && n.source == Some(source))
            .map(|n| n.max)
            .sum();
        if actual != declared {
            c.at(
                sspan.clone(),
                Some(gsubject.into()),
                tr!(
                    "criteria-split-not-sum",
                    declared = declared.normalize(),
                    source = source.as_str(),
                    actual = actual.normalize()
                ),
            );
        }
    }
    Split {
        appraisal: s.appraisal.0,
        survey: s.survey.0,
        sipas: s.sipas.0,
    }
}

/// The keys that belong to a rule, each with where it is written, if it is.
fn rule_keys(raw: &RawNode) -> [(&'static str, Option<Range<usize>>); 4] {
    [
        ("allowed", raw.allowed.as_ref().map(|s| s.span())),
        ("levels", raw.levels.as_ref().map(|s| s.span())),
        ("on", raw.on.as_ref().map(|s| s.span())),
        ("bands", raw.bands.as_ref().map(|s| s.span())),
    ]
}

/// The source and rule of a leaf: only an appraisal leaf has a rule.
fn leaf(
    c: &mut Checker,
    subject: &str,
    max: Decimal,
    raw: &RawNode,
) -> (Option<Source>, Option<Rule>) {
    let Some(source) = leaf_source(c, subject, raw) else {
        return (None, None);
    };
    if source != Source::Appraisal {
        no_rule(c, subject, source, raw);
        return (Some(source), None);
    }
    (Some(source), rule(c, subject, max, raw))
}

/// The source a leaf names: appraisal, survey or sipas.
fn leaf_source(c: &mut Checker, subject: &str, raw: &RawNode) -> Option<Source> {
    let Some(source_text) = &raw.source else {
        c.at(
            raw.code.span(),
            Some(subject.into()),
            tr!("criteria-source-missing"),
        );
        return None;
    };
    match source_text.get_ref().as_str() {
        "appraisal" => Some(Source::Appraisal),
        "survey" => Some(Source::Survey),
        "sipas" => Some(Source::Sipas),
        other => {
            c.at(
                source_text.span(),
                Some(subject.into()),
                tr!("criteria-source-unknown", source = other),
            );
            None
        }
    }
}

/// A survey or satisfaction leaf has no rule, nor any of a rule's keys.
fn no_rule(c: &mut Checker, subject: &str, source: Source, raw: &RawNode) {
    if let Some(rule) = &raw.rule {
        c.at(
            rule.span(),
            Some(subject.into()),
            tr!("criteria-rule-not-appraisal", source = source.as_str()),
        );
    }
    for (key, span) in rule_keys(raw) {
        if let Some(span) = span {
            c.at(
                span,
                Some(subject.into()),
                tr!(
                    "criteria-rule-key-not-appraisal",
                    key = key,
                    source = source.as_str()
                ),
            );
        }
    }
}

/// The rule of an appraisal leaf, of a known kind, with the keys of its kind and no other.
fn rule(c: &mut Checker, subject: &str, max: Decimal, raw: &RawNode) -> Option<Rule> {
    let Some(kind) = &raw.rule else {
        c.at(
            raw.code.span(),
            Some(subject.into()),
            tr!("criteria-rule-missing"),
        );
        return None;
    };
    let wanted: &[&str] = match kind.get_ref().as_str() {
        "free" => &["allowed"],
        "levels" => &["levels"],
        "bands" => &["on", "bands"],
        "proportional" => &[],
        other => {
            c.at(
                kind.span(),
                Some(subject.into()),
                tr!("criteria-rule-unknown", rule = other),
            );
            return None;
        }
    };
    for (key, span) in rule_keys(raw) {
        if let Some(span) = span
            && !wanted.contains(&key)
        {
            c.at(
                span,
                Some(subject.into()),
                tr!(
                    "criteria-rule-key-foreign",
                    key = key,
                    rule = kind.get_ref()
                ),
            );
        }
    }
    let leaf = RuleLeaf { subject, max };
    Some(match kind.get_ref().as_str() {
        "free" => leaf.free(c, raw),
        "levels" => leaf.levels(c, kind.span(), raw),
        "bands" => leaf.bands(c, kind.span(), raw),
        _ => Rule::Proportional,
    })
}

/// The leaf whose rule is checked: the points it gives lie within 0 and its maximum.
struct RuleLeaf<'s> {
    subject: &'s str,
    max: Decimal,
}

impl RuleLeaf<'_> {
    fn check_points(&self, c: &mut Checker, points: Decimal, span: Range<usize>, what: String) {
        if points < Decimal::ZERO {
            c.at(
                span,
                Some(self.subject.into()),
                tr!("criteria-points-negative", what = what, points = points),
            );
        } else if points > self.max {
            c.at(
                span,
                Some(self.subject.into()),
                tr!(
                    "criteria-points-over-max",
                    what = what,
                    points = points.normalize(),
                    max = self.max.normalize()
                ),
            );
        }
    }

    /// `free`: any points, or one of the `allowed` values (each once, at least one).
    fn free(&self, c: &mut Checker, raw: &RawNode) -> Rule {
        let allowed = raw.allowed.as_ref().map(|list| {
            let mut values = Vec::new();
            for v in list.get_ref() {
                let value = v.get_ref().0;
                let what = tr!("criteria-what-allowed", value = value);
                self.check_points(c, value, v.span(), what);
                if values.contains(&value) {
                    c.at(
                        v.span(),
                        Some(self.subject.into()),
                        tr!("criteria-allowed-twice", value = value),
                    );
                }
                values.push(value);
            }
            if values.is_empty() {
                c.at(
                    list.span(),
                    Some(self.subject.into()),
                    tr!("criteria-allowed-empty"),
                );
            }
            values
        });
        Rule::Free { allowed }
    }

    /// `levels`: named levels (each name once, whatever its case and marks), each with its
    /// points.
    fn levels(&self, c: &mut Checker, kind: Range<usize>, raw: &RawNode) -> Rule {
        let mut levels = Vec::new();
        let Some(list) = &raw.levels else {
            c.at(
                kind,
                Some(self.subject.into()),
                tr!("criteria-levels-missing"),
            );
            return Rule::Levels { levels };
        };
        if list.get_ref().is_empty() {
            c.at(
                list.span(),
                Some(self.subject.into()),
                tr!("criteria-levels-empty"),
            );
        }
        let mut names = BTreeSet::new();
        for l in list.get_ref() {
            let name = l.get_ref().name.trim().to_string();
            if name.is_empty() {
                c.at(
                    l.span(),
                    Some(self.subject.into()),
                    tr!("criteria-level-name-empty"),
                );
            }
            if !names.insert(crate::text::fold(&name)) {
                c.at(
                    l.span(),
                    Some(self.subject.into()),
                    tr!("criteria-level-twice", name = name),
                );
            }
            let what = tr!("criteria-what-level", name = name);
            self.check_points(c, l.get_ref().points.0, l.span(), what);
            levels.push(Level {
                key: crate::text::fold(&name),
                name,
                points: l.get_ref().points.0,
            });
        }
        Rule::Levels { levels }
    }

    /// `bands`: a measure (`on`: percent or count) and bands of it, each with its points,
    /// covering every value once.
    fn bands(&self, c: &mut Checker, kind: Range<usize>, raw: &RawNode) -> Rule {
        let on = self.measure(c, kind.clone(), raw);
        let mut bands = Vec::new();
        let Some(list) = &raw.bands else {
            c.at(
                kind,
                Some(self.subject.into()),
                tr!("criteria-bands-missing"),
            );
            return Rule::Bands { on, bands };
        };
        let mut spans = Vec::new();
        for b in list.get_ref() {
            bands.push(self.band(c, on, b));
            spans.push(b.span());
        }
        let intervals: Vec<Interval> = bands.iter().map(|b| b.interval).collect();
        let end = (on == Measure::Percent).then_some(Decimal::ONE_HUNDRED);
        let whole = on == Measure::Count;
        cover(c, self.subject, &intervals, end, whole, &spans, list.span());
        Rule::Bands { on, bands }
    }

    /// What a rule's bands measure (a percentage when unsaid or unknown, with a problem).
    fn measure(&self, c: &mut Checker, kind: Range<usize>, raw: &RawNode) -> Measure {
        match raw.on.as_ref().map(|o| (o.get_ref().as_str(), o.span())) {
            Some(("percent", _)) => Measure::Percent,
            Some(("count", _)) => Measure::Count,
            Some((other, span)) => {
                c.at(
                    span,
                    Some(self.subject.into()),
                    tr!("criteria-on-unknown", on = other),
                );
                Measure::Percent
            }
            None => {
                c.at(kind, Some(self.subject.into()), tr!("criteria-on-missing"));
                Measure::Percent
            }
        }
    }

    /// A band of a rule: its interval and points, and none of an index band's keys.
    fn band(&self, c: &mut Checker, on: Measure, b: &S<RawBand>) -> RuleBand {
        let interval = interval(c, self.subject, b);
        let raw = b.get_ref();
        if raw.name.is_some() || raw.label.is_some() || raw.provenance.is_some() {
            c.at(
                b.span(),
                Some(self.subject.into()),
                tr!("criteria-rule-band-keys"),
            );
        }
        let points = match raw.points {
            Some(p) => p.0,
            None => {
                c.at(
                    b.span(),
                    Some(self.subject.into()),
                    tr!("criteria-band-no-points"),
                );
                Decimal::ZERO
            }
        };
        let band = interval.describe_in(crate::i18n::lang(), Some(on));
        let what = tr!("criteria-what-band", band = band);
        self.check_points(c, points, b.span(), what);
        RuleBand { interval, points }
    }
}

/// The interval of a band, from its bound keys.
fn interval(c: &mut Checker, subject: &str, b: &S<RawBand>) -> Interval {
    let raw = b.get_ref();
    let bound = |v: Option<Dec>, inclusive| {
        v.map(|d| Bound {
            value: d.0,
            inclusive,
        })
    };
    let mut lowers = [bound(raw.from, true), bound(raw.above, false)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let mut uppers = [bound(raw.to, true), bound(raw.below, false)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    if let Some(at) = raw.at {
        lowers.push(Bound {
            value: at.0,
            inclusive: true,
        });
        uppers.push(Bound {
            value: at.0,
            inclusive: true,
        });
    }
    if lowers.len() > 1 || uppers.len() > 1 {
        c.at(b.span(), Some(subject.into()), tr!("criteria-band-bounds"));
    }
    for bd in lowers.iter().chain(&uppers) {
        if bd.value < Decimal::ZERO {
            c.at(
                b.span(),
                Some(subject.into()),
                tr!("criteria-bound-negative", value = bd.value),
            );
        }
    }
    Interval {
        lower: lowers.first().copied(),
        upper: uppers.first().copied(),
    }
}

/// Bands covering `[0, end]` once, in order.
fn cover(
    c: &mut Checker,
    subject: &str,
    intervals: &[Interval],
    end: Option<Decimal>,
    whole: bool,
    spans: &[Range<usize>],
    list: Range<usize>,
) {
    if intervals.is_empty() {
        c.at(list, Some(subject.into()), tr!("criteria-bands-empty"));
        return;
    }
    for flaw in check_cover(intervals, Decimal::ZERO, end, whole) {
        match flaw {
            CoverFlaw::Reversed(i) => c.at(
                spans[i].clone(),
                Some(subject.into()),
                tr!("criteria-band-reversed"),
            ),
            CoverFlaw::OutOfOrder(i) => c.at(
                spans[i].clone(),
                Some(subject.into()),
                tr!("criteria-bands-out-of-order"),
            ),
            CoverFlaw::Overlap(i, j) => {
                let (first, second) = if spans[i].start <= spans[j].start {
                    (i, j)
                } else {
                    (j, i)
                };
                let line = c.line(&spans[second]);
                c.at(
                    spans[first].clone(),
                    Some(subject.into()),
                    tr!("criteria-bands-overlap", line = line),
                );
            }
            CoverFlaw::Gap(text) => c.at(
                list.clone(),
                Some(subject.into()),
                tr!("criteria-bands-gap", gap = text),
            ),
        }
    }
}

/// The officials' survey of a group: its respondent groups and weights, and its questions,
/// each on a survey leaf; every survey leaf asked at least once.
fn group_survey(
    c: &mut Checker,
    group_id: &str,
    gspan: Range<usize>,
    raw: Option<S<RawGroupSurvey>>,
    nodes: &[Node],
    index: &NodeIndex,
    columns: &mut BTreeMap<String, String>,
) -> GroupSurvey {
    let gsubject = &tr!("criteria-subject-group", group = group_id);
    let survey_leaves: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.is_leaf() && n.source == Some(Source::Survey))
        .collect();
    let Some(raw) = raw else {
        if let Some(leaf) = survey_leaves.first() {
            c.at(
                gspan,
                Some(node_subject(gsubject, &leaf.code)),
                tr!("criteria-survey-missing", group = group_id),
            );
        }
        return GroupSurvey {
            respondent_groups: Vec::new(),
            questions: Vec::new(),
            provenance: String::new(),
            note: None,
            by_leaf: Vec::new(),
        };
    };
    let sspan = raw.span();
    let raw = raw.into_inner();
    let provenance = c.provenance(
        &raw.provenance,
        &tr!("criteria-subject-group-survey", group = gsubject),
    );
    let rgs = respondent_groups(c, gsubject, raw.respondent_groups);
    if !survey_leaves.is_empty() {
        if rgs.is_empty() {
            c.at(
                sspan.clone(),
                Some(gsubject.into()),
                tr!("criteria-respondent-groups-none"),
            );
        } else if rgs.iter().all(|r| r.weight.is_zero()) {
            c.at(
                sspan.clone(),
                Some(gsubject.into()),
                tr!("criteria-respondent-groups-zero"),
            );
        }
    }
    let mut questions = Vec::new();
    let mut asked: BTreeSet<Code> = BTreeSet::new();
    for q in raw.questions {
        let (question, leaf) = question(c, gsubject, q, nodes, index, columns);
        if let Some(code) = leaf {
            asked.insert(code);
        }
        questions.push(question);
    }
    for leaf in survey_leaves {
        if !asked.contains(&leaf.code) {
            c.problems.push(
                Problem::new(c.file, leaf.line, 1, tr!("criteria-survey-leaf-unasked"))
                    .subject(node_subject(gsubject, &leaf.code))
                    .hint(tr!("criteria-survey-leaf-unasked-hint", group = group_id)),
            );
        }
    }
    GroupSurvey {
        respondent_groups: rgs,
        questions,
        provenance,
        note: raw.note,
        by_leaf: Vec::new(),
    }
}

/// The respondent groups of a survey: each id once, a weight not negative.
fn respondent_groups(
    c: &mut Checker,
    gsubject: &str,
    raw: Vec<S<RawRespondentGroup>>,
) -> Vec<RespondentGroup> {
    let mut rgs = Vec::new();
    let mut ids = BTreeSet::new();
    for r in raw {
        let rspan = r.span();
        let r = r.into_inner();
        let id = normalize_key(&r.id);
        let subject = tr!(
            "criteria-subject-respondent-group",
            group = gsubject,
            id = id
        );
        if id.is_empty() {
            c.at(
                rspan.clone(),
                Some(subject.clone()),
                tr!("criteria-id-empty"),
            );
        }
        if !ids.insert(id.clone()) {
            c.at(
                rspan.clone(),
                Some(subject.clone()),
                tr!("criteria-respondent-group-duplicate"),
            );
        }
        c.not_negative(r.weight.0, rspan, &subject, "weight");
        rgs.push(RespondentGroup {
            id,
            name: r.name,
            weight: r.weight.0,
        });
    }
    rgs
}

/// A question of the survey, its id a column name that nothing else uses; and its leaf when
/// that is a survey leaf of the group (the question then counts for it).
fn question(
    c: &mut Checker,
    gsubject: &str,
    raw: S<RawQuestion>,
    nodes: &[Node],
    index: &NodeIndex,
    columns: &mut BTreeMap<String, String>,
) -> (Question, Option<Code>) {
    let qspan = raw.span();
    let q = raw.into_inner();
    let id = normalize_key(&q.id);
    let subject = tr!("criteria-subject-question", group = gsubject, id = id);
    if let Some(why) = bad_column_name(&id) {
        c.at(qspan.clone(), Some(subject.clone()), why);
    }
    if let Some(other) = columns.insert(
        id.clone(),
        tr!("criteria-column-question", group = gsubject),
    ) {
        c.at(
            qspan.clone(),
            Some(subject.clone()),
            tr!("criteria-id-used", other = other),
        );
    }
    let leaf = match survey_leaf(q.leaf.trim(), gsubject, nodes, index) {
        Ok(code) => Some(code),
        Err(why) => {
            c.at(qspan, Some(subject), why);
            None
        }
    };
    let question = Question {
        id,
        leaf: leaf.clone().unwrap_or_else(|| Code(vec![0])),
        text: q.text,
    };
    (question, leaf)
}

/// The survey leaf a question names, or why it is none.
fn survey_leaf(
    leaf: &str,
    gsubject: &str,
    nodes: &[Node],
    index: &NodeIndex,
) -> Result<Code, String> {
    match index.get(leaf).map(|&i| &nodes[i]) {
        None => Err(tr!(
            "criteria-question-leaf-unknown",
            leaf = leaf,
            group = gsubject
        )),
        Some(n) if !n.is_leaf() => Err(tr!("criteria-question-leaf-parent", leaf = leaf)),
        Some(n) if n.source != Some(Source::Survey) => Err(tr!(
            "criteria-question-leaf-source",
            leaf = leaf,
            source = n.source.map_or("-", |s| s.as_str())
        )),
        Some(n) => Ok(n.code.clone()),
    }
}

fn deductions(c: &mut Checker, raw: S<RawDeductions>) -> (Decimal, Vec<DeductionKind>) {
    let raw = raw.into_inner();
    let cap = raw.cap.get_ref().0;
    c.not_negative(cap, raw.cap.span(), "deductions", "cap");
    let mut codes = BTreeSet::new();
    let mut kinds = Vec::new();
    for k in raw.kinds {
        let kspan = k.span();
        let k = k.into_inner();
        let code = normalize_key(&k.code);
        let subject = tr!("criteria-subject-deduction", code = code);
        if code.is_empty() {
            c.at(
                kspan.clone(),
                Some(subject.clone()),
                tr!("criteria-code-empty"),
            );
        }
        if !codes.insert(code.clone()) {
            c.at(
                kspan,
                Some(subject.clone()),
                tr!("criteria-deduction-duplicate"),
            );
        }
        c.not_negative(k.points.get_ref().0, k.points.span(), &subject, "points");
        c.not_negative(k.cap.get_ref().0, k.cap.span(), &subject, "cap");
        let provenance = c.provenance(&k.provenance, &subject);
        kinds.push(DeductionKind {
            code,
            name: k.name,
            points: k.points.get_ref().0,
            cap: k.cap.get_ref().0,
            provenance,
            note: k.note,
        });
    }
    (cap, kinds)
}

fn index_bands(c: &mut Checker, raw: Vec<S<RawBand>>) -> Vec<Band> {
    let mut bands = Vec::new();
    let mut spans = Vec::new();
    let mut names = BTreeSet::new();
    for b in &raw {
        let name = b.get_ref().name.clone().unwrap_or_default();
        let subject = tr!("criteria-subject-band", name = name);
        if name.trim().is_empty() {
            c.at(
                b.span(),
                Some(subject.clone()),
                tr!("criteria-band-name-missing"),
            );
        }
        if !names.insert(name.clone()) {
            c.at(
                b.span(),
                Some(subject.clone()),
                tr!("criteria-band-name-duplicate"),
            );
        }
        if b.get_ref().points.is_some() {
            c.at(b.span(), Some(subject.clone()), tr!("criteria-band-points"));
        }
        let provenance = match &b.get_ref().provenance {
            Some(p) => c.provenance(p, &subject),
            None => {
                c.at(
                    b.span(),
                    Some(subject.clone()),
                    tr!("criteria-provenance-missing"),
                );
                String::new()
            }
        };
        let interval = interval(c, &subject, b);
        spans.push(b.span());
        bands.push(Band {
            name,
            label: b.get_ref().label.clone(),
            interval,
            provenance,
        });
    }
    let intervals: Vec<Interval> = bands.iter().map(|b| b.interval).collect();
    let list = raw.first().map_or(0..0, |b| b.span());
    cover(
        c,
        "bands",
        &intervals,
        Some(Decimal::ONE_HUNDRED),
        false,
        &spans,
        list,
    );
    bands
}
