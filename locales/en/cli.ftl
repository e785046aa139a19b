# Messages of src/cli and of every command's --help (English). Ids start with "cli-"; each has
# its twin in locales/vi/cli.ftl.
#
# The help texts are found by name (src/cli.rs): cli-<command>-about, -long-about, -after-help;
# cli-<command>-arg-<argument> (else cli-arg-<argument>, shared by the commands), with -long for
# the longer text of --help; cli-...-arg-<argument>-value-<value> for a possible value.
# In Fluent, a literal brace is written {"{"} and {"}"}.

## The parser's own words

cli-usage = Usage:
cli-usage-options = OPTIONS
cli-usage-command = COMMAND
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help = Print help
cli-help-short = Print help (see more with '--help')
cli-help-long = Print help (see a summary with '-h')
cli-version = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-default = default: { $value }
cli-possible-values = possible values: { $values }
cli-values-heading = Possible values

## The parser's errors: "par-index: <message>", then "  hint: <hint>"

cli-error-unknown-option = unknown option '{ $arg }'
cli-error-unexpected-argument = unexpected argument '{ $arg }'
cli-error-unknown-command = unknown command '{ $command }'
cli-error-missing-value = '{ $arg }' needs a value
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-invalid-value-because = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-missing-argument = missing required argument: { $args }
cli-error-missing-command = '{ $command }' needs a command
cli-error-conflict = '{ $arg }' cannot be used with '{ $other }'
cli-error-conflict-others = '{ $arg }' cannot be used with the other arguments given
cli-error-repeated = '{ $arg }' can be given only once
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }'
cli-error-number-of-values = '{ $arg }' takes { $expected } values, { $count ->
    [one] { $count } was given
   *[other] { $count } were given
}
cli-error-no-equals = '{ $arg }' takes its value after '=' ({ $arg }=…)
cli-error-not-utf8 = an argument is not valid text (UTF-8)
cli-error-other = the command line cannot be read: { $detail }
cli-hint-did-you-mean = did you mean '{ $suggestion }'?
cli-hint-help = '{ $command } --help' lists every option, with examples
cli-hint-commands = the commands are: { $commands }
cli-hint-possible-values = possible values: { $values }

## Values given on the command line (the reasons of "invalid value")

cli-encoding-unknown = unknown encoding "{ $label }" (try utf-8, utf-16le, windows-1258)
cli-value-not-whole = { $value } is not a whole number
cli-explain-depth-range = the levels are 1 (fields), 2 (criteria) and 3 (sub-criteria)

## Usage errors of the commands

cli-unknown-group = unknown group "{ $group }"; the criteria define: { $groups }
cli-xlsx-with-ci = --format xlsx is for the annexes; give --ci with table, csv or json
cli-xlsx-on-terminal = --format xlsx writes a workbook, not text: give --output FILE.xlsx
cli-explain-unknown-unit = unknown unit "{ $unit }" in this year's units.csv; { $hint }
cli-explain-units-are = the units are: { $units }
cli-explain-did-you-mean = did you mean { $units }?
cli-template-year = --year { $year }, but the criteria are for { $criteria }: { $hint }
cli-template-year-file = set year = { $year } in the criteria file, or leave out --year
cli-template-no-unit = no unit of the group asked for in the units given
cli-template-exists = { $count ->
    [one] a file already exists
   *[other] files already exist
}: { $files } (give --force to replace, or another --out)
cli-template-cannot-create = cannot create the folder { $folder }
cli-template-written = { $folder }: forms of { $year } for { $units } units ({ $rows } self-assessment rows): { $files }

## par-index

