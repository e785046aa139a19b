//! `sipas-survey.csv`: the satisfaction survey. `respondent,unit,` then one column per item of
//! the questionnaire; one row per questionnaire. Read as a stream into counts per unit, item
//! and level of the scale.

use super::table::fast::{Walk, lead, walk};
use super::table::{Column, Row, Spec, Table, cell, is_comment_column};
use super::{Problems, ROW_NUMBER, Unit, UnitIndex, UnknownUnits};
use crate::criteria::Criteria;
use crate::tr;

/// Answer byte for "no answer"; level `k` of the scale (by position) is stored as `k + 1`.
pub const NO_ANSWER: u8 = 0;

#[derive(Debug, Clone)]
pub struct SipasSurvey {
    /// Answer counts, flattened as `[unit][item][level]` (items in questionnaire order, levels
    /// in scale order): one array, not one per unit.
    counts: Vec<u32>,
    /// Per unit: questionnaires with at least one valid answer.
    pub valid: Vec<u32>,
    /// Per unit: questionnaires with no valid answer (not counted).
    pub invalid: Vec<u32>,
    /// Per unit: each valid questionnaire's answers, one byte per item, when kept for resampling.
    pub answers: Option<Vec<Vec<u8>>>,
    /// The results per unit, when the survey was delivered as results (`sipas-results.csv`)
    /// instead of questionnaires: `valid` then holds the delivered counts, and there are no
    /// answers.
    pub delivered: Option<super::Delivered>,
    items: usize,
    levels: usize,
}

impl SipasSurvey {
    pub fn empty(criteria: &Criteria, units: usize, keep_answers: bool) -> SipasSurvey {
        let items = criteria.sipas.items().count();
        let levels = criteria.sipas.scale.len();
        SipasSurvey {
            counts: vec![0; units * items * levels],
            valid: vec![0; units],
            invalid: vec![0; units],
            answers: keep_answers.then(|| vec![Vec::new(); units]),
            delivered: None,
            items,
            levels,
        }
    }

    /// How many questionnaires about `unit` answered `item` (questionnaire order) at `level`
    /// (scale order).
    pub fn count(&self, unit: usize, item: usize, level: usize) -> u32 {
        self.counts[(unit * self.items + item) * self.levels + level]
    }
}

const COLUMNS: [Column; 2] = [
    Column {
        key: "respondent",
        names: &["mã phiếu", "số phiếu", "phiếu"],
    },
    Column {
        key: "unit",
        names: &["mã đơn vị", "đơn vị"],
    },
];

/// The satisfaction survey: its first columns (then one per item), and the names its sheet may
/// have in a workbook.
pub const SPEC: Spec = Spec {
    role: super::SIPAS_SURVEY,
    sheet_names: &["phiếu khảo sát", "khảo sát hài lòng", "hài lòng"],
    required: &COLUMNS,
    optional: &[],
    ignored: &ROW_NUMBER,
};

