# Messages of src/cli (English). Ids start with "cli-"; each has its twin in locales/vi/cli.ftl.

# compute --format docx (the annexes as a Word document)
cli-docx-with-ci = --format docx is for the annexes; give --ci with table, csv or json
cli-docx-on-terminal = --format docx writes a Word document, not text: give --output FILE.docx

# explain --all, explain --format xlsx|docx (the units' scorecards)
cli-explain-all = Write the scorecard (phiếu kết quả) of every unit into the folder --output DIR, one file per unit named from its code (SNV.xlsx; a code Windows cannot take as a file name is changed), written all or none; the folder is created if needed. The year's folder may come right after --all.
cli-explain-format = Output format: table (default) or json; xlsx or docx for the unit's scorecard (its results, what it takes to pass the unit above and to reach the next band, neighbours, criteria by points lost and against the group's best, the whole tree). With --all: xlsx (default), docx, json or table, one file per unit.
cli-explain-binary-on-terminal = --format { $format } writes a document, not text: give --output FILE.{ $format }
cli-explain-all-with-unit = --all explains every unit: give no unit ("{ $unit }"), only the year's folder
cli-explain-all-needs-folder = --all writes one file per unit: give --output DIR, a folder (not a file)
cli-explain-cannot-create = cannot create the folder { $dir }
cli-explain-wrote = { $count ->
    [one] wrote { $count } scorecard in { $dir }
   *[other] wrote { $count } scorecards in { $dir }
}
cli-explain-cannot-write = cannot write { $file }
