# Messages of src/uncertainty (English). Ids start with "uncertainty-"; each has its twin in locales/vi/uncertainty.ftl.

## Values given on the command line

uncertainty-not-percent = "{ $value }" is not a percentage (e.g. 95 or 99.5)
uncertainty-percent-range-from = { $value } is out of range: give a percentage from { $min } (inclusive) to { $max } (exclusive)
uncertainty-percent-range-above = { $value } is out of range: give a percentage from { $min } (exclusive) to { $max } (exclusive)
uncertainty-level = { $reason }; --ci takes an optional level, so write the year's folder before it (compute DIR --ci)
uncertainty-replicates-not-whole = "{ $value }" is not a whole number of replicates
uncertainty-replicates-range = { $count } replicates: give from 1 to { $max } (the defaults are usually right)
uncertainty-spread-range = spread { $spread }%: give a percentage from 0 to 100 (exclusive)

## Running

uncertainty-answers-needed = the bootstrap needs every answer: read the year with keep_answers
uncertainty-sensitivity-overflow = the perturbed maxima cannot be computed in exact decimals: the criteria's maxima are too large, or all 0
# the progress bar on a terminal: "bootstrap [=====>    ] 812/2000 (3s, 4s left)"
uncertainty-progress-bootstrap = bootstrap
uncertainty-progress-sensitivity = sensitivity
uncertainty-eta = { $eta } left
