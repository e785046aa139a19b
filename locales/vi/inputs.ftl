# Thông điệp của src/inputs (tiếng Việt). Mã bắt đầu bằng "inputs-"; mỗi mã có bản tương ứng trong locales/en/inputs.ftl.
