# Messages of src/criteria (English). Ids start with "criteria-"; each has its twin in locales/vi/criteria.ftl.
