# Thông điệp của src/reports (tiếng Việt). Mã bắt đầu bằng "reports-"; mỗi mã có bản tương ứng trong locales/en/reports.ftl.
