# Thông điệp của src/criteria (tiếng Việt). Mã bắt đầu bằng "criteria-"; mỗi mã có bản tương ứng trong locales/en/criteria.ftl.
