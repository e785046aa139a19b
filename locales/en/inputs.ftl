# Messages of src/inputs (English): reading the files of a year. Ids start with "inputs-"; each
# has its twin in locales/vi/inputs.ftl, with the same placeholders.

## Files and folders
inputs-cannot-read = cannot read { $file }
inputs-cannot-read-folder = cannot read the year's folder { $folder }
inputs-not-a-folder = not a folder
inputs-no-such-file = no such file
inputs-cannot-read-units-of = cannot read the units of { $folder }
inputs-no-units-file = the folder has no units.csv (nor units.xlsx)
inputs-reading-failed = reading the year's files failed
inputs-file-missing = the file is missing
inputs-file-missing-hint = every year's folder holds { $stem }.csv (or .xlsx); see docs/inputs.md
inputs-several-files = several files for { $stem }: { $files }
inputs-several-files-hint = keep one of them in the folder
inputs-unreadable = cannot be read: { $error }

## Text files
inputs-utf16-without-bom = the file looks like UTF-16 text without a byte-order mark
inputs-utf16-without-bom-hint = save it from Excel as "CSV UTF-8" or "Unicode Text"
inputs-not-text = the file is not text (it contains NUL bytes)
inputs-not-text-hint = give a CSV file, or a workbook with its extension (.xlsx, .xls, .ods)
inputs-not-utf8 = the text is not UTF-8
inputs-not-utf8-hint = save the file as "CSV UTF-8", or name its encoding with --encoding (e.g. --encoding windows-1258)
inputs-note-encoding = read as { $encoding } (the text is not UTF-8; this encoding was detected)
inputs-note-encoding-hint = if the names look wrong, give the file's encoding with --encoding, or save it as "CSV UTF-8"
inputs-quote-runs-over = a quoted cell runs over { $lines } lines, from line { $line }
inputs-quote-runs-over-hint = a closing quote (") is probably missing on this line
inputs-ragged = the row has { $cells } cells but the header has { $columns } columns
inputs-ragged-hint = check for a missing or extra delimiter, or an unclosed quote on this or an earlier line

## Workbooks
inputs-not-a-workbook = the file is not an .{ $extension } workbook (it is not what Excel saves under that name)
inputs-not-a-workbook-hint = if it is CSV text, rename it to .csv; otherwise save it again from Excel as .xlsx
inputs-workbook-damaged = the workbook is damaged and cannot be read
inputs-workbook-damaged-detail = the workbook is damaged and cannot be read (technical detail: { $error })
inputs-workbook-damaged-hint = open it in Excel and save it again as .xlsx, or export the sheet as CSV UTF-8
inputs-workbook-no-sheet = the workbook has no sheet
inputs-sheet-unreadable = the sheet cannot be read: { $error }
inputs-note-sheet-named = read the sheet { $sheet } (named for the file)
inputs-note-sheet-found = read the sheet { $sheet } (the first whose header holds the file's columns)
inputs-note-sheet-hint = the workbook's sheets: { $sheets }
inputs-no-sheet-fits = no sheet has the columns { $columns } in its first rows (sheets: { $sheets })
inputs-no-sheet-fits-hint = name the sheet "{ $role }", or give it a header row with these columns

## Headers and columns
inputs-empty = the file is empty: it has no header row
inputs-empty-hint = the first row names the columns
inputs-note-header-below = the header is on line { $line }; lines { $first } to { $last } above it are skipped: { $rows }
inputs-note-header-below-one = the header is on line { $line }; line { $first } above it is skipped: { $rows }
inputs-missing-columns = { $count ->
    [one] missing column: { $columns }
   *[other] missing columns: { $columns }
}
inputs-missing-columns-hint = the header row reads: { $header }
inputs-column-twice = column { $column } appears twice (columns { $first } and { $second })
inputs-column-twice-hint = keep one of them
inputs-unknown-column = unknown column "{ $column }"
inputs-units-columns = units.csv has the columns code, name, group (or Mã đơn vị, Tên đơn vị, Nhóm)
inputs-self-assessment-columns = the columns are unit, criterion, self, appraised, value, note (or Mã đơn vị, Tiêu chí, Tự chấm, Thẩm định, Giá trị, Ghi chú); hint columns start with #
inputs-deductions-columns = the columns are unit, code, times, note (or Mã đơn vị, Mã điểm trừ, Số lần, Ghi chú)

## Units
inputs-unit-code-empty = the unit code is empty
inputs-unit-code-empty-hint = give every unit a short code, e.g. SNV
inputs-unknown-group = unknown group "{ $group }"
inputs-unknown-group-hint = the criteria define the groups { $groups }
inputs-unit-twice = duplicate unit (first at line { $first })
inputs-unit-twice-hint = each unit has one row
inputs-no-unit = no unit is listed
inputs-no-unit-hint = one row per unit: code,name,group
inputs-unknown-unit = unknown unit "{ $code }"
inputs-unknown-unit-rows = unknown unit "{ $code }" (on { $rows } rows; this is the first)
inputs-unit-empty = { $rows ->
    [one] the unit code is empty
   *[other] the unit code is empty on { $rows } rows (this is the first)
}
inputs-unit-empty-hint = give the unit's code on every row; a code merged down its rows in Excel is read from the workbook itself (.xlsx), but a CSV saved from it keeps the code on the first row only
inputs-list-the-unit = list the unit in units.csv
inputs-did-you-mean-unit = did you mean { $codes }? Otherwise list the unit in units.csv

## Self-assessment
inputs-unknown-criterion = unknown criterion "{ $criterion }" for a { $group } unit
inputs-unknown-criterion-hint = criterion codes are those of `par-index criteria`, e.g. 1.2.1
inputs-not-a-leaf = it has sub-criteria: give one row per sub-criterion
inputs-not-appraisal = it is scored by { $source }, not by appraisal
inputs-takes-no-row = criterion { $criterion } takes no self-assessment row: { $why }
inputs-row-twice = duplicate row (first at line { $first })
inputs-row-twice-hint = one row per unit and criterion
inputs-not-points = "{ $text }" is not points
inputs-not-points-hint = write points such as 1.5 or 1,5; N/A or KĐG when the criterion does not apply; or leave empty
inputs-points-outside = { $points } points is outside [0, { $max }]
inputs-points-not-allowed = { $points } points is not a value the rule gives (allowed: { $allowed }; rule: { $rule })
inputs-value-for-free-points = criterion { $criterion } is scored by free points: enter them in self or appraised, not a value
inputs-not-a-level = "{ $text }" is not a level of this criterion (levels: { $levels })
inputs-not-a-count = "{ $text }" is not a count (a whole number of times, 0 or more)
inputs-not-a-percentage = "{ $text }" is not a percentage (write 85, 85%, 85,5 or a ratio such as 17/20)
inputs-negative-percentage = "{ $text }": a percentage cannot be negative
inputs-value-outside-bands = no band of the rule holds { $value }: the rule cannot score it
inputs-value-outside-bands-hint = give the points (appraised, or self), or correct the value

## Deductions
inputs-subject-deduction = unit { $unit }, deduction { $code }
inputs-unknown-deduction = unknown deduction kind "{ $code }"
inputs-unknown-deduction-hint = the criteria define: { $kinds }
inputs-not-times = "{ $text }" is not a number of times
inputs-not-times-hint = a whole number, 0 or more
inputs-deduction-twice-hint = one row per unit and deduction kind: add up the times

## Surveys
inputs-subject-item = item { $item }
inputs-subject-question = unit { $unit }, question { $question }
inputs-subject-unit-group = unit { $unit } ({ $group })
inputs-item-twice = item { $item } has two columns
inputs-unknown-item = unknown item "{ $item }"
inputs-unknown-item-hint = the items are { $items }; comment columns start with #
inputs-missing-items = missing item columns: { $items }
inputs-missing-items-hint = one column per item of the questionnaire, named by its id
inputs-questionnaire-id-empty = the questionnaire id is empty
inputs-questionnaire-twice = the questionnaire id appears twice for this unit (first at line { $first })
inputs-questionnaire-twice-hint = one row per questionnaire
inputs-off-scale = answer "{ $answer }" is off the scale ({ $scale }; empty or X for no answer)
inputs-question-twice = question { $question } has two columns ({ $first } and { $second })
inputs-unknown-question = unknown question "{ $question }"
inputs-unknown-question-hint = question columns are the ids of `par-index criteria` (e.g. S01, H01); comment columns start with #
inputs-missing-question = missing column { $question }
inputs-missing-question-hint = question { $question } of group { $group } ({ $text })
inputs-respondent-id-empty = the respondent id is empty
inputs-respondent-group-does-not-rate = respondent group "{ $respondent_group }" does not rate { $group } units
inputs-respondent-group-does-not-rate-hint = the groups that rate { $group } units are: { $groups }
inputs-answer-other-group = an answer to a question about { $group } units
inputs-answer-other-group-hint = leave the other group's questions empty
inputs-respondent-twice = the respondent rates unit { $unit } twice (first at line { $first })
inputs-respondent-twice-hint = one row per respondent and rated unit

## An earlier year's export (--previous)
inputs-previous-cannot-read = cannot read the previous year's export { $file }
inputs-previous-hint = give the JSON export of `par-index compute --format json`, or its CSV (--format csv) or workbook (--format xlsx) with Phụ lục II
inputs-previous-not-text = the text is neither UTF-8 nor UTF-16 with a byte-order mark
inputs-previous-not-json = not valid JSON: { $error }
inputs-previous-no-units-list = not an export of par-index compute: there is no "units" list
inputs-previous-unit-incomplete = units[{ $k }] has no "code" or no "par"."index" number
inputs-previous-no-table = no Phụ lục II table: no header row with the columns "{ $code }" and "{ $index }"
inputs-previous-not-an-index = unit { $unit }: "{ $text }" is not an index
inputs-previous-not-a-rank = unit { $unit }: "{ $text }" is not a rank
inputs-previous-unit-twice = unit { $unit } is listed twice (also unit #{ $first })
inputs-previous-unit-twice-hint = each unit appears once in an export
inputs-previous-no-unit = the export lists no unit

## The satisfaction survey delivered as results (sipas-results.csv)
inputs-file-missing-sipas-hint = every year's folder holds sipas-survey.csv (the questionnaires) or sipas-results.csv (the results per unit, as the survey contractor delivers them), or the same as a workbook; see docs/inputs.md
inputs-sipas-both = both sipas-survey (the questionnaires) and sipas-results (the results per unit) are in the folder
inputs-sipas-both-hint = keep the one the satisfaction index is to be computed from, and move the other out of the folder
inputs-element-twice = element { $element } has two columns
inputs-unknown-element = unknown column "{ $column }": not an element of the questionnaire
inputs-unknown-element-hint = the elements are { $elements }; name each column by the element's code or name
inputs-results-no-figures = no column of figures: give each element's index (a column per element) or the unit's index (index)
inputs-results-twice-hint = one row per unit
inputs-results-row-empty = no figure on this row: give each element's index, or the unit's index
inputs-not-an-index = "{ $text }" is not an index in % (0 to 100)
inputs-not-an-index-hint = write the index as 85.25, 85,25 or 85.25%

## A rule set given as a workbook (--criteria FILE.xlsx)
inputs-rules-sheet-missing = the workbook has no sheet "{ $sheet }"
inputs-rules-column-missing = missing column: { $column }
inputs-rules-hint = start from the workbook `par-index criteria --output FILE.xlsx` writes: its sheets and columns are the ones read
inputs-rules-tree-missing = no sheet holds the tree of group { $group } (a sheet named by the group's id)
inputs-rules-parameters = the rule's parameters cannot be read: { $detail }
inputs-rules-parameters-hint = write them as the exported workbook does, e.g. levels = [{"{"} name = "Kịp thời", points = 1 {"}"}, …] or on = "percent", bands = [{"{"} from = 90, points = 2 {"}"}, …]
