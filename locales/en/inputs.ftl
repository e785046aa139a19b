# Messages of src/inputs (English). Ids start with "inputs-"; each has its twin in locales/vi/inputs.ftl.
