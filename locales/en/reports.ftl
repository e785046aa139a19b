# Messages of src/reports (English). Ids start with "reports-"; each has its twin in locales/vi/reports.ftl.
