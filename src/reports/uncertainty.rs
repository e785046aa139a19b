//! How sure is a rank: the bootstrap's confidence intervals (`compute --ci`) and the weights'
//! sensitivity (`sensitivity`) as a table for the terminal, CSV and JSON.
//!
//! Nominal figures are the published ones (exact decimals, rounded half away from zero);
//! interval bounds come from replicates and are rounded the same way for display.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;

use super::annex::Which;
use super::format::Figures;
use super::json::Ordered;
use super::table::{new as new_table, num};
use crate::criteria::Criteria;
use crate::decimal::{exact, fixed, publish};
use crate::stages::Results;
use crate::tr;
use crate::uncertainty::bootstrap::{Bootstrap, Index, Row, Section};
use crate::uncertainty::published;
use crate::uncertainty::sensitivity::Sensitivity;

/// The bootstrap's report in `format`; `which` picks Phụ lục I, II or both.
pub fn bootstrap(
    criteria: &Criteria,
    results: &Results,
    ci: &Bootstrap,
    which: Which,
    format: Figures,
    terminal: bool,
) -> anyhow::Result<Vec<u8>> {
    let sections: Vec<&Section> = ci
        .sections
        .iter()
        .filter(|s| match s.index {
            Index::Sipas => which.sipas(),
            Index::Par => which.par(),
        })
        .collect();
    Ok(match format {
        Figures::Table => bootstrap_table(criteria, results, ci, &sections, terminal).into_bytes(),
        Figures::Csv => bootstrap_csv(criteria, results, ci, &sections)?,
        Figures::Json => {
            let mut s =
                serde_json::to_string_pretty(&bootstrap_json(criteria, results, ci, &sections))?;
            s.push('\n');
            s.into_bytes()
        }
    })
}

/// The sensitivity report in `format`.
pub fn sensitivity(
    criteria: &Criteria,
    results: &Results,
    s: &Sensitivity,
    format: Figures,
    terminal: bool,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        Figures::Table => sensitivity_table(criteria, results, s, terminal).into_bytes(),
        Figures::Csv => sensitivity_csv(criteria, results, s)?,
        Figures::Json => {
            let mut text = serde_json::to_string_pretty(&sensitivity_json(criteria, results, s))?;
            text.push('\n');
            text.into_bytes()
        }
    })
}

/// The workbook and the document are laid out for the annexes only (`compute` refuses --ci
/// with them first).
pub fn xlsx_refused() -> crate::error::Failure {
    crate::error::Failure::Usage(tr!("reports-xlsx-refused"))
}

fn level(ci: &Bootstrap) -> String {
    ci.settings.level.normalize().to_string()
}

fn title(criteria: &Criteria, index: Index) -> String {
    match index {
        Index::Sipas => format!(
            "Phụ lục I. Chỉ số hài lòng của người dân, tổ chức năm {}",
            criteria.year
        ),
        Index::Par => format!(
            "Phụ lục II. Chỉ số cải cách hành chính năm {}",
            criteria.year
        ),
    }
}

/// A bound for display, e.g. `93.41`; `—` when there is none.
fn bound(v: f64, d: u32) -> String {
    published(v, d).map_or("—".into(), |p| p.to_string())
}

fn range(lo: f64, hi: f64, d: u32) -> String {
    format!("{} … {}", bound(lo, d), bound(hi, d))
}

fn rank_range(r: Option<(u32, u32)>) -> String {
    match r {
        None => "—".into(),
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a} … {b}"),
    }
}

fn rank_text(rank: usize) -> String {
    if rank == 0 {
        "—".into()
    } else {
        rank.to_string()
    }
}

