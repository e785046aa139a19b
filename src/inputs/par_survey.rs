//! `par-survey.csv`: the officials' sociological survey. `respondent,respondent_group,unit,`
//! then one column per question of either group; one row per respondent and rated unit.
//! Read as a stream into counts per unit, respondent group, question and answer option.

use std::collections::HashMap;

use super::table::{Row, Sheet};
use super::{Columns, Problems, Unit, UnitIndex, Walk};
use crate::criteria::Criteria;
use crate::error::Problem;
use crate::text::normalize_key;

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

pub fn read(
    mut sheet: Sheet,
    criteria: &Criteria,
    units: &[Unit],
    index: &UnitIndex,
    keep_answers: bool,
    problems: &mut Problems,
) -> ParSurvey {
    let mut survey = ParSurvey::empty(criteria, units, keep_answers);
    let Some(cols) = Columns::find(
        &sheet,
        &["respondent", "respondent_group", "unit"],
        &[],
        problems,
    ) else {
        return survey;
    };
    let (c_resp, c_rg, c_unit) = (
        cols.at(0).expect("required"),
        cols.at(1).expect("required"),
        cols.at(2).expect("required"),
    );
    // Map every column to a question.
    let mut questions: HashMap<String, (usize, usize)> = HashMap::new();
    for (g, group) in criteria.groups.iter().enumerate() {
        for (q, question) in group.survey.questions.iter().enumerate() {
            questions.insert(question.id.to_ascii_lowercase(), (g, q));
        }
    }
    let mut kinds = Vec::with_capacity(sheet.headers.len());
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, h) in sheet.headers.iter().enumerate() {
        let kind = if [c_resp, c_rg, c_unit].contains(&i) {
            Col::Base
        } else if super::is_comment_column(h) {
            Col::Ignored
        } else if let Some(&(group, q)) = questions.get(&h.to_ascii_lowercase()) {
            if let Some(first) = seen.insert((group, q), i) {
                problems.push(Problem::new(
                    &sheet.name,
                    sheet.header_line() as usize,
                    i + 1,
                    format!("question {h} has two columns ({} and {})", first + 1, i + 1),
                ));
            }
            Col::Question { group, q }
        } else {
            problems.push(
                Problem::new(&sheet.name, sheet.header_line() as usize, i + 1, format!("unknown question {h:?}"))
                    .hint("question columns are the ids of `par-index criteria` (e.g. S01, H01); comment columns start with #"),
            );
            Col::Ignored
        };
        kinds.push(kind);
    }
    for (g, group) in criteria.groups.iter().enumerate() {
        for (q, question) in group.survey.questions.iter().enumerate() {
            if !seen.contains_key(&(g, q)) {
                problems.push(
                    Problem::new(
                        &sheet.name,
                        sheet.header_line() as usize,
                        0,
                        format!("missing column {}", question.id),
                    )
                    .hint(format!(
                        "question {} of group {} ({})",
                        question.id, group.id, question.text
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
    let delimiter = sheet.delimiter();
    let total: usize = criteria
        .groups
        .iter()
        .map(|g| g.survey.questions.len())
        .sum();
    let mut walked_answers = vec![NO_ANSWER; total];
    let mut split_answers: Vec<u8> = Vec::new();
    while let Some((line, split)) = sheet.next_unsplit(&mut record, problems) {
        let at = |col: usize, message: String| {
            Problem::new(&sheet.name, line as usize, col + 1, message)
                .column_name(sheet.headers[col].clone())
        };
        // Almost every line is walked whole, its answers decided on their one byte; any other
        // is split into cells and read cell by cell below.
        walked_answers.fill(NO_ANSWER);
        let mut walked = match split {
            true => None,
            false => super::walk::<3>(record.text(), delimiter, &plan, &scale, &mut walked_answers),
        };
        if walked.is_none() && !split && !sheet.split(&mut record, line, problems) {
            continue;
        }
        let respondent = super::lead(&record, &walked, 0, c_resp);
        let rg_text = super::lead(&record, &walked, 1, c_rg);
        let unit_text = super::lead(&record, &walked, 2, c_unit);
        let Some(u) = unit_of.get(unit_text) else {
            if index.report_unknown(unit_text, &sheet.name) {
                problems.push(
                    at(c_unit, format!("unknown unit {unit_text:?}")).hint(
                        super::self_assessment::near_units(unit_text, units)
                            .unwrap_or("list the unit in units.csv".into()),
                    ),
                );
            }
            continue;
        };
        let unit_group = survey.group_of[u] as usize;
        let group = &criteria.groups[unit_group];
        let unit = &units[u]; // (only for messages)
        if respondent.is_empty() {
            problems.push(
                at(c_resp, "the respondent id is empty".into())
                    .subject(format!("unit {}", unit.code)),
            );
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
                    format!(
                        "respondent group {rg_text:?} does not rate {} units",
                        group.id
                    ),
                )
                .subject(format!("unit {}", unit.code))
                .hint(format!(
                    "the groups that rate {} units are: {}",
                    group.id,
                    group
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
            sheet.split(&mut record, line, problems);
        }
        let answers: &[u8] = match walked {
            Some(_) => &walked_answers[mine],
            None => {
                let answers = &mut split_answers;
                answers.clear();
                answers.resize(questions, NO_ANSWER);
                let mut bad = false;
                // One pass over the row's cells; almost every answer is decided on its one byte.
                for (col, cell) in record.bytes().enumerate() {
                    let Some(&Col::Question { group: qg, q }) = kinds.get(col) else {
                        continue;
                    };
                    let mut answer = scale.quick(cell);
                    if answer == NO_ANSWER {
                        continue;
                    }
                    if answer == super::Scale::SLOW {
                        answer = match scale.read(Sheet::cell(&record, col)) {
                            super::Answer::None => continue,
                            super::Answer::Given(a) => a,
                            super::Answer::OffScale => super::Scale::SLOW,
                        };
                    }
                    if qg != unit_group {
                        problems.push(
                            at(
                                col,
                                format!(
                                    "an answer to a question about {} units",
                                    criteria.groups[qg].id
                                ),
                            )
                            .subject(format!("unit {} ({})", unit.code, group.id))
                            .hint("leave the other group's questions empty"),
                        );
                        bad = true;
                        continue;
                    }
                    if answer == super::Scale::SLOW {
                        let text = Sheet::cell(&record, col);
                        problems.push(
                            at(col, format!("answer {text:?} is off the scale ({scale_text}; empty or X for no answer)"))
                                .subject(format!("unit {}, question {}", unit.code, group.survey.questions[q].id)),
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
            Problem::new(
                &sheet.name,
                line as usize,
                c_resp + 1,
                format!(
                    "the respondent rates unit {} twice (first at line {first})",
                    units[u].code
                ),
            )
            .column_name(sheet.headers[c_resp].clone())
            .hint("one row per respondent and rated unit"),
        );
    }
    survey
}
