# Thông điệp của src/stages (tiếng Việt). Mã bắt đầu bằng "stages-"; mỗi mã có bản tương ứng trong locales/en/stages.ftl.
stages-small-percentage = giá trị { $value } được đọc là { $value }% — có phải { $percent }%? Tỷ lệ ghi bằng số không quá 1 thường là phân số của Excel: nếu đúng vậy, hãy ghi { $percent } (hoặc { $percent }%)
stages-value-outside-rule = không khung điểm nào của cách chấm chứa { $value }: giữ số điểm đã ghi

## Cảnh báo: "par-index: cảnh báo: <tệp>:<dòng>: đơn vị X, tiêu chí Y: <nội dung>"

stages-small-sample = { $count } phiếu hợp lệ, dưới mức tối thiểu { $min }: Chỉ số hài lòng được đánh dấu † trong phụ lục
stages-element-unanswered = không có câu trả lời hợp lệ nào cho yếu tố { $code } ({ $name }): yếu tố này không được tính vào chỉ số
stages-not-appraised = chưa thẩm định: giữ điểm tự đánh giá { $points }
stages-not-appraised-na = chưa thẩm định: giữ N/A do đơn vị tự đánh giá
stages-rule-disagrees-appraised = điểm thẩm định { $points }, nhưng theo cách chấm thì { $value } được { $rule } điểm
stages-rule-disagrees-self = điểm tự đánh giá { $points }, nhưng theo cách chấm thì { $value } được { $rule } điểm
stages-missing-zero = { $what }: tính 0 điểm (--missing zero)
stages-level = mức { $level }

## Thiếu số liệu (là lỗi, trừ khi dùng --missing zero)

stages-missing-survey = không có câu trả lời điều tra XHH hợp lệ nào về đơn vị cho các câu hỏi của tiêu chí này
stages-missing-survey-hint = bổ sung câu trả lời của cán bộ, công chức cho các câu hỏi của tiêu chí này về đơn vị, hoặc chạy với --missing zero
stages-missing-sipas = không có phiếu khảo sát sự hài lòng hợp lệ nào về đơn vị
stages-missing-sipas-hint = bổ sung phiếu khảo sát sự hài lòng của đơn vị, hoặc chạy với --missing zero
stages-missing-appraisal = tiêu chí được áp dụng nhưng không có điểm tự đánh giá, điểm thẩm định hay số liệu
stages-missing-appraisal-hint = bổ sung dòng (điểm, điểm thẩm định hoặc số liệu), ghi N/A nếu tiêu chí không áp dụng cho đơn vị, hoặc chạy với --missing zero
stages-no-maximum = mọi tiêu chí đều là N/A: đơn vị không có điểm tối đa
stages-strict = { $message } (--strict)
stages-missing-sipas-results = đơn vị không có dòng kết quả trong tệp kết quả khảo sát sự hài lòng
stages-sipas-index-disagrees = chỉ số được cung cấp { $given } không bằng trung bình các chỉ số thành phần được cung cấp ({ $mean }…): dùng giá trị trung bình, theo cách tính của phương pháp
stages-element-not-delivered = không có chỉ số của yếu tố { $code } ({ $name }): yếu tố này không được tính vào chỉ số
stages-missing-sipas-results-hint = bổ sung dòng kết quả của đơn vị vào tệp kết quả khảo sát sự hài lòng (sipas-results), hoặc chạy với --missing zero
