//! The rules as an analyst reads them beside the decision (`par-index criteria`): both trees,
//! the surveys, deductions and bands, as text.

use std::fmt::Write as _;

use crate::criteria::{self, Criteria, Group};
use crate::i18n;
use crate::reports::table;
use crate::tr;

fn mark(c: &Criteria, provenance: &str) -> String {
    if c.confirmed(provenance) {
        provenance.to_string()
    } else {
        format!("{provenance}*")
    }
}

/// Both trees, the surveys, deductions and bands, as text (its labels in the messages'
/// language; the rules' names and wording as the criteria file writes them).
pub fn render(c: &Criteria, groups: &[&Group], terminal: bool) -> String {
    let lang = i18n::lang();
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} ({})", c.id, c.province, c.decision);
    for g in groups {
        let split = [
            criteria::Source::Appraisal,
            criteria::Source::Survey,
            criteria::Source::Sipas,
        ]
        .map(|s| format!("{} {}", s.name(), g.max_by_source(s).normalize()))
        .join(", ");
        let _ = writeln!(
            out,
            "\n{}",
            tr!(
                "reports-criteria-group",
                group = g.id,
                name = g.name,
                total = g.total.normalize(),
                split = split
            )
        );
        let mut t = table::new(terminal);
        t.set_header(vec![
            tr!("reports-criteria-col-code"),
            tr!("reports-criteria-col-criterion"),
            tr!("reports-criteria-col-max"),
            tr!("reports-criteria-col-source"),
            tr!("reports-criteria-col-rule"),
            tr!("reports-criteria-col-basis"),
        ]);
        for n in &g.nodes {
            let indent = "  ".repeat(n.code.depth() - 1);
            let rule = n
                .rule
                .as_ref()
                .map(|r| r.describe_in(lang, n.max))
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
                tr!(
                    "reports-criteria-questions",
                    questions = questions.join(", ")
                )
            };
            t.add_row(vec![
                comfy_table::Cell::new(&n.code),
                comfy_table::Cell::new(format!("{indent}{}", n.name)),
                table::num(n.max.normalize()),
                comfy_table::Cell::new(n.source.map(|s| s.name()).unwrap_or_default()),
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
                .map(|r| {
                    tr!(
                        "reports-criteria-respondent-group",
                        id = r.id,
                        name = r.name,
                        weight = r.weight.normalize()
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    "reports-criteria-respondents",
                    groups = rgs,
                    provenance = mark(c, &g.survey.provenance)
                )
            );
        }
    }
    let scale = c
        .survey_scale
        .iter()
        .map(|o| format!("{} = {}% ({})", o.option, o.weight.normalize(), o.label))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(out, "\n{}", tr!("reports-criteria-scale", scale = scale));
    let s = &c.sipas;
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            "reports-criteria-sipas",
            elements = s.elements.len(),
            items = s.items().count(),
            levels = s
                .satisfied
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            min = s.min_valid,
            provenance = mark(c, &s.provenance)
        )
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
        "\n{}",
        tr!(
            "reports-criteria-deductions",
            cap = c.deduction_cap.normalize()
        )
    );
    for d in &c.deductions {
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                "reports-criteria-deduction",
                code = d.code,
                name = d.name,
                points = d.points.normalize(),
                cap = d.cap.normalize(),
                provenance = mark(c, &d.provenance)
            )
        );
    }
    let bands = c
        .bands
        .iter()
        .map(|b| {
            format!(
                "{} {} [{}]",
                b.name,
                b.interval
                    .describe_in(lang, Some(criteria::Measure::Percent)),
                mark(c, &b.provenance)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(out, "\n{}", tr!("reports-criteria-bands", bands = bands));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "reports-criteria-rounding",
            decimals = c.publish.decimals,
            ranking = match c.publish.ranking {
                criteria::Ranking::Exact => tr!("reports-criteria-ranking-exact"),
                criteria::Ranking::Published => tr!("reports-criteria-ranking-published"),
            }
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            "reports-criteria-sources",
            year = c.year,
            province = c.province
        )
    );
    for (key, s) in &c.sources {
        let _ = writeln!(out, "  {}: {}", mark(c, key), s.title);
    }
    out
}