fn bootstrap_table(
    criteria: &Criteria,
    results: &Results,
    ci: &Bootstrap,
    sections: &[&Section],
    terminal: bool,
) -> String {
    let d = criteria.publish.decimals;
    let level = level(ci);
    let mut out = String::new();
    if ci.sipas_held {
        // the survey delivered as results: nothing to redraw for the satisfaction index
        let _ = writeln!(out, "{}\n", tr!("reports-ci-sipas-held"));
    }
    let mut last_index = None;
    for section in sections {
        if last_index != Some(section.index) {
            if last_index.is_some() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{}",
                tr!("reports-ci-heading", title = title(criteria, section.index))
            );
            let (replicates, seed) = (ci.settings.replicates, ci.settings.seed);
            let method = match section.index {
                Index::Sipas => tr!(
                    "reports-ci-method-sipas",
                    replicates = replicates,
                    level = level,
                    seed = seed
                ),
                Index::Par if ci.sipas_held => tr!(
                    "reports-ci-method-par-sipas-held",
                    replicates = replicates,
                    level = level,
                    seed = seed
                ),
                Index::Par => tr!(
                    "reports-ci-method-par",
                    replicates = replicates,
                    level = level,
                    seed = seed
                ),
            };
            let _ = writeln!(out, "{method}");
            last_index = Some(section.index);
        }
        let group = &criteria.groups[section.group];
        if section.rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", group.name);
        let mut t = new_table(terminal);
        let mut header = vec![tr!("reports-col-rank"), tr!("reports-col-unit")];
        if section.index == Index::Sipas {
            header.push(tr!("reports-ci-col-valid"));
        }
        header.extend([
            tr!("reports-col-index"),
            tr!("reports-ci-col-interval", level = level),
            tr!("reports-ci-col-ranks", level = level),
            tr!("reports-ci-col-next", level = level),
        ]);
        t.set_header(header);
        let (mut pairs, mut unsupported, mut small) = (0, 0, Vec::new());
        for row in &section.rows {
            let unit = &results.units[row.unit];
            let mut cells = vec![num(rank_text(row.rank)), comfy_table::Cell::new(&unit.name)];
            if section.index == Index::Sipas {
                cells.push(num(if unit.below_minimum {
                    small.push(unit.code.clone());
                    format!("{}†", unit.valid)
                } else {
                    unit.valid.to_string()
                }));
            }
            cells.push(num(row.value.map_or("—".into(), |v| fixed(v, d))));
            cells.push(num(row
                .interval
                .map_or("—".into(), |(lo, hi)| range(lo, hi, d))));
            cells.push(num(rank_range(row.ranks)));
            cells.push(num(match &row.next {
                None => String::new(),
                Some(p) => {
                    pairs += 1;
                    let mark = if p.supported {
                        "  "
                    } else {
                        unsupported += 1;
                        " ≈"
                    };
                    format!(
                        "{} ({}){mark}",
                        fixed(p.difference, d),
                        range(p.interval.0, p.interval.1, d)
                    )
                }
            }));
            t.add_row(cells);
        }
        let _ = writeln!(out, "{t}");
        if pairs > 0 && unsupported == 0 {
            let _ = writeln!(out, "{}", tr!("reports-ci-all-supported", level = level));
        } else if pairs > 0 {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "reports-ci-unsupported",
                    level = level,
                    count = unsupported,
                    pairs = pairs
                )
            );
        }
        if !small.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "reports-ci-small",
                    min = criteria.sipas.min_valid,
                    units = small.join(", ")
                )
            );
        }
    }
    if !sections.is_empty() {
        let _ = writeln!(out, "\n{}", tr!("reports-ci-legend", level = level));
    }
    out
}

