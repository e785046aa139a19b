//! `par-survey.csv`: the officials' sociological survey. `respondent,respondent_group,unit,`
//! then one column per question of either group; one row per respondent and rated unit.
//! Read as a stream into counts per unit, respondent group, question and answer option.

use std::collections::HashMap;

use super::table::fast::{Walk, lead, walk};
use super::table::{Column, Row, Spec, Table, cell, is_comment_column};
use super::{Problems, ROW_NUMBER, Unit, UnitIndex, UnknownUnits};
use crate::criteria::Criteria;
use crate::text::normalize_key;
use crate::tr;

/// Answer byte for "no answer" (empty or `X`); option `k` of the scale is stored as `k + 1`.
pub const NO_ANSWER: u8 = 0;

#[derive(Debug, Clone)]
pub struct ParSurvey {
    /// Answer counts, flattened as `[unit][respondent group][question][option]` over the
    /// respondent groups and questions of the unit's group, `stride` counts a unit (the largest
    /// group's): the rows name units in any order, and a unit's counts are found without
    /// looking up where they were allocated.
    counts: Vec<u32>,
    stride: usize,
    /// Per unit and respondent group: each respondent's answers, one byte per question of the
    /// group, when kept for resampling.
    pub answers: Option<Vec<Vec<Vec<u8>>>>,
    options: usize,
    /// Per unit: its group.
    group_of: Vec<u32>,
    /// Per group: its questions.
    questions: Vec<usize>,
}

impl ParSurvey {
    pub fn empty(criteria: &Criteria, units: &[Unit], keep_answers: bool) -> ParSurvey {
        let options = criteria.survey_scale.len();
        let questions: Vec<usize> = criteria
            .groups
            .iter()
            .map(|g| g.survey.questions.len())
            .collect();
        let stride = criteria
            .groups
            .iter()
            .map(|g| g.survey.respondent_groups.len() * g.survey.questions.len() * options)
            .max()
            .unwrap_or(0);
        ParSurvey {
            counts: vec![0; units.len() * stride],
            stride,
            answers: keep_answers.then(|| {
                units
                    .iter()
                    .map(|u| {
                        let groups = criteria.groups[u.group].survey.respondent_groups.len();
                        vec![Vec::new(); groups]
                    })
                    .collect()
            }),
            options,
            group_of: units.iter().map(|u| u.group as u32).collect(),
            questions,
        }
    }

    fn at(&self, unit: usize, rg: usize, q: usize, option: usize) -> usize {
        let nq = self.questions[self.group_of[unit] as usize];
        unit * self.stride + (rg * nq + q) * self.options + option
    }

    /// How many respondents of group `rg` gave option `option` to question `q` about `unit`.
    pub fn count(&self, unit: usize, rg: usize, q: usize, option: usize) -> u32 {
        self.counts[self.at(unit, rg, q, option)]
    }

    fn add(&mut self, unit: usize, rg: usize, q: usize, option: usize) {
        let at = self.at(unit, rg, q, option);
        self.counts[at] += 1;
    }
}

/// What a column of the file holds.
#[derive(Clone, Copy)]
enum Col {
    Base,
    Ignored,
    Question { group: usize, q: usize },
}

const COLUMNS: [Column; 3] = [
    Column {
        key: "respondent",
        names: &["người trả lời", "mã người trả lời", "mã phiếu", "phiếu"],
    },
    Column {
        key: "respondent_group",
        names: &["nhóm người trả lời", "nhóm đối tượng", "đối tượng"],
    },
    Column {
        key: "unit",
        names: &["mã đơn vị", "đơn vị"],
    },
];

/// The officials' survey: its first columns (then one per question), and the names its sheet
/// may have in a workbook.
pub const SPEC: Spec = Spec {
    role: super::PAR_SURVEY,
    sheet_names: &["điều tra xã hội học", "điều tra", "khảo sát cán bộ"],
    required: &COLUMNS,
    optional: &[],
    ignored: &ROW_NUMBER,
};

