# Thông điệp của src/uncertainty (tiếng Việt). Mã bắt đầu bằng "uncertainty-"; mỗi mã có bản tương ứng trong locales/en/uncertainty.ftl.