pub fn read(
    mut table: Table,
    criteria: &Criteria,
    index: &UnitIndex,
    units: &[Unit],
    keep_answers: bool,
    problems: &mut Problems,
) -> SipasSurvey {
    let mut survey = SipasSurvey::empty(criteria, units.len(), keep_answers);
    let (c_resp, c_unit) = (
        table.column(0).unwrap_or_default(),
        table.column(1).unwrap_or_default(),
    );
    let items: Vec<&str> = criteria.sipas.items().map(|i| i.id.as_str()).collect();
    let mut item_col: Vec<Option<usize>> = vec![None; items.len()];
    let header = table.header_line();
    for (i, h) in table.headers.iter().enumerate() {
        if i == c_resp || i == c_unit || is_comment_column(h) || SPEC.known(h) {
            continue;
        }
        match items.iter().position(|id| id.eq_ignore_ascii_case(h)) {
            Some(k) if item_col[k].is_some() => {
                problems.push(table.problem(header, i + 1, tr!("inputs-item-twice", item = h)))
            }
            Some(k) => item_col[k] = Some(i),
            None => problems.push(
                table
                    .problem(header, i + 1, tr!("inputs-unknown-item", item = h))
                    .hint(tr!("inputs-unknown-item-hint", items = items.join(", "))),
            ),
        }
    }
    let missing: Vec<&str> = items
        .iter()
        .zip(&item_col)
        .filter(|(_, c)| c.is_none())
        .map(|(id, _)| *id)
        .collect();
    if !missing.is_empty() {
        problems.push(
            table
                .problem(
                    header,
                    0,
                    tr!("inputs-missing-items", items = missing.join(", ")),
                )
                .hint(tr!("inputs-missing-items-hint")),
        );
        return survey;
    }
    let levels: Vec<String> = criteria
        .sipas
        .scale
        .iter()
        .map(|l| l.level.to_string())
        .collect();
    let scale_text = levels.join(", ");
    let scale = super::Scale::new(levels.clone());
    // Per column of the file: the item it answers, or NOT_AN_ITEM.
    const NOT_AN_ITEM: usize = usize::MAX;
    let mut item_of_col = vec![NOT_AN_ITEM; table.headers.len()];
    for (k, col) in item_col.iter().enumerate() {
        item_of_col[col.expect("checked")] = k;
    }
    let mut seen = super::Seen::default();
    let mut record = Row::new();
    let mut answers = vec![NO_ANSWER; items.len()];
    let mut unit_of = index.cached();
    let levels_n = survey.levels;
    // What each column holds, for lines walked whole (see `walk`).
    let plan: Vec<Walk> = (0..table.headers.len())
        .map(|col| match item_of_col[col] {
            _ if col == c_resp => Walk::Lead(0),
            _ if col == c_unit => Walk::Lead(1),
            NOT_AN_ITEM => Walk::Other,
            k => Walk::Answer(k),
        })
        .collect();
    let delimiter = table.delimiter();
    let mut unknown = UnknownUnits::default();
    while let Some((line, split)) = table.next_unsplit(&mut record, problems) {
        // Almost every line is walked whole, its answers decided on their one byte; any other
        // is split into cells and read cell by cell below.
        answers.fill(NO_ANSWER);
        let walked = match split {
            true => None,
            false => walk::<2>(
                record.text(),
                delimiter,
                &plan,
                scale.quick_table(),
                &mut answers,
            ),
        };
        if walked.is_none() && !split && !table.split(&mut record, line, problems) {
            continue;
        }
        let respondent = lead(&record, &walked, 0, c_resp);
        let unit_text = lead(&record, &walked, 1, c_unit);
        let Some(u) = unit_of.get(unit_text) else {
            unknown.add(unit_text, line, c_unit);
            continue;
        };
        if respondent.is_empty() {
            problems.push(table.at(line, c_resp, tr!("inputs-questionnaire-id-empty")));
            continue;
        }
        seen.add(respondent, u, line);
        let mut bad = false;
        if walked.is_none() {
            // (whatever a walk that gave up wrote is read again)
            answers.fill(NO_ANSWER);
            for (col, bytes) in record.bytes().enumerate() {
                let Some(&k) = item_of_col.get(col) else {
                    break;
                };
                if k == NOT_AN_ITEM {
                    continue;
                }
                let mut answer = scale.quick(bytes);
                if answer == super::Scale::SLOW {
                    let text = cell(&record, col);
                    answer = match scale.read(text) {
                        super::Answer::None => NO_ANSWER,
                        super::Answer::Given(a) => a,
                        super::Answer::OffScale => {
                            // "4.0" or "4,0" from a spreadsheet is level 4
                            let level = crate::decimal::parse(text).and_then(|d| {
                                levels.iter().position(|l| {
                                    l.parse::<rust_decimal::Decimal>().ok() == Some(d)
                                })
                            });
                            match level {
                                Some(l) => l as u8 + 1,
                                None => {
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
                                            .subject(tr!("inputs-subject-item", item = items[k])),
                                    );
                                    bad = true;
                                    NO_ANSWER
                                }
                            }
                        }
                    };
                }
                answers[k] = answer;
            }
        }
        if bad {
            problems.mark(u, None);
            continue;
        }
        let per_unit = survey.items * levels_n;
        let counts = &mut survey.counts[u * per_unit..(u + 1) * per_unit];
        let mut any = false;
        for (k, &a) in answers.iter().enumerate() {
            if a != NO_ANSWER {
                counts[k * levels_n + (a - 1) as usize] += 1;
                any = true;
            }
        }
        if !any {
            survey.invalid[u] += 1;
            continue;
        }
        survey.valid[u] += 1;
        if let Some(kept) = &mut survey.answers {
            kept[u].extend_from_slice(&answers);
        }
    }
    for (_, first, line) in seen.repeats() {
        problems.push(
            table
                .at(
                    u64::from(line),
                    c_resp,
                    tr!("inputs-questionnaire-twice", first = first),
                )
                .hint(tr!("inputs-questionnaire-twice-hint")),
        );
    }
    unknown.report(&table, index, units, problems);
    survey
}
