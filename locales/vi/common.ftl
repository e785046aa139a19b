# Thông điệp dùng chung: vị trí và số lượng lỗi.
# Mỗi mã ở đây có bản tương ứng trong locales/en/common.ftl, cùng các tham số.

# "cột unit: đơn vị S1: …"
common-column = cột { $name }
common-hint = gợi ý: { $hint }
common-problems = { $count } lỗi
common-criteria-invalid = tệp bộ tiêu chí không hợp lệ ({ $problems })
common-input-invalid = dữ liệu đầu vào không hợp lệ ({ $problems })
# Tiền tố của một dòng cảnh báo trên stderr: "par-index: cảnh báo: …"
common-warning = cảnh báo
common-more-problems = … và { $count } lỗi khác trong tệp này
# Tiền tố của một ghi chú trên stderr (tệp được đọc thế nào): "par-index: ghi chú: …"
common-note = ghi chú

# Ghi kết quả
common-cannot-write = không ghi được { $file }
common-cannot-write-stdout = không ghi được ra đầu ra chuẩn (màn hình)

# Lỗi, cảnh báo thuộc về đâu: "đơn vị SNV, tiêu chí 1.2.1: …"
common-subject-unit = đơn vị { $unit }
common-subject-unit-criterion = đơn vị { $unit }, tiêu chí { $criterion }
# Tệp không thay được trên Windows vì đang mở trong chương trình khác.
common-file-in-use = nếu tệp đang mở trong Excel hoặc chương trình khác, hãy đóng tệp rồi chạy lại
