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
reports-criteria-deduction = { $code } { $name }: minus { $points } each time, at most { $cap } in all [{ $provenance }]
reports-criteria-bands = Bands: { $bands }
reports-criteria-rounding = Rounding: { $decimals } decimals, half away from zero (as Excel's ROUND); ranked on the { $ranking } values
reports-criteria-ranking-exact = exact
reports-criteria-ranking-published = published
reports-criteria-sources = Sources (* = not confirmed for { $province }'s year { $year }):

## compute --ci and sensitivity: how sure is a rank (their CSV keeps the Vietnamese headers of a data file)

reports-xlsx-refused = --format xlsx is for the annexes; use table, csv or json
reports-col-rank = Rank
reports-col-unit = Unit
reports-col-index = Index
reports-ci-heading = How sure are the ranks: { $title }
reports-ci-method-sipas = Bootstrap of { $replicates } replicates, confidence level { $level }%, seed { $seed }: satisfaction questionnaires redrawn within each unit; appraisal points and deductions fixed.
reports-ci-method-par = Bootstrap of { $replicates } replicates, confidence level { $level }%, seed { $seed }: satisfaction questionnaires redrawn within each unit, and the officials' survey answers within each unit and respondent group; appraisal points and deductions fixed.
reports-ci-col-valid = Valid
reports-ci-col-interval = CI { $level }%
reports-ci-col-ranks = Ranks ({ $level }%)
reports-ci-col-next = Ahead of the next (CI { $level }%)
reports-ci-all-supported = The data support the order of every pair of adjacent units at { $level }%.
reports-ci-unsupported = ≈ The data do not support the order with the unit ranked just after at { $level }% (the interval of the difference contains 0): { $count } of { $pairs } adjacent pairs.
reports-ci-small = † Below the minimum of valid questionnaires ({ $min }): { $units }
reports-ci-legend = CI = confidence interval (bootstrap percentiles); Ranks ({ $level }%) = best … worst rank at { $level }%.
reports-sensitivity-title = How the PAR index ranks of { $year } move with the maxima of the fields
reports-sensitivity-method = Each replicate multiplies the maximum of every field by a random factor in { $factors }, then scales the maxima back to the group's total; the units' points follow. { $replicates } replicates, seed { $seed }.
reports-sensitivity-group = { $name } (total { $total })
reports-sensitivity-col-median = Median rank
reports-sensitivity-col-range = Rank P5 … P95
reports-sensitivity-col-shift = Mean shift
reports-sensitivity-fields = Field maxima drawn (lowest … highest): { $fields }
reports-sensitivity-legend = Rank P5 … P95: 90% of the replicates rank the unit in this range; Mean shift = mean of |replicate rank − published rank|.

## explain: where a unit lost its points (the names of units and criteria as written)

reports-explain-unit = { $name } ({ $code }): { $group }, { $year }
reports-explain-par = PAR index { $index }%: rank { $rank }/{ $of }
reports-explain-par-band = PAR index { $index }%: rank { $rank }/{ $of }, band { $band }
# a rank decided below the published precision (the annexes' note, "*")
reports-explain-rank-note = equal to { $others } when rounded ({ $published }); ranked on the exact value { $own }
reports-explain-total = Points { $total } of { $max }: { $lost } points lost
reports-explain-total-deducted = Points { $total } of { $max }: { $lost } points lost (deductions { $deductions } of them)
reports-explain-sipas = Satisfaction index { $index }%: rank { $rank }/{ $of } ({ $count ->
    [one] { $count } valid questionnaire
   *[other] { $count } valid questionnaires
})
reports-explain-sipas-small = Satisfaction index { $index }%: rank { $rank }/{ $of } ({ $count ->
    [one] { $count } valid questionnaire
   *[other] { $count } valid questionnaires
}, below the minimum of { $min })
reports-explain-sipas-none = Satisfaction index: no valid questionnaire
reports-explain-year = { $year }
reports-explain-last-year = last year
reports-explain-previous = Against { $label }: index { $before }% → { $now }% ({ $change })
reports-explain-previous-new = Against { $label }: a new unit, not in { $file }
reports-explain-previous-other-group = in another group then
reports-explain-previous-rank = rank { $before } → { $now } ({ $change })
reports-explain-tree = Points by field and criterion (Lost = Max − Points; N/A: does not apply):
# column headings of 7 characters at most; one with a space is written on two rows
reports-explain-col-max = Max
reports-explain-col-self = Self
reports-explain-col-appraised = Appr.
reports-explain-col-survey = Survey
reports-explain-col-sipas = Sat.
reports-explain-col-points = Points
reports-explain-col-lost = Lost
reports-explain-col-criterion = Criterion
reports-explain-na = N/A
reports-explain-mark-self = not appraised
reports-explain-mark-rule = by the rule
reports-explain-mark-missing = no data: 0
reports-explain-deductions-row = Deductions
reports-explain-total-row = Total
reports-explain-nothing-lost = No criterion lost points.
reports-explain-lost-most = Most points lost: { $shown } of the { $count } criteria that lost points (of { $leaves } criteria):
reports-explain-more = … and { $count } more (--top 0 shows them all).
reports-explain-deductions = Deductions:
reports-explain-deduction = { $code } { $name }: { $count ->
    [one] once
   *[other] { $count } times
}, { $points } points off
reports-explain-ranking = Ranking in the group { $group }:
reports-explain-ahead = { $gap } points ahead
reports-explain-behind = { $gap } points behind
reports-explain-equal = equal when rounded
reports-explain-to-pass = To pass { $code }, more than { $points } points are needed (index gap × maximum / 100).
reports-explain-first = First in its group.
reports-explain-warnings = Warnings about the unit ({ $count }):
reports-explain-why-appraised = appraised { $points }
reports-explain-why-appraised-self = appraised { $points } (self { $own })
reports-explain-why-self = not appraised: the self points { $points } stand
reports-explain-why-rule = points from the rule applied to the value
reports-explain-why-missing = no data: scored 0 (--missing zero)
reports-explain-why-survey = officials' survey: { $score }% of the points
reports-explain-why-sipas = satisfaction index { $score }%
reports-explain-why-value = value { $value }
reports-explain-why-rule-text = rule: { $rule }
reports-rank-same = same rank
reports-rank-up = up { $count ->
    [one] { $count } place
   *[other] { $count } places
}
reports-rank-down = down { $count ->
    [one] { $count } place
   *[other] { $count } places
}
reports-ci-sipas-held = The satisfaction survey was delivered as results per unit (sipas-results): there are no questionnaires to redraw, so the satisfaction index has no interval and is held as delivered in every replicate.
reports-ci-method-par-sipas-held = Bootstrap of { $replicates } replicates, confidence level { $level }%, seed { $seed }: the officials' survey answers redrawn within each unit and respondent group; the satisfaction index held as delivered, appraisal points and deductions fixed.
