# Thông điệp dùng chung: vị trí và số lượng lỗi.
# Mỗi mã ở đây có bản tương ứng trong locales/en/common.ftl, cùng các tham số.

# "cột unit: đơn vị S1: …"
common-column = cột { $name }
common-hint = gợi ý: { $hint }
common-problems = { $count } lỗi
common-criteria-invalid = tệp tiêu chí không hợp lệ ({ $problems })
common-input-invalid = dữ liệu đầu vào không hợp lệ ({ $problems })
# Tiền tố của một dòng cảnh báo trên stderr: "par-index: cảnh báo: …"
common-warning = cảnh báo
# Tệp không thay được trên Windows vì đang mở trong chương trình khác.
common-file-in-use = nếu tệp đang mở trong Excel hoặc chương trình khác, hãy đóng tệp rồi chạy lại
