# Thông điệp của src/stages (tiếng Việt). Mã bắt đầu bằng "stages-"; mỗi mã có bản tương ứng trong locales/en/stages.ftl.
