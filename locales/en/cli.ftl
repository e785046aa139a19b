# Messages of src/cli (English). Ids start with "cli-"; each has its twin in locales/vi/cli.ftl.

# compute --format docx (the annexes as a Word document)
cli-docx-with-ci = --format docx is for the annexes; give --ci with table, csv or json
cli-docx-on-terminal = --format docx writes a Word document, not text: give --output FILE.docx
