# Thông điệp của src/uncertainty (tiếng Việt). Mã bắt đầu bằng "uncertainty-"; mỗi mã có bản tương ứng trong locales/en/uncertainty.ftl.

## Giá trị ghi trên dòng lệnh

uncertainty-not-percent = "{ $value }" không phải tỷ lệ phần trăm (ví dụ 95 hoặc 99.5)
uncertainty-percent-range-from = { $value } nằm ngoài phạm vi: ghi tỷ lệ phần trăm từ { $min } (kể cả { $min }) đến dưới { $max }
uncertainty-percent-range-above = { $value } nằm ngoài phạm vi: ghi tỷ lệ phần trăm trên { $min } và dưới { $max }
uncertainty-level = { $reason }; --ci có thể ghi kèm mức tin cậy, nên hãy ghi thư mục của năm trước --ci (compute THƯ_MỤC --ci)
uncertainty-replicates-not-whole = "{ $value }" không phải số lần lặp (số nguyên)
uncertainty-replicates-range = { $count } lần lặp: ghi từ 1 đến { $max } (giá trị mặc định thường là phù hợp)
uncertainty-spread-range = độ rộng { $spread }%: ghi tỷ lệ phần trăm từ 0 đến dưới 100

## Khi chạy

uncertainty-answers-needed = bootstrap cần mọi câu trả lời: đọc dữ liệu năm với keep_answers
uncertainty-sensitivity-overflow = không tính được điểm tối đa đã thay đổi bằng số thập phân chính xác: điểm tối đa trong bộ tiêu chí quá lớn, hoặc đều bằng 0
# thanh tiến độ trên màn hình: "bootstrap [=====>    ] 812/2000 (3s, còn 4s)"
uncertainty-progress-bootstrap = bootstrap
uncertainty-progress-sensitivity = độ nhạy
uncertainty-eta = còn { $eta }