cli-about = The PAR index (Chỉ số CCHC) and the satisfaction index (SIPAS) of a province's departments and districts
cli-long-about =
    par-index computes, for every provincial department (sở, ban, ngành) and every district People's Committee (UBND huyện, thành phố), the public administration reform index (Phụ lục II) and the satisfaction index (Phụ lục I), ranked within each group, exactly as the province's decision lays down.

    The rules of Lạng Sơn 2023 are built in (`par-index criteria --output FILE.toml` writes them out, to start another year's from); --criteria FILE uses another set.
cli-after-help =
    Language: messages and help are in Vietnamese; --lang en (before or after the command) or the
    environment variable PAR_INDEX_LANG=en gives them in English (--lang wins). The annexes
    (Phụ lục I and II, in every format) stay in Vietnamese.

    Exit codes:
      0  success (also when a reader closes the pipe early)
      1  unexpected failure inside par-index (please report it)
      2  wrong command-line arguments; an unknown unit in explain; a workbook or Word document
         to a terminal; an --output name that contradicts --format
      3  the criteria file is invalid
      4  the input data is invalid (or, with --strict, a warning was raised); check found a
         problem; a --previous file that is not an export of par-index
      5  a file or folder could not be read or written
cli-arg-lang = Language of the messages and help: vi (Tiếng Việt, the default) or en; also PAR_INDEX_LANG=en

## Arguments shared by the commands that read a year

cli-arg-dir = The year's folder (units.csv, self-assessment.csv, par-survey.csv, sipas-survey.csv or sipas-results.csv, deductions.csv; each CSV or a workbook)
cli-arg-criteria = Criteria file (TOML, or a workbook as criteria --output FILE.xlsx writes it); the built-in Lạng Sơn 2023 criteria when not given
cli-arg-encoding = Encoding of the input files that have no byte-order mark, instead of the one detected for each (UTF-8, or a legacy code page guessed and said in a note), e.g. windows-1258
cli-arg-strict = Not appraised leaves and rule disagreements are errors (exit 4), not warnings
cli-arg-missing = What an applicable leaf with nothing to score gets
cli-arg-missing-value-error = An applicable leaf with nothing to score is an error
cli-arg-missing-value-zero = It scores 0, with a warning
cli-arg-group = Only this unit group (so, huyen)
cli-arg-format = Output format (default: as the --output file's extension says, else the table)
cli-arg-output = Write the result to FILE instead of standard output

## check

cli-check-about = Check a year's folder: every problem of every file, grouped by file, with a hint each
cli-check-after-help =
    Examples:
      par-index check samples/2023          report problems; exit 0 only when the folder is clean
      par-index check data/2024 --strict    not appraised leaves and rule disagreements count too

    Each problem names the file, line, column, unit and criterion or question, and says what to do.
    Warnings (not appraised, rule disagreements, small samples) are listed but do not fail the
    check, unless --strict.

## compute

cli-compute-about = Compute the PAR index and the satisfaction index of a year: Phụ lục I and II
cli-compute-after-help =
    Examples:
      par-index compute samples/2023                      both annexes as tables
      par-index compute samples/2023 --annex par --format csv --output phu-luc-II.csv
      par-index compute samples/2023 --format json | jq '.units[] | {"{"}code, index: .par.index{"}"}'
      par-index compute data/2024 --criteria criteria/2024.toml --strict
      par-index compute samples/2023 --ci --annex par      how sure is each PAR rank (see --ci)
      par-index compute samples/2023 --output phu-luc.xlsx --chart chi-so.png
                                                          the annex workbook and the chart (the
                                                          files' extensions say what to write)
      par-index compute samples/2023 --output phu-luc.docx the annexes as a Word document
      par-index compute samples/2023 --annex par --previous samples/2022/results.json
                                                          with the change of index and rank since 2022

    Warnings (not appraised, rule disagreements, small samples) go to stderr, results to stdout
    or --output (written whole or not at all).
cli-compute-arg-annex = Which annex: par (Phụ lục II), sipas (Phụ lục I) or both
cli-compute-arg-annex-value-par = Phụ lục II: the PAR index
cli-compute-arg-annex-value-sipas = Phụ lục I: the satisfaction index
cli-compute-arg-annex-value-both = Both, Phụ lục I first
cli-compute-arg-format-value-table = A table for the terminal (fitted to its width; plain when piped)
cli-compute-arg-format-value-csv = The annexes as CSV, Vietnamese headers
cli-compute-arg-format-value-json = Everything, for scripts
cli-compute-arg-format-value-xlsx = A workbook laid out as the decision's annexes, to --output FILE.xlsx (or a pipe, never a terminal)
cli-compute-arg-format-value-docx = The annexes as a Word document to attach to the decision, to --output FILE.docx (or a pipe, never a terminal)
cli-compute-arg-previous = An earlier year's export (JSON, CSV or workbook of `compute`): adds to Phụ lục II last year's index and rank and their change (new and dropped units said as such)
cli-compute-arg-chart = Also draw each group's units ranked by PAR index, coloured by band, as a chart: SVG or PNG by the file's extension
cli-compute-arg-ci = How sure is each rank: confidence intervals at LEVEL% (default 95) from a bootstrap of the surveys, reported instead of the annexes
cli-compute-arg-ci-long =
    How sure is each rank: confidence intervals at LEVEL% (default 95) from a bootstrap of the surveys, reported instead of the annexes.

    Each replicate redraws, with replacement, the valid satisfaction questionnaires of every unit and the officials' answers about every unit within each respondent group, and recomputes the satisfaction index, the PAR index and the ranks; appraisal points and deductions are fixed. Per unit: the published index and rank, the percentile interval of the index, the best … worst rank at LEVEL%, and the difference to the unit ranked just after with its interval, marked ≈ when that interval contains 0 (the data do not support the order at LEVEL%). Uses every core; same --seed, same output.

    Worked example: `par-index compute samples/2023 --ci --annex par --group huyen` shows Huyện Lộc Bình at 92.67 (KTC 95% 92.40 … 92.93), rank 3 … 4, and 0.10 above Huyện Chi Lăng with an interval of -0.35 … 0.54, marked ≈: third on the published figures, but the surveys cannot tell it from the fourth. Thành phố Lạng Sơn, 0.44 (0.03 … 0.85) above the second, is first at 95%. Write the folder before --ci (LEVEL is optional).
cli-compute-arg-replicates = Replicates of the bootstrap (with --ci; default 2000)
cli-compute-arg-seed = Seed of the bootstrap's draws (with --ci; default 1)

## criteria

cli-criteria-about = Show the criteria trees with maxima, sources and rules, or check a criteria file
cli-criteria-after-help =
    Examples:
      par-index criteria                          both trees of the built-in 2023 criteria
      par-index criteria --group huyen            the districts' tree only
      par-index criteria --format json > c.json   everything the computation uses, for scripts
      par-index criteria --check my-2024.toml     validate a criteria file, report every problem
      par-index criteria --output tieu-chi-2024.toml
                                                  the whole rule set as a criteria file to edit

    Values whose provenance is not confirmed for the decision year are marked with *.
cli-criteria-arg-check = Validate FILE: report every problem (exit 3), or one line saying it is valid

## explain

cli-explain-about = Where a unit lost its points, and how it compares with its neighbours
cli-explain-long-about =
    Where a unit lost its points, and how it compares with its neighbours.

    The unit's tree with, at every field, criterion and sub-criterion: its maximum, the self points, the appraised points, the points from the officials' survey and from the satisfaction index, the points and the points lost; then its criteria by points lost, the deductions, the units ranked just above and below it, and the warnings about it.
cli-explain-after-help =
    Examples:
      par-index explain SNV samples/2023
      par-index explain SNV samples/2023 --depth 1 --top 3
      par-index explain "Sở Nội vụ" samples/2023 --top 0
      par-index explain SNV samples/2023 --previous samples/2022/results.json
      par-index explain SNV samples/2023 --format json | jq '.nodes[] | select(.lost > 0)'
      par-index explain SNV samples/2023 --output SNV.xlsx       the unit's scorecard
      par-index explain --all samples/2023 --output phieu-ket-qua
                                                  a scorecard per unit, in that folder

    Worked example: `par-index explain SNV samples/2023 --depth 1 --top 3` shows Sở Nội vụ at
    91.56% (rank 11 of 20, band A), 8.44 points lost of 100: 1.91 in field 3 (thủ tục hành
    chính), 1.82 in field 8, …; first among its criteria 5.1.1 (0.75 lost: appraised 0.75 of
    1.5 for 93.7%, where the rule gives 1.5 only at 100%), then the satisfaction index (0.68);
    Sở Y tế ranks just above it, 1.62 points ahead.

    Columns: Max (maximum of the criteria that apply to the unit), Self (self-assessed
    points), Appr. (appraised points that stand), Survey (the officials' survey), Sat. (the
    satisfaction index), Points (their sum), Lost = Max − Points. A criterion that does not
    apply (N/A) loses nothing. The table fits 80 columns (names are cut; --format json has
    them whole).
cli-explain-arg-unit = The unit: its code (e.g. SNV) or its name as in units.csv
cli-explain-arg-format-value-table = For people: summary, tree, leaves by points lost, neighbours, warnings (80 columns)
cli-explain-arg-format-value-json = Everything, for scripts
cli-explain-arg-format-value-xlsx = The unit's scorecard (phiếu kết quả) as a workbook: its results, what it takes to pass the unit above and to reach the next band, neighbours, criteria by points lost and against the group's best, the whole tree (the default with --all)
cli-explain-arg-format-value-docx = The scorecard as a Word document
cli-explain-arg-format = Output format (default: table for a unit; with --all, xlsx, one file per unit)
cli-explain-arg-previous = An earlier year's export (JSON, CSV or workbook of `compute`): adds the change of index and rank
cli-explain-arg-depth = Deepest level of the tree shown: 1 = fields, 2 = criteria, 3 = sub-criteria (default: all)
cli-explain-arg-top = How many criteria to list by points lost (0 = all that lost points)

## sensitivity

cli-sensitivity-about = How sure is a PAR rank against the weights: perturb the field maxima and rank again
cli-sensitivity-long-about =
    How sure is a PAR rank against the weights of the tree? Each replicate multiplies the maximum of every field by a random factor drawn uniformly in [1 − P%, 1 + P%], scales the maxima back so that they total the group's total (100), scales every unit's points and applicable maximum in a field with its field (a leaf keeps its share of the field), keeps deductions, recomputes the PAR index and ranks each group again. Reported per unit: the published rank, the median and the 5th–95th percentile of its rank over the replicates, and the mean absolute rank shift (as COINr's uncertainty analysis does). Exact decimals throughout: --spread 0 gives every unit its published rank.
cli-sensitivity-after-help =
    Examples:
      par-index sensitivity samples/2023                       ±20%, 1,000 replicates, as tables
      par-index sensitivity samples/2023 --group huyen --spread 10 --replicates 5000
      par-index sensitivity samples/2023 --format csv --output do-nhay.csv
      par-index sensitivity samples/2023 --format json | jq '.groups[].units[] | {"{"}code, rank_p95{"}"}'

    Worked example (`par-index sensitivity samples/2023 --group so`, default settings): Sở Nông
    nghiệp và Phát triển nông thôn, published 9th at 93.25, has median rank 9, P5 … P95 = 6 … 10 and
    mean shift 1.07: its place depends on the weights. Sở Tài chính, 1 / 1 / 0.00, is first whatever
    the weights.

    The same --seed gives the same output, whatever the number of threads (RAYON_NUM_THREADS).
cli-sensitivity-arg-spread = Half-width of each field's factor, in percent: factors are drawn in [1 − P%, 1 + P%]
cli-sensitivity-arg-replicates = Number of replicates
cli-sensitivity-arg-seed = Seed of the random draws
cli-sensitivity-arg-format-value-table = A table per group for the terminal (fitted to its width; plain when piped)
cli-sensitivity-arg-format-value-csv = One row per unit, Vietnamese headers
cli-sensitivity-arg-format-value-json = Everything, with the fields' drawn maxima, for scripts

## template

cli-template-about = Write the blank input files of a year for the units to fill in
cli-template-after-help =
    Examples:
      par-index template
          forms for 2023 and the 31 built-in Lạng Sơn units, in template-2023/
      par-index template --units samples/2023 --group huyen --out forms-huyen
          the districts of a year's units.csv
      par-index template --year 2024 --criteria criteria/2024.toml --units data/2023
          next year's forms, with next year's criteria and this year's units

    Worked example: `par-index template --out forms` writes forms/self-assessment.csv with
    2759 rows (31 units × 89 appraisal criteria in the built-in criteria), e.g.
      SNV,Sở Nội vụ,1.1.1,Ban hành kế hoạch cải cách hành chính năm,1,
      Ban hành kịp thời: 1; …,một mức: Ban hành kịp thời | …,,,,
    Units fill Tự chấm, Giá trị and Ghi chú; the council fills Thẩm định. `par-index compute
    forms` then reads the folder (the columns Tên đơn vị, Tên tiêu chí, Điểm tối đa, Cách chấm
    and Cách nhập giá trị only inform the unit and are passed over).

    Files (CSV with a UTF-8 byte-order mark, so that Excel shows the Vietnamese text), columns
    named in Vietnamese (the readers take them as the English names):
      units.csv            Mã đơn vị, Tên đơn vị, Nhóm
      self-assessment.csv  Mã đơn vị, Tên đơn vị, Tiêu chí, Tên tiêu chí, Điểm tối đa, Cách chấm,
                           Cách nhập giá trị, Tự chấm, Thẩm định, Giá trị, Ghi chú
      par-survey.csv       Mã người trả lời, Nhóm người trả lời, Mã đơn vị, a column per question
      sipas-survey.csv     Mã phiếu, Mã đơn vị, a column per satisfaction item
      deductions.csv       Mã đơn vị, Mã điểm trừ, Số lần, Ghi chú (no row when there is none)
      huong-dan.txt        the questions, answer scales, respondent groups, deduction kinds
    Existing files are kept unless --force.
cli-template-arg-year = The year the forms are for: the criteria's year (the built-in criteria are 2023's; give another year's criteria with --criteria)
cli-template-arg-units = The units: a units file (Mã đơn vị, Tên đơn vị, Nhóm or code, name, group; CSV or a workbook) or a year's folder holding one; the 31 units of the built-in Lạng Sơn sample when not given
cli-template-arg-group = Only the units of this group (so, huyen)
cli-template-arg-out = The folder to write into, created if missing (default: template-YEAR)
cli-template-arg-force = Replace files that already exist in the folder

## compute --format docx, explain --all (the annexes as a Word document; scorecards)

# compute --format docx (the annexes as a Word document)
cli-docx-with-ci = --format docx is for the annexes; give --ci with table, csv or json
cli-docx-on-terminal = --format docx writes a Word document, not text: give --output FILE.docx

# explain --all, explain --format xlsx|docx (the units' scorecards)
cli-explain-arg-all = Write the scorecard (phiếu kết quả) of every unit into the folder --output DIR, one file per unit named from its code (SNV.xlsx; a code Windows cannot take as a file name is changed), written all or none; the folder is created if needed. The year's folder may come right after --all.
cli-explain-binary-on-terminal = --format { $format } writes a document, not text: give --output FILE.{ $format }
cli-explain-all-with-unit = --all explains every unit: give no unit ("{ $unit }"), only the year's folder
cli-explain-all-needs-folder = --all writes one file per unit: give --output DIR, a folder (not a file)
cli-explain-cannot-create = cannot create the folder { $dir }
cli-explain-wrote = { $count ->
    [one] wrote { $count } scorecard in { $dir }
   *[other] wrote { $count } scorecards in { $dir }
}
cli-explain-cannot-write = cannot write { $file }
cli-template-arg-sipas = The satisfaction survey's form: questionnaires (sipas-survey.csv) or the results per unit as the survey contractor delivers them (sipas-results.csv)
cli-template-arg-sipas-value-sipas-survey = sipas-survey.csv: one row per questionnaire, a column per item
cli-template-arg-sipas-value-sipas-results = sipas-results.csv: one row per unit: valid questionnaires, each element's index (%), the unit's index (optional)
# Messages of src/cli (English). Ids start with "cli-"; each has its twin in locales/vi/cli.ftl.

## The kind of output, told by the file's name (src/cmd/kind.rs)
cli-format-contradicts = --format { $format } contradicts --output { $path }, whose extension means { $named }: leave out --format, or give the file the extension of { $format }
cli-extension-not-written = { $command } does not write .{ $ext } files (--output { $path }); its outputs are { $known }
cli-extension-unknown = cannot tell what to write from the name --output { $path }: name the file with one of { $known }, or say which with --format
cli-chart-extension = --chart { $path }: a chart is written to a file named { $known }
cli-arg-bom = CSV: start with a UTF-8 byte-order mark, on standard output too (a CSV file gets one anyway, so that Excel shows the Vietnamese text right)
cli-arg-no_bom = CSV: no byte-order mark, in a file too (for a program that does not expect one)

## par-index criteria
cli-criteria-arg-output = Write to FILE instead of standard output; its extension picks the format (.txt or .md table, .json, .toml, .xlsx)
cli-criteria-arg-format-value-toml = The whole rule set as a criteria file, with its provenance, sources and notes: edit it for another year and give it with --criteria
cli-template-year-builtin = the built-in criteria are those of { $builtin }; for { $year }, write them to a file with `par-index criteria --output criteria-{ $year }.toml`, set year = { $year } and that year's rules in it, and give it with --criteria

## --version
cli-version-line = { $version } (criteria { $id }: { $decision })

## par-index completions, par-index man
cli-completions-about = Print a shell's completion script, so that the shell completes par-index's commands and options
cli-completions-after-help =
    Examples:
      par-index completions bash > ~/.local/share/bash-completion/completions/par-index
      par-index completions zsh > ~/.zfunc/_par-index
      par-index completions fish > ~/.config/fish/completions/par-index.fish
      par-index completions powershell | Out-String | Invoke-Expression
          (PowerShell: add this line to your $PROFILE to keep it)
cli-completions-arg-shell = The shell: bash, zsh, fish, powershell or elvish
cli-man-about = Print the manual page (roff) of par-index or of one of its commands
cli-man-after-help =
    Examples:
      par-index man | man -l -
      par-index man compute --output par-index-compute.1
cli-man-arg-command = The command whose page to print (compute, check, …); par-index's own page when not given
cli-man-arg-output = Write the page to FILE instead of standard output
cli-man-unknown-command = there is no command { $name }; the commands are: { $known }
cli-criteria-arg-format-value-table = The trees as a table, with maxima, sources, rules and provenance
cli-criteria-arg-format-value-json = Everything the computation uses, for scripts
cli-criteria-arg-format-value-xlsx = The rules as a workbook to edit as a table: a sheet per group's tree (code, name, maximum, source, rule), the surveys, deductions, bands and sources; give it back with --criteria FILE.xlsx
cli-criteria-xlsx-on-terminal = --format xlsx writes a workbook, not text: give --output FILE.xlsx
