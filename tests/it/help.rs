//! Snapshots of the `--help` of par-index and of every command, in Vietnamese (the default) and
//! in English (`--lang en`), wrapped at 100 columns, and of `--version`: every change of a help
//! text shows as a difference to review (tests/it/snapshots/it__help__*.snap). language.rs
//! holds that no word of the other language is left; these hold the whole text.

use crate::common::*;

/// The commands, as the parser knows them (clap's `help` aside: it has no help of its own).
fn commands() -> Vec<String> {
    library_in_english();
    par_index::cli::command_in(par_index::i18n::Lang::En)
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .collect()
}

#[test]
fn the_help_of_every_command_in_both_languages() {
    let commands = commands();
    assert!(commands.len() >= 8, "commands: {commands:?}");
    let runs = std::iter::once(None).chain(commands.iter().map(Some));
    let snapshots = runs.flat_map(|command| {
        ["vi", "en"].map(|lang| {
            let mut cmd = user_bin();
            cmd.args(command);
            if lang == "en" {
                cmd.args(["--lang", "en"]);
            }
            cmd.arg("--help");
            let name = command.map_or("par-index", |c| c.as_str());
            (format!("{name}@{lang}"), transcript(&mut cmd).text)
        })
    });
    assert_snapshots(snapshots, |name, text| insta::assert_snapshot!(name, text));
}

/// `--version` names the rules built in; its number is the package's, read from Cargo.toml
/// rather than kept in the snapshot, so that a release does not ask for a review of it.
#[test]
fn the_version_in_both_languages() {
    let snapshots = ["vi", "en"].map(|lang| {
        let mut cmd = user_bin();
        if lang == "en" {
            cmd.args(["--lang", "en"]);
        }
        let text = transcript(cmd.arg("--version")).text;
        let number = format!("par-index {} (", env!("CARGO_PKG_VERSION"));
        assert!(text.contains(&number), "{text}");
        let text = text.replace(&number, "par-index [VERSION] (");
        (format!("version@{lang}"), text)
    });
    assert_snapshots(snapshots, |name, text| insta::assert_snapshot!(name, text));
}
