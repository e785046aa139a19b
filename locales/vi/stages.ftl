# Thông điệp của src/stages (tiếng Việt). Mã bắt đầu bằng "stages-"; mỗi mã có bản tương ứng trong locales/en/stages.ftl.
stages-small-percentage = giá trị { $value } được đọc là { $value }% — có phải { $percent }%? Tỷ lệ ghi bằng số không quá 1 thường là phân số của bảng tính: nếu đúng vậy, hãy ghi { $percent } (hoặc { $percent }%)
stages-value-outside-rule = không khung điểm nào của cách chấm chứa { $value }: giữ số điểm đã ghi