fn bootstrap_csv(
    criteria: &Criteria,
    results: &Results,
    ci: &Bootstrap,
    sections: &[&Section],
) -> Result<Vec<u8>, csv::Error> {
    let d = criteria.publish.decimals;
    let level = level(ci);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Phụ lục".to_string(),
        "Nhóm".into(),
        "Xếp hạng".into(),
        "Mã đơn vị".into(),
        "Tên đơn vị".into(),
        "Số phiếu hợp lệ".into(),
        "Chỉ số (%)".into(),
        format!("Cận dưới KTC {level}% (%)"),
        format!("Cận trên KTC {level}% (%)"),
        format!("Hạng tốt nhất ({level}%)"),
        format!("Hạng kém nhất ({level}%)"),
        "Đơn vị xếp sau".into(),
        "Chênh lệch với đơn vị xếp sau".into(),
        format!("Cận dưới KTC {level}% của chênh lệch"),
        format!("Cận trên KTC {level}% của chênh lệch"),
        "Thứ tự được dữ liệu ủng hộ".into(),
    ])?;
    let b = |v: f64| published(v, d).map_or(String::new(), |p| p.to_string());
    for section in sections {
        for row in &section.rows {
            let unit = &results.units[row.unit];
            let (lo, hi) = row
                .interval
                .map_or((String::new(), String::new()), |(l, h)| (b(l), b(h)));
            let (best, worst) = row.ranks.map_or((String::new(), String::new()), |(a, z)| {
                (a.to_string(), z.to_string())
            });
            let next = match &row.next {
                None => [
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                Some(p) => [
                    results.units[p.unit].code.clone(),
                    fixed(p.difference, d),
                    b(p.interval.0),
                    b(p.interval.1),
                    if p.supported { "có" } else { "không" }.into(),
                ],
            };
            let mut record = vec![
                match section.index {
                    Index::Sipas => "I".to_string(),
                    Index::Par => "II".into(),
                },
                criteria.groups[section.group].id.clone(),
                if row.rank == 0 {
                    String::new()
                } else {
                    row.rank.to_string()
                },
                unit.code.clone(),
                unit.name.clone(),
                unit.valid.to_string(),
                row.value.map_or(String::new(), |v| fixed(v, d)),
                lo,
                hi,
                best,
                worst,
            ];
            record.extend(next);
            w.write_record(&record)?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[derive(Serialize)]
struct BootstrapJson<'a> {
    criteria: &'a str,
    year: i64,
    decimals: u32,
    analysis: &'static str,
    level: Decimal,
    replicates: usize,
    seed: u64,
    /// The satisfaction index delivered as results, held in every replicate.
    sipas_held: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    sipas: Option<Vec<SectionJson>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    par: Option<Vec<SectionJson>>,
}

#[derive(Serialize)]
struct SectionJson {
    group: String,
    name: String,
    units: Vec<RowJson>,
}

#[derive(Serialize)]
struct RowJson {
    /// 0 when not ranked.
    rank: usize,
    code: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    below_minimum: Option<bool>,
    index: Option<Decimal>,
    index_exact: Option<String>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    rank_best: Option<u32>,
    rank_worst: Option<u32>,
    next: Option<PairJson>,
}

#[derive(Serialize)]
struct PairJson {
    code: String,
    difference: Decimal,
    low: Option<Decimal>,
    high: Option<Decimal>,
    supported: bool,
}

fn row_json(criteria: &Criteria, results: &Results, index: Index, row: &Row) -> RowJson {
    let d = criteria.publish.decimals;
    let unit = &results.units[row.unit];
    let sipas = index == Index::Sipas;
    RowJson {
        rank: row.rank,
        code: unit.code.clone(),
        name: unit.name.clone(),
        valid: sipas.then_some(unit.valid),
        below_minimum: sipas.then_some(unit.below_minimum),
        index: row.value.map(|v| publish(v, d)),
        index_exact: row.value.map(exact),
        low: row.interval.and_then(|(l, _)| published(l, d)),
        high: row.interval.and_then(|(_, h)| published(h, d)),
        rank_best: row.ranks.map(|r| r.0),
        rank_worst: row.ranks.map(|r| r.1),
        next: row.next.as_ref().map(|p| PairJson {
            code: results.units[p.unit].code.clone(),
            difference: publish(p.difference, d),
            low: published(p.interval.0, d),
            high: published(p.interval.1, d),
            supported: p.supported,
        }),
    }
}

fn bootstrap_json<'a>(
    criteria: &'a Criteria,
    results: &Results,
    ci: &Bootstrap,
    sections: &[&Section],
) -> BootstrapJson<'a> {
    let of = |index: Index| {
        let list: Vec<SectionJson> = sections
            .iter()
            .filter(|s| s.index == index)
            .map(|s| SectionJson {
                group: criteria.groups[s.group].id.clone(),
                name: criteria.groups[s.group].name.clone(),
                units: s
                    .rows
                    .iter()
                    .map(|r| row_json(criteria, results, index, r))
                    .collect(),
            })
            .collect();
        (!list.is_empty()).then_some(list)
    };
    BootstrapJson {
        criteria: &criteria.id,
        year: criteria.year,
        decimals: criteria.publish.decimals,
        analysis: "bootstrap",
        level: ci.settings.level.normalize(),
        replicates: ci.settings.replicates,
        seed: ci.settings.seed,
        sipas_held: ci.sipas_held,
        sipas: of(Index::Sipas),
        par: of(Index::Par),
    }
}

fn factor_range(s: &Sensitivity) -> String {
    let half = s.settings.spread / Decimal::ONE_HUNDRED;
    format!(
        "[{}; {}]",
        (Decimal::ONE - half).normalize(),
        (Decimal::ONE + half).normalize()
    )
}

