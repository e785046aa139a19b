# Thông điệp của src/cli (tiếng Việt). Mã bắt đầu bằng "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.
