# Messages shared by every part of par-index: how a problem is located and counted.
# Every id here has its twin in locales/vi/common.ftl, with the same placeholders.

# "column unit: unit S1: …"
common-column = column { $name }
common-hint = hint: { $hint }
common-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
common-criteria-invalid = the criteria file is invalid ({ $problems })
common-input-invalid = the input data is invalid ({ $problems })
# The prefix of a warning line on standard error: "par-index: warning: …"
common-warning = warning
common-more-problems = … and { $count } more problems in this file
# The prefix of a note on standard error (how a file was read): "par-index: note: …"
common-note = note

# Writing the results
common-cannot-write = cannot write { $file }
common-cannot-write-stdout = cannot write to standard output

# What a problem or warning concerns: "unit SNV, criterion 1.2.1: …"
common-subject-unit = unit { $unit }
common-subject-unit-criterion = unit { $unit }, criterion { $criterion }
# A file that could not be replaced on Windows because another program holds it open.
common-file-in-use = if the file is open in Excel or another program, close it there and run again
