# Messages of src/stages (English). Ids start with "stages-"; each has its twin in locales/vi/stages.ftl.
stages-small-percentage = the value { $value } reads as { $value }% — { $percent }%? A percentage written as a plain number of at most 1 is most often a spreadsheet's fraction: write { $percent } (or { $percent }%) if that is meant
stages-value-outside-rule = no band of the rule holds { $value }: the points given stand

## Warnings: "par-index: warning: <file>:<line>: unit X, criterion Y: <message>"

stages-small-sample = { $count } valid questionnaires, below the minimum of { $min }: the satisfaction index is flagged
stages-element-unanswered = no valid answer on element { $code } ({ $name }): left out of the index
stages-not-appraised = not appraised: the self points { $points } stand
stages-not-appraised-na = not appraised: the self-assessed N/A stands
stages-rule-disagrees-appraised = appraised { $points } points, but the rule gives { $rule } for { $value }
stages-rule-disagrees-self = self-assessed { $points } points, but the rule gives { $rule } for { $value }
stages-missing-zero = { $what }: scored 0 (--missing zero)
stages-level = level { $level }

## Gaps in the data (errors unless --missing zero)

stages-missing-survey = no valid survey answer about this unit for the leaf's questions
stages-missing-survey-hint = add the officials' answers to this leaf's questions about the unit, or run with --missing zero
stages-missing-sipas = no valid satisfaction questionnaire about this unit
stages-missing-sipas-hint = add the unit's satisfaction questionnaires, or run with --missing zero
stages-missing-appraisal = no points, no appraisal and no value for this applicable criterion
stages-missing-appraisal-hint = add the row (points, appraised points or a value), write N/A where the criterion does not apply, or run with --missing zero
stages-no-maximum = every criterion is N/A: the unit has no maximum
stages-strict = { $message } (--strict)
stages-missing-sipas-results = the unit has no row of results in the satisfaction survey's results
stages-sipas-index-disagrees = the delivered index { $given } is not the mean of the delivered element indices ({ $mean }…): the mean stands, as the method computes the index
stages-element-not-delivered = no index delivered for element { $code } ({ $name }): left out of the index
stages-missing-sipas-results-hint = add the unit's row of results to the satisfaction survey's results (sipas-results), or run with --missing zero
