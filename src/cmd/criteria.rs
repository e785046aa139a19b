//! `par-index criteria`: the rules as an analyst reads them beside the decision.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::ValueEnum;

use crate::criteria::{self, Criteria, Group};
use crate::error::{Failure, exit};
use crate::output;
use crate::reports::table;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    #[value(help = crate::tr!("cli-criteria-format-toml"))]
    Toml,
}

/// Show the criteria trees with maxima, sources and rules, or check a criteria file.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  par-index criteria                          both trees of the built-in 2023 criteria
  par-index criteria --group huyen            the districts' tree only
  par-index criteria --format json > c.json   everything the computation uses, for scripts
  par-index criteria --check my-2024.toml     validate a criteria file, report every problem
  par-index criteria --output tieu-chi-2024.toml
                                              the whole rule set as a criteria file to edit

Values whose provenance is not confirmed for the decision year are marked with *.")]
pub struct Args {
    /// Criteria file (TOML); the built-in Lạng Sơn 2023 criteria when not given.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// Only this unit group (so, huyen).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Output format (default: as the --output file's extension says, else table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, short, value_name = "FILE", help = crate::tr!("cli-arg-criteria-output"))]
    pub output: Option<PathBuf>,
    /// Validate FILE: report every problem (exit 3), or one line saying it is valid.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["criteria", "group", "format", "output"])]
    pub check: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format = super::kind::resolve(
        "criteria",
        args.format,
        args.output.as_deref(),
        Format::Table,
    )?;
    if let Some(path) = &args.check {
        let c = criteria::load(Some(path))?;
        let nodes: usize = c.groups.iter().map(|g| g.nodes.len()).sum();
        let msg = format!(
            "{}: valid ({} {}, {} groups, {} nodes, {} survey questions, {} satisfaction items)\n",
            path.display(),
            c.id,
            c.year,
            c.groups.len(),
            nodes,
            c.groups
                .iter()
                .map(|g| g.survey.questions.len())
                .sum::<usize>(),
            c.sipas.items().count()
        );
        output::emit(None, msg.as_bytes())?;
        return Ok(exit::OK);
    }
    let c = criteria::load(args.criteria.as_deref())?;
    let groups: Vec<&Group> = match &args.group {
        None => c.groups.iter().collect(),
        Some(id) => vec![c.group(id).ok_or_else(|| {
            Failure::Usage(format!(
                "unknown group {id:?}; the criteria define: {}",
                c.groups
                    .iter()
                    .map(|g| g.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?],
    };
    let text = match format {
        Format::Json => {
            let mut value = serde_json::to_value(&c)?;
            if let Some(id) = &args.group {
                value["groups"]
                    .as_object_mut()
                    .expect("groups is a map")
                    .retain(|k, _| k == id);
            }
            let mut s = serde_json::to_string_pretty(&value)?;
            s.push('\n');
            s
        }
        Format::Toml => criteria::export::toml(&c, &groups),
        Format::Table => render(
            &c,
            &groups,
            args.output.is_none() && output::stdout_is_terminal(),
        ),
    };
    output::emit(args.output.as_deref(), text.as_bytes())?;
    Ok(exit::OK)
}

fn mark(c: &Criteria, provenance: &str) -> String {
    if c.confirmed(provenance) {
        provenance.to_string()
    } else {
        format!("{provenance}*")
    }
}

/// Both trees, the surveys, deductions and bands, as text.
pub fn render(c: &Criteria, groups: &[&Group], terminal: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} ({})", c.id, c.province, c.decision);
    for g in groups {
        let split = [
            criteria::Source::Appraisal,
            criteria::Source::Survey,
            criteria::Source::Sipas,
        ]
        .map(|s| format!("{} {}", s.label(), g.max_by_source(s).normalize()))
        .join(", ");
        let _ = writeln!(
            out,
            "\nNhóm {} — {}: {} điểm ({split})",
            g.id,
            g.name,
            g.total.normalize()
        );
        let mut t = table::new(terminal);
        t.set_header(vec![
            "Mã",
            "Tiêu chí",
            "Tối đa",
            "Nguồn",
            "Cách chấm",
            "Căn cứ",
        ]);
        for n in &g.nodes {
            let indent = "  ".repeat(n.code.depth() - 1);
            let rule = n
                .rule
                .as_ref()
                .map(|r| r.describe(n.max))
                .unwrap_or_default();
            let questions: Vec<&str> = g
                .survey
                .questions
                .iter()
                .filter(|q| q.leaf == n.code)
                .map(|q| q.id.as_str())
                .collect();
            let rule = if questions.is_empty() {
                rule
            } else {
                format!("câu hỏi {}", questions.join(", "))
            };
            t.add_row(vec![
                comfy_table::Cell::new(&n.code),
                comfy_table::Cell::new(format!("{indent}{}", n.name)),
                table::num(n.max.normalize()),
                comfy_table::Cell::new(n.source.map(|s| s.label()).unwrap_or("")),
                comfy_table::Cell::new(rule),
                comfy_table::Cell::new(mark(c, &n.provenance)),
            ]);
        }
        let _ = writeln!(out, "{t}");
        if !g.survey.respondent_groups.is_empty() {
            let rgs = g
                .survey
                .respondent_groups
                .iter()
                .map(|r| format!("{} ({}, trọng số {})", r.id, r.name, r.weight.normalize()))
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                out,
                "Đối tượng điều tra: {rgs} [{}]",
                mark(c, &g.survey.provenance)
            );
        }
    }
    let scale = c
        .survey_scale
        .iter()
        .map(|o| format!("{} = {}% ({})", o.option, o.weight.normalize(), o.label))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(out, "\nThang trả lời điều tra XHH: {scale}");
    let s = &c.sipas;
    let _ = writeln!(
        out,
        "\nChỉ số hài lòng: {} yếu tố, {} tiêu chí; hài lòng = mức {}; tối thiểu {} phiếu hợp lệ mỗi đơn vị [{}]",
        s.elements.len(),
        s.items().count(),
        s.satisfied
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        s.min_valid,
        mark(c, &s.provenance)
    );
    for e in &s.elements {
        let items = e
            .items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "  {} {}: {items} [{}]",
            e.code,
            e.name,
            mark(c, &e.provenance)
        );
    }
    let _ = writeln!(
        out,
        "\nĐiểm trừ (tối đa {} điểm):",
        c.deduction_cap.normalize()
    );
    for d in &c.deductions {
        let _ = writeln!(
            out,
            "  {} {}: {} điểm/lần, tối đa {} [{}]",
            d.code,
            d.name,
            d.points.normalize(),
            d.cap.normalize(),
            mark(c, &d.provenance)
        );
    }
    let bands = c
        .bands
        .iter()
        .map(|b| {
            format!(
                "{} {} [{}]",
                b.name,
                b.interval.describe("%"),
                mark(c, &b.provenance)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(out, "\nXếp loại: {bands}");
    let _ = writeln!(
        out,
        "Làm tròn: {} chữ số thập phân, nửa lên (như ROUND của Excel); xếp hạng theo giá trị {}",
        c.publish.decimals,
        match c.publish.ranking {
            criteria::Ranking::Exact => "chính xác",
            criteria::Ranking::Published => "công bố",
        }
    );
    let _ = writeln!(
        out,
        "\nCăn cứ (* = chưa được xác nhận cho năm {} của {}):",
        c.year, c.province
    );
    for (key, s) in &c.sources {
        let _ = writeln!(out, "  {}: {}", mark(c, key), s.title);
    }
    out
}
