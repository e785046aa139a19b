# Messages of src/stages (English). Ids start with "stages-"; each has its twin in locales/vi/stages.ftl.
stages-small-percentage = the value { $value } reads as { $value }% — { $percent }%? A percentage written as a plain number of at most 1 is most often a spreadsheet's fraction: write { $percent } (or { $percent }%) if that is meant
stages-value-outside-rule = no band of the rule holds { $value }: the points given stand
