# Messages of src/cli (English). Ids start with "cli-"; each has its twin in locales/vi/cli.ftl.
