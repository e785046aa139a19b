# Messages of src/uncertainty (English). Ids start with "uncertainty-"; each has its twin in locales/vi/uncertainty.ftl.
