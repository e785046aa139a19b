# Thông điệp của src/reports (tiếng Việt). Mã bắt đầu bằng "reports-"; mỗi mã có bản tương ứng trong locales/en/reports.ftl.

## check: các lỗi của năm, theo từng tệp

reports-check-units = { $dir }: { $count } đơn vị
reports-check-line = dòng { $line }
reports-check-column = cột { $column }
reports-check-warnings = { $count } cảnh báo
reports-check-clean = không có lỗi
reports-check-found = tìm thấy { $problems }

## criteria: bộ tiêu chí để đối chiếu với quyết định (tên và nội dung tiêu chí giữ nguyên như trong tệp)

reports-criteria-valid = { $file }: hợp lệ ({ $id } { $year }, { $groups } nhóm, { $nodes } mục, { $questions } câu hỏi điều tra XHH, { $items } tiêu chí khảo sát sự hài lòng)
reports-criteria-group = Nhóm { $group } — { $name }: { $total } điểm ({ $split })
reports-criteria-col-code = Mã
reports-criteria-col-criterion = Tiêu chí
reports-criteria-col-max = Tối đa
reports-criteria-col-source = Nguồn
reports-criteria-col-rule = Cách chấm
reports-criteria-col-basis = Căn cứ
reports-criteria-questions = câu hỏi { $questions }
reports-criteria-respondent-group = { $id } ({ $name }, trọng số { $weight })
reports-criteria-respondents = Đối tượng điều tra: { $groups } [{ $provenance }]
reports-criteria-scale = Thang trả lời điều tra XHH: { $scale }
reports-criteria-sipas = Chỉ số hài lòng: { $elements } yếu tố, { $items } tiêu chí; hài lòng = mức { $levels }; tối thiểu { $min } phiếu hợp lệ mỗi đơn vị [{ $provenance }]
reports-criteria-deductions = Điểm trừ (tối đa { $cap } điểm):
reports-criteria-deduction = { $code } { $name }: { $points } điểm/lần, tối đa { $cap } [{ $provenance }]
reports-criteria-bands = Xếp loại: { $bands }
reports-criteria-rounding = Làm tròn: { $decimals } chữ số thập phân, nửa lên (như ROUND của Excel); xếp hạng theo giá trị { $ranking }
reports-criteria-ranking-exact = chính xác
reports-criteria-ranking-published = công bố
reports-criteria-sources = Căn cứ (* = chưa được xác nhận cho năm { $year } của { $province }):
