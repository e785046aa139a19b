# Thông điệp của src/cli (tiếng Việt). Mã bắt đầu bằng "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.

# compute --format docx (phụ lục dạng văn bản Word)
cli-docx-with-ci = --format docx dành cho các phụ lục; dùng --ci với table, csv hoặc json
cli-docx-on-terminal = --format docx ghi ra văn bản Word, không phải văn bản thuần: hãy dùng --output TỆP.docx