fn sensitivity_table(
    criteria: &Criteria,
    results: &Results,
    s: &Sensitivity,
    terminal: bool,
) -> String {
    let d = criteria.publish.decimals;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr!("reports-sensitivity-title", year = criteria.year)
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "reports-sensitivity-method",
            factors = factor_range(s),
            replicates = s.settings.replicates,
            seed = s.settings.seed
        )
    );
    for g in s.groups.iter().filter(|g| !g.rows.is_empty()) {
        let group = &criteria.groups[g.group];
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "reports-sensitivity-group",
                name = group.name,
                total = group.total.normalize()
            )
        );
        let mut t = new_table(terminal);
        t.set_header(vec![
            tr!("reports-col-rank"),
            tr!("reports-col-unit"),
            tr!("reports-col-index"),
            tr!("reports-sensitivity-col-median"),
            tr!("reports-sensitivity-col-range"),
            tr!("reports-sensitivity-col-shift"),
        ]);
        for row in &g.rows {
            let unit = &results.units[row.unit];
            t.add_row(vec![
                num(rank_text(row.rank)),
                comfy_table::Cell::new(&unit.name),
                num(fixed(row.index, d)),
                num(row.median),
                num(rank_range(Some((row.p5, row.p95)))),
                num(fixed(row.mean_shift, d)),
            ]);
        }
        let _ = writeln!(out, "{t}");
        let fields = g
            .fields
            .iter()
            .map(|f| {
                format!(
                    "{}: {} ({} … {})",
                    group.nodes[f.node].code,
                    f.max.normalize(),
                    fixed(f.low, d),
                    fixed(f.high, d)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            out,
            "{}",
            tr!("reports-sensitivity-fields", fields = fields)
        );
    }
    let _ = writeln!(out, "\n{}", tr!("reports-sensitivity-legend"));
    out
}

fn sensitivity_csv(
    criteria: &Criteria,
    results: &Results,
    s: &Sensitivity,
) -> Result<Vec<u8>, csv::Error> {
    let d = criteria.publish.decimals;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Nhóm",
        "Xếp hạng",
        "Mã đơn vị",
        "Tên đơn vị",
        "Chỉ số CCHC (%)",
        "Hạng trung vị",
        "Hạng P5",
        "Hạng P95",
        "Dịch chuyển hạng trung bình",
    ])?;
    for g in &s.groups {
        for row in &g.rows {
            let unit = &results.units[row.unit];
            w.write_record([
                criteria.groups[g.group].id.clone(),
                row.rank.to_string(),
                unit.code.clone(),
                unit.name.clone(),
                fixed(row.index, d),
                row.median.to_string(),
                row.p5.to_string(),
                row.p95.to_string(),
                fixed(row.mean_shift, d),
            ])?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[derive(Serialize)]
struct SensitivityJson<'a> {
    criteria: &'a str,
    year: i64,
    decimals: u32,
    analysis: &'static str,
    spread: Decimal,
    replicates: usize,
    seed: u64,
    groups: Vec<SensitivityGroupJson>,
}

#[derive(Serialize)]
struct SensitivityGroupJson {
    group: String,
    name: String,
    total: Decimal,
    /// Field code → nominal maximum and the lowest and highest drawn.
    fields: Ordered<FieldJson>,
    units: Vec<SensitivityRowJson>,
}

#[derive(Serialize)]
struct FieldJson {
    max: Decimal,
    low: Decimal,
    high: Decimal,
}

#[derive(Serialize)]
struct SensitivityRowJson {
    rank: usize,
    code: String,
    name: String,
    index: Decimal,
    index_exact: String,
    rank_median: u32,
    rank_p5: u32,
    rank_p95: u32,
    mean_shift: Decimal,
}

fn sensitivity_json<'a>(
    criteria: &'a Criteria,
    results: &Results,
    s: &Sensitivity,
) -> SensitivityJson<'a> {
    let d = criteria.publish.decimals;
    SensitivityJson {
        criteria: &criteria.id,
        year: criteria.year,
        decimals: d,
        analysis: "sensitivity",
        spread: s.settings.spread.normalize(),
        replicates: s.settings.replicates,
        seed: s.settings.seed,
        groups: s
            .groups
            .iter()
            .map(|g| {
                let group = &criteria.groups[g.group];
                SensitivityGroupJson {
                    group: group.id.clone(),
                    name: group.name.clone(),
                    total: group.total.normalize(),
                    fields: Ordered(
                        g.fields
                            .iter()
                            .map(|f| {
                                (
                                    group.nodes[f.node].code.to_string(),
                                    FieldJson {
                                        max: f.max.normalize(),
                                        low: publish(f.low, d),
                                        high: publish(f.high, d),
                                    },
                                )
                            })
                            .collect(),
                    ),
                    units: g
                        .rows
                        .iter()
                        .map(|row| {
                            let unit = &results.units[row.unit];
                            SensitivityRowJson {
                                rank: row.rank,
                                code: unit.code.clone(),
                                name: unit.name.clone(),
                                index: publish(row.index, d),
                                index_exact: exact(row.index),
                                rank_median: row.median,
                                rank_p5: row.p5,
                                rank_p95: row.p95,
                                mean_shift: publish(row.mean_shift, d),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}
