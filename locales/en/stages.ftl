# Messages of src/stages (English). Ids start with "stages-"; each has its twin in locales/vi/stages.ftl.
