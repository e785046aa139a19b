# Messages of src/criteria (English). Ids start with "criteria-"; each has its twin in locales/vi/criteria.ftl.

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
