# Messages of src/criteria (English). Ids start with "criteria-"; each has its twin in locales/vi/criteria.ftl.

## Reading the file

criteria-cannot-read = cannot read criteria file { $file }
criteria-not-utf8 = not UTF-8 text (invalid byte at offset { $offset })
criteria-not-utf8-hint = save the criteria file as UTF-8
# the TOML reader's own words, framed
criteria-not-toml = not a criteria file as written: { $detail }
# what the TOML reader expected, in its sentence "invalid type: …, expected …"
criteria-expected-decimal = a decimal number such as 1.5
criteria-expected-table = a table
criteria-number-range = { $value } is out of range: numbers here lie between -1000000 and 1000000, with at most 10 decimals
criteria-number-unusable = { $value } is not a usable decimal
criteria-number-not-decimal = "{ $value }" is not a decimal number

## Words of the rules, for messages (the documents use the Vietnamese ones)

criteria-source-appraisal = appraisal
criteria-source-survey = officials' survey
criteria-source-sipas = satisfaction index
criteria-rule-free = points from 0 to { $max }
criteria-rule-one-of = one of: { $values }
criteria-rule-proportional = rate (%) × { $max } (rate capped at 100%)
criteria-interval-any = any value
criteria-interval-from = from { $value }
criteria-interval-above = above { $value }
criteria-interval-to = to { $value }
criteria-interval-to-below = to below { $value }
criteria-interval-up-to = up to { $value }
criteria-interval-below = below { $value }
criteria-times = { $count ->
    [one] { $count } time
   *[other] { $count } times
}

## What a problem concerns: "group so, node 1.2: …"

criteria-subject-group = group { $group }
criteria-subject-node = { $group }, node { $code }
criteria-subject-group-survey = { $group } survey
criteria-subject-respondent-group = { $group }, respondent group { $id }
criteria-subject-question = { $group }, question { $id }
criteria-subject-option = survey option "{ $option }"
criteria-subject-element = element { $code }
criteria-subject-item = item "{ $id }"
criteria-subject-deduction = deduction { $code }
criteria-subject-band = band { $name }
criteria-column-item = a satisfaction item
criteria-column-question = question of { $group }
criteria-what-allowed = allowed value { $value }
criteria-what-level = level "{ $name }"
criteria-what-band = band { $band }

## Problems

