# Messages of src/reports (English). Ids start with "reports-"; each has its twin in locales/vi/reports.ftl.

## check: the year's problems, by file

reports-check-units = { $dir }: { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
reports-check-line = line { $line }
reports-check-column = column { $column }
reports-check-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
reports-check-clean = no problem found
reports-check-found = { $problems } found

## criteria: the rules as an analyst reads them (names and wording of the rules as the file writes them)

reports-criteria-valid = { $file }: valid ({ $id } { $year }, { $groups } groups, { $nodes } nodes, { $questions } survey questions, { $items } satisfaction items)
reports-criteria-group = Group { $group } — { $name }: { $total } points ({ $split })
reports-criteria-col-code = Code
reports-criteria-col-criterion = Criterion
reports-criteria-col-max = Max
reports-criteria-col-source = Source
reports-criteria-col-rule = Rule
reports-criteria-col-basis = Basis
reports-criteria-questions = questions { $questions }
reports-criteria-respondent-group = { $id } ({ $name }, weight { $weight })
reports-criteria-respondents = Survey respondents: { $groups } [{ $provenance }]
reports-criteria-scale = Answer scale of the officials' survey: { $scale }
reports-criteria-sipas = Satisfaction index: { $elements } elements, { $items } items; satisfied = level { $levels }; at least { $min } valid questionnaires per unit [{ $provenance }]
reports-criteria-deductions = Deductions (at most { $cap } points):
reports-criteria-deduction = { $code } { $name }: { $points } points a time, at most { $cap } [{ $provenance }]
reports-criteria-bands = Bands: { $bands }
reports-criteria-rounding = Rounding: { $decimals } decimals, half away from zero (as Excel's ROUND); ranked on the { $ranking } values
reports-criteria-ranking-exact = exact
reports-criteria-ranking-published = published
reports-criteria-sources = Sources (* = not confirmed for { $province }'s year { $year }):
