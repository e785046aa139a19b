//! `par-index criteria`: the rules as an analyst reads them beside the decision.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::criteria::{self, Group};
use crate::error::exit;
use crate::output;
use crate::reports::criteria::render;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Toml,
    // a workbook of the rules, to edit as a table and give back with --criteria FILE.xlsx
    Xlsx,
}

// Its help (about, examples, every argument) is in locales/*/cli.ftl, cli-criteria-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    // default: as the --output file's extension says, else table
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    // validate FILE: every problem (exit 3), or one line saying it is valid
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
        let c = crate::inputs::criteria_workbook::load(Some(path))?;
        let nodes: usize = c.groups.iter().map(|g| g.nodes.len()).sum();
        let msg = tr!(
            "reports-criteria-valid",
            file = path,
            id = c.id,
            year = c.year,
            groups = c.groups.len(),
            nodes = nodes,
            questions = c
                .groups
                .iter()
                .map(|g| g.survey.questions.len())
                .sum::<usize>(),
            items = c.sipas.items().count()
        ) + "\n";
        output::emit(None, msg.as_bytes())?;
        return Ok(exit::OK);
    }
    if format == Format::Xlsx && args.output.is_none() && output::stdout_is_terminal() {
        return Err(crate::error::Failure::Usage(tr!("cli-criteria-xlsx-on-terminal")).into());
    }
    let c = crate::inputs::criteria_workbook::load(args.criteria.as_deref())?;
    let groups: Vec<&Group> = match &args.group {
        None => c.groups.iter().collect(),
        Some(id) => vec![c.group(id).ok_or_else(|| super::unknown_group(&c, id))?],
    };
    let text = match format {
        Format::Xlsx => {
            let bytes = crate::reports::criteria_workbook::render(&c, &groups)?;
            output::emit(args.output.as_deref(), &bytes)?;
            return Ok(exit::OK);
        }
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