criteria-provenance-unknown = provenance "{ $provenance }" is not a key of [sources] (known: { $known })
criteria-provenance-missing = provenance is missing
criteria-negative = { $key } { $value } is negative
criteria-id-empty = the id is empty
criteria-id-reserved = "{ $id }" is a reserved column name
criteria-id-characters = an id must not contain spaces, commas, semicolons or quotes
criteria-id-used = id already used by { $other }
criteria-code-empty = the code is empty
criteria-no-group = no unit group is defined
criteria-decimals-range = publish.decimals { $decimals } must be between 0 and 6
criteria-ranking-unknown = publish.ranking "{ $ranking }" must be "exact" or "published"
criteria-option-empty = an option code must not be empty or X (X means no answer)
criteria-option-duplicate = duplicate option
criteria-weight-range = weight { $weight } must be between 0 and 100 (%)
criteria-scale-too-long = the survey scale has { $count } options; at most 50
criteria-scale-empty = the survey scale has no option
criteria-scale-zero = every survey scale weight is zero
criteria-sipas-level-range = sipas level { $level } must be between 0 and 100
criteria-sipas-level-twice = sipas level { $level } is listed twice
criteria-sipas-scale-empty = the satisfaction scale has no level
criteria-sipas-scale-too-long = the satisfaction scale has { $count } levels; at most 50
criteria-satisfied-unknown = satisfied level { $level } is not on the sipas scale
criteria-satisfied-none = no level counts as satisfied
criteria-element-code-empty = element code is empty
criteria-element-duplicate = duplicate element code
criteria-element-no-item = the element has no item
criteria-item-duplicate = duplicate item id
criteria-sipas-no-element = the satisfaction questionnaire has no element
criteria-group-id = a group id must be a plain word such as so or huyen
criteria-code-malformed = malformed code: write dotted numbers such as 3 or 3.2 or 3.2.1
criteria-code-too-deep = too deep: at most three levels (field, criterion, sub-criterion)
criteria-code-duplicate = duplicate code (first at line { $line })
criteria-parent-missing = its parent { $parent } is not defined
criteria-name-empty = the name is empty
criteria-max-not-positive = max { $max } must be above 0
criteria-max-not-sum = max is { $max } but its children add up to { $sum } ({ $children })
criteria-key-on-parent = { $key } is given but the node has sub-criteria: only leaves have a { $key }
criteria-total-not-sum = total is { $total } but the fields add up to { $sum }
criteria-split-not-sum = split says { $declared } points by { $source } but the { $source } leaves add up to { $actual }
criteria-source-missing = a leaf needs source = "appraisal", "survey" or "sipas"
criteria-source-unknown = unknown source "{ $source }": write appraisal, survey or sipas
criteria-rule-not-appraisal = a { $source } leaf takes no rule: only appraisal leaves are scored by a rule
criteria-rule-key-not-appraisal = { $key } belongs to a rule; a { $source } leaf has none
criteria-rule-missing = an appraisal leaf needs a rule: free, levels, bands or proportional
criteria-rule-unknown = unknown rule "{ $rule }": write free, levels, bands or proportional
criteria-rule-key-foreign = { $key } does not belong to a { $rule } rule
criteria-points-negative = { $what } gives { $points } points, below 0
criteria-points-over-max = { $what } gives { $points } points, more than the leaf's max { $max }
criteria-allowed-twice = allowed value { $value } is listed twice
criteria-allowed-empty = allowed is empty
criteria-levels-missing = a levels rule needs levels = [{"{"} name, points {"}"}, …]
criteria-levels-empty = levels is empty
criteria-level-name-empty = a level has an empty name
criteria-level-twice = level "{ $name }" is named twice
criteria-on-unknown = on = "{ $on }": write "percent" or "count"
criteria-on-missing = a bands rule needs on = "percent" or "count"
criteria-bands-missing = a bands rule needs bands = [{"{"} from, below, points {"}"}, …]
criteria-rule-band-keys = a rule's band takes bounds and points only
criteria-band-no-points = the band has no points
criteria-band-bounds = a band takes one lower bound (from or above) and one upper bound (to or below); at stands for both
criteria-bound-negative = bound { $value } is negative
criteria-bands-empty = no band is given
criteria-band-reversed = band thresholds out of order: its lower bound lies above its upper bound
criteria-bands-out-of-order = band thresholds out of order: list the bands all ascending or all descending
criteria-bands-overlap = bands overlap: this band and the one at line { $line } share values
criteria-bands-gap = bands leave a gap: { $gap }
criteria-gap-start = no band holds values from { $from } up to { $to }
criteria-gap-counts = no band holds the counts from { $from } to { $to }
criteria-gap-between = no band holds the values between { $from } and { $to }
criteria-gap-above = no band holds values above { $value }
criteria-gap-from = no band holds values from { $value }
criteria-survey-missing = survey leaf but [groups.{ $group }.survey] is missing
criteria-respondent-group-duplicate = duplicate respondent group
criteria-respondent-groups-none = no respondent group rates this group
criteria-respondent-groups-zero = every respondent group weight is zero
criteria-question-leaf-unknown = its leaf { $leaf } is not a node of { $group }
criteria-question-leaf-source = its leaf { $leaf } is not a survey leaf (source { $source })
criteria-question-leaf-parent = its leaf { $leaf } is not a survey leaf (it has sub-criteria)
criteria-survey-leaf-unasked = survey leaf with no question
criteria-survey-leaf-unasked-hint = add a [[groups.{ $group }.survey.questions]] with this leaf
criteria-deduction-duplicate = duplicate deduction code
criteria-band-name-missing = a band needs a name
criteria-band-name-duplicate = duplicate band name
criteria-band-points = a band of the index takes no points
## Comments of a criteria file written by `par-index criteria --format toml` (src/criteria/export.rs)
criteria-toml-header =
    Criteria { $id } of { $province } for { $year }, written out by par-index.
    Correct each value together with its provenance (a key of the sources), check the file with
      par-index criteria --check FILE
    and use it with --criteria FILE.
criteria-toml-group = Group { $id }: { $name }
criteria-toml-field = Field { $code }: { $name } ({ $max } points)
criteria-toml-survey = Answer scale of the officials' survey (shared by the groups)
criteria-toml-sipas = The questionnaire of citizens' and organisations' satisfaction (SIPAS)
criteria-toml-deductions = Deductions (taken from the total points; the total is never negative)
criteria-toml-bands = Bands of the published PAR index