pub fn read(
    mut table: Table,
    criteria: &Criteria,
    units: &[Unit],
    index: &UnitIndex,
    keep_answers: bool,
    problems: &mut Problems,
) -> ParSurvey {
    let mut survey = ParSurvey::empty(criteria, units, keep_answers);
    let [c_resp, c_rg, c_unit] = [0, 1, 2].map(|k| table.column(k).unwrap_or_default());
    let header = table.header_line();
    // Map every column to a question.
    let mut questions: HashMap<String, (usize, usize)> = HashMap::new();
    for (g, group) in criteria.groups.iter().enumerate() {
        for (q, question) in group.survey.questions.iter().enumerate() {
            questions.insert(question.id.to_ascii_lowercase(), (g, q));
        }
    }
    let mut kinds = Vec::with_capacity(table.headers.len());
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        let kind = if [c_resp, c_rg, c_unit].contains(&i) {
            Col::Base
        } else if is_comment_column(h) || SPEC.known(h) {
            Col::Ignored
        } else if let Some(&(group, q)) = questions.get(&h.to_ascii_lowercase()) {
            if let Some(first) = seen.insert((group, q), i) {
                problems.push(table.problem(
                    header,
                    i + 1,
                    tr!(
                        "inputs-question-twice",
                        question = h,
                        first = first + 1,
                        second = i + 1
                    ),
                ));
            }
            Col::Question { group, q }
        } else {
            problems.push(
                table
                    .problem(header, i + 1, tr!("inputs-unknown-question", question = h))
                    .hint(tr!("inputs-unknown-question-hint")),
            );
            Col::Ignored
        };
        kinds.push(kind);
    }
    for (g, group) in criteria.groups.iter().enumerate() {
        for (q, question) in group.survey.questions.iter().enumerate() {
            if !seen.contains_key(&(g, q)) {
                problems.push(
                    table
                        .problem(
                            header,
                            0,
                            tr!("inputs-missing-question", question = question.id.as_str()),
                        )
                        .hint(tr!(
                            "inputs-missing-question-hint",
                            question = question.id.as_str(),
                            group = group.id.as_str(),
                            text = question.text.as_str()
                        )),
                );
            }
        }
    }
    let scale_text = criteria
        .survey_scale
        .iter()
        .map(|o| o.option.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let scale = super::Scale::new(
        criteria
            .survey_scale
            .iter()
            .map(|o| o.option.clone())
            .collect(),
    );
    let mut seen = super::Seen::default();
    let mut record = Row::new();
    let mut unit_of = index.cached();
    // Lines walked whole (see `super::walk`): answers by group and question, one flat array.
    let starts: Vec<usize> = criteria
        .groups
        .iter()
        .scan(0, |next, g| {
            let start = *next;
            *next += g.survey.questions.len();
            Some(start)
        })
        .collect();
    let plan: Vec<Walk> = kinds
        .iter()
        .enumerate()
        .map(|(col, kind)| match kind {
            _ if col == c_resp => Walk::Lead(0),
            _ if col == c_rg => Walk::Lead(1),
            _ if col == c_unit => Walk::Lead(2),
            Col::Question { group, q } => Walk::Answer(starts[*group] + q),
            _ => Walk::Other,
        })
        .collect();
    let delimiter = table.delimiter();
    let mut unknown = UnknownUnits::default();
    let total: usize = criteria
        .groups
        .iter()
        .map(|g| g.survey.questions.len())
        .sum();
    let mut walked_answers = vec![NO_ANSWER; total];
    let mut split_answers: Vec<u8> = Vec::new();
    while let Some((line, split)) = table.next_unsplit(&mut record, problems) {
        // Almost every line is walked whole, its answers decided on their one byte; any other
        // is split into cells and read cell by cell below.
        walked_answers.fill(NO_ANSWER);
        let mut walked = match split {
            true => None,
            false => walk::<3>(
                record.text(),
                delimiter,
                &plan,
                scale.quick_table(),
                &mut walked_answers,
            ),
        };
        if walked.is_none() && !split && !table.split(&mut record, line, problems) {
            continue;
        }
        let respondent = lead(&record, &walked, 0, c_resp);
        let rg_text = lead(&record, &walked, 1, c_rg);
        let unit_text = lead(&record, &walked, 2, c_unit);
        let Some(u) = unit_of.get(unit_text) else {
            unknown.add(unit_text, line, c_unit);
            continue;
        };
        let at = |col: usize, message: String| table.at(line, col, message);
        let unit_group = survey.group_of[u] as usize;
        let group = &criteria.groups[unit_group];
        let unit = &units[u]; // (only for messages)
        let subject = || tr!("common-subject-unit", unit = unit.code.as_str());
        if respondent.is_empty() {
            problems.push(at(c_resp, tr!("inputs-respondent-id-empty")).subject(subject()));
            problems.mark(u, None);
            continue;
        }
        let Some(rg) = group.survey.respondent_groups.iter().position(|r| {
            r.id.eq_ignore_ascii_case(rg_text)
                || (!rg_text.is_ascii() && r.id == normalize_key(rg_text))
        }) else {
            problems.push(
                at(
                    c_rg,
                    tr!(
                        "inputs-respondent-group-does-not-rate",
                        respondent_group = rg_text,
                        group = group.id.as_str()
                    ),
                )
                .subject(subject())
                .hint(tr!(
                    "inputs-respondent-group-does-not-rate-hint",
                    group = group.id.as_str(),
                    groups = group
                        .survey
                        .respondent_groups
                        .iter()
                        .map(|r| r.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            problems.mark(u, None);
            continue;
        };
        seen.add(respondent, u, line);
        let questions = group.survey.questions.len();
        let mine = starts[unit_group]..starts[unit_group] + questions;
        // an answer to another group's question is reported by the full reading
        if walked.is_some()
            && walked_answers
                .iter()
                .enumerate()
                .any(|(i, &a)| a != NO_ANSWER && !mine.contains(&i))
        {
            walked = None;
            table.split(&mut record, line, problems);
        }
        let answers: &[u8] = match walked {
            Some(_) => &walked_answers[mine],
            None => {
                let answers = &mut split_answers;
                answers.clear();
                answers.resize(questions, NO_ANSWER);
                let mut bad = false;
                // One pass over the row's cells; almost every answer is decided on its one byte.
                for (col, bytes) in record.bytes().enumerate() {
                    let Some(&Col::Question { group: qg, q }) = kinds.get(col) else {
                        continue;
                    };
                    let mut answer = scale.quick(bytes);
                    if answer == NO_ANSWER {
                        continue;
                    }
                    if answer == super::Scale::SLOW {
                        answer = match scale.read(cell(&record, col)) {
                            super::Answer::None => continue,
                            super::Answer::Given(a) => a,
                            super::Answer::OffScale => super::Scale::SLOW,
                        };
                    }
                    if qg != unit_group {
                        problems.push(
                            table
                                .at(
                                    line,
                                    col,
                                    tr!(
                                        "inputs-answer-other-group",
                                        group = criteria.groups[qg].id.as_str()
                                    ),
                                )
                                .subject(tr!(
                                    "inputs-subject-unit-group",
                                    unit = unit.code.as_str(),
                                    group = group.id.as_str()
                                ))
                                .hint(tr!("inputs-answer-other-group-hint")),
                        );
                        bad = true;
                        continue;
                    }
                    if answer == super::Scale::SLOW {
                        let text = cell(&record, col);
                        problems.push(
                            table
                                .at(
                                    line,
                                    col,
                                    tr!(
                                        "inputs-off-scale",
                                        answer = text,
                                        scale = scale_text.as_str()
                                    ),
                                )
                                .subject(tr!(
                                    "inputs-subject-question",
                                    unit = unit.code.as_str(),
                                    question = group.survey.questions[q].id.as_str()
                                )),
                        );
                        bad = true;
                        continue;
                    }
                    answers[q] = answer;
                }
                if bad {
                    problems.mark(u, None);
                    continue;
                }
                &split_answers
            }
        };
        for (q, &a) in answers.iter().enumerate() {
            if a != NO_ANSWER {
                survey.add(u, rg, q, (a - 1) as usize);
            }
        }
        if let Some(kept) = &mut survey.answers {
            kept[u][rg].extend_from_slice(answers);
        }
    }
    for (u, first, line) in seen.repeats() {
        problems.push(
            table
                .at(
                    u64::from(line),
                    c_resp,
                    tr!(
                        "inputs-respondent-twice",
                        unit = units[u].code.as_str(),
                        first = first
                    ),
                )
                .hint(tr!("inputs-respondent-twice-hint")),
        );
    }
    unknown.report(&table, index, units, problems);
    survey
}
