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
# A file that could not be replaced on Windows because another program holds it open.
common-file-in-use = if the file is open in Excel or another program, close it there and run again
