# Messages of src/cli (English). Ids start with "cli-"; each has its twin in locales/vi/cli.ftl.

## The kind of output, told by the file's name (src/cmd/kind.rs)
cli-format-contradicts = --format { $format } contradicts --output { $path }, whose extension means { $named }: leave out --format, or give the file the extension of { $format }
cli-extension-not-written = { $command } does not write .{ $ext } files (--output { $path }); its outputs are { $known }
cli-extension-unknown = cannot tell what to write from the name --output { $path }: name the file with one of { $known }, or say which with --format
cli-chart-extension = --chart { $path }: a chart is written to a file named { $known }
cli-arg-bom = CSV: start with a UTF-8 byte-order mark, on standard output too (a CSV file gets one anyway, so that Excel shows the Vietnamese text right)
cli-arg-no-bom = CSV: no byte-order mark, in a file too (for a program that does not expect one)

## par-index criteria
cli-arg-criteria-output = Write to FILE instead of standard output; its extension picks the format (.txt or .md table, .json, .toml)
cli-criteria-format-toml = The whole rule set as a criteria file, with its provenance, sources and notes: edit it for another year and give it with --criteria
cli-template-builtin-year = the built-in criteria are those of { $builtin }; for { $year }, write them to a file with `par-index criteria --output criteria-{ $year }.toml`, set year = { $year } and that year's rules in it, and give it with --criteria

## --version
cli-version = { $version } (criteria { $id }: { $decision })

## par-index completions, par-index man
cli-completions-about = Print a shell's completion script, so that the shell completes par-index's commands and options
cli-completions-after =
    Examples:
      par-index completions bash > ~/.local/share/bash-completion/completions/par-index
      par-index completions zsh > ~/.zfunc/_par-index
      par-index completions fish > ~/.config/fish/completions/par-index.fish
      par-index completions powershell | Out-String | Invoke-Expression
          (PowerShell: add this line to your $PROFILE to keep it)
cli-arg-shell = The shell: bash, zsh, fish, powershell or elvish
cli-man-about = Print the manual page (roff) of par-index or of one of its commands
cli-man-after =
    Examples:
      par-index man | man -l -
      par-index man compute --output par-index-compute.1
cli-arg-man-command = The command whose page to print (compute, check, …); par-index's own page when not given
cli-arg-man-output = Write the page to FILE instead of standard output
cli-man-unknown-command = there is no command { $name }; the commands are: { $known }
