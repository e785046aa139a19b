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

## compute --ci và sensitivity: độ tin cậy của thứ hạng (tệp CSV giữ tiêu đề cột tiếng Việt của tệp dữ liệu)

reports-xlsx-refused = --format xlsx chỉ dành cho các phụ lục; dùng table, csv hoặc json
reports-col-rank = Hạng
reports-col-unit = Đơn vị
reports-col-index = Chỉ số
reports-ci-heading = Độ tin cậy của xếp hạng: { $title }
reports-ci-method-sipas = Bootstrap { $replicates } lần lặp, mức tin cậy { $level }%, seed { $seed }: lấy mẫu lại phiếu khảo sát hài lòng trong từng đơn vị; điểm thẩm định và điểm trừ giữ nguyên.
reports-ci-method-par = Bootstrap { $replicates } lần lặp, mức tin cậy { $level }%, seed { $seed }: lấy mẫu lại phiếu khảo sát hài lòng trong từng đơn vị và phiếu điều tra cán bộ trong từng đơn vị và nhóm đối tượng; điểm thẩm định và điểm trừ giữ nguyên.
reports-ci-col-valid = Phiếu
reports-ci-col-interval = KTC { $level }%
reports-ci-col-ranks = Hạng ({ $level }%)
reports-ci-col-next = Hơn đơn vị sau (KTC { $level }%)
reports-ci-all-supported = Thứ tự của mọi cặp đơn vị liền kề được dữ liệu ủng hộ ở mức { $level }%.
reports-ci-unsupported = ≈ Thứ tự với đơn vị xếp ngay sau chưa được dữ liệu ủng hộ ở mức { $level }% (khoảng tin cậy của chênh lệch chứa 0): { $count } trong { $pairs } cặp liền kề.
reports-ci-small = † Dưới số phiếu hợp lệ tối thiểu ({ $min }): { $units }
reports-ci-legend = KTC = khoảng tin cậy (phân vị bootstrap); Hạng ({ $level }%) = hạng tốt nhất … kém nhất ở mức { $level }%.
reports-sensitivity-title = Độ nhạy của xếp hạng Chỉ số CCHC năm { $year } theo điểm tối đa của các lĩnh vực
reports-sensitivity-method = Mỗi lần lặp nhân điểm tối đa của mỗi lĩnh vực với một hệ số ngẫu nhiên trong { $factors } rồi đưa tổng về điểm tối đa của nhóm; điểm của đơn vị theo tỷ lệ. { $replicates } lần lặp, seed { $seed }.
reports-sensitivity-group = { $name } (tổng { $total })
reports-sensitivity-col-median = Hạng trung vị
reports-sensitivity-col-range = Hạng P5 … P95
reports-sensitivity-col-shift = Dịch chuyển TB
reports-sensitivity-fields = Điểm tối đa các lĩnh vực đã thử (thấp nhất … cao nhất): { $fields }
reports-sensitivity-legend = Hạng P5 … P95: 90% số lần lặp cho hạng trong khoảng này; Dịch chuyển TB = trung bình |hạng khi lặp − hạng công bố|.

## explain: đơn vị bị mất điểm ở đâu (tên đơn vị và tiêu chí giữ nguyên như đã ghi)

reports-explain-unit = { $name } ({ $code }): { $group }, năm { $year }
reports-explain-par = Chỉ số CCHC { $index }%: hạng { $rank }/{ $of }
reports-explain-par-band = Chỉ số CCHC { $index }%: hạng { $rank }/{ $of }, xếp loại { $band }
# thứ hạng được quyết định dưới độ chính xác công bố (ghi chú "*" của phụ lục, cùng lời)
reports-explain-rank-note = bằng { $others } khi làm tròn ({ $published }); xếp hạng theo giá trị chính xác { $own }
reports-explain-total = Tổng điểm { $total } trên tối đa { $max }: mất { $lost } điểm
reports-explain-total-deducted = Tổng điểm { $total } trên tối đa { $max }: mất { $lost } điểm (trong đó điểm trừ { $deductions })
reports-explain-sipas = Chỉ số hài lòng { $index }%: hạng { $rank }/{ $of } ({ $count } phiếu hợp lệ)
reports-explain-sipas-small = Chỉ số hài lòng { $index }%: hạng { $rank }/{ $of } ({ $count } phiếu hợp lệ, dưới mức tối thiểu { $min })
reports-explain-sipas-none = Chỉ số hài lòng: không có phiếu hợp lệ
reports-explain-year = năm { $year }
reports-explain-last-year = năm trước
reports-explain-previous = So với { $label }: chỉ số { $before }% → { $now }% ({ $change })
reports-explain-previous-new = So với { $label }: đơn vị mới, không có trong { $file }
reports-explain-previous-other-group = năm trước ở nhóm khác
reports-explain-previous-rank = hạng { $before } → { $now } ({ $change })
reports-explain-tree = Điểm theo lĩnh vực, tiêu chí (Mất = Tối đa − Điểm; KĐG: không đánh giá):
# tiêu đề cột tối đa 7 ký tự; tiêu đề có dấu cách được viết thành hai dòng
reports-explain-col-max = Tối đa
reports-explain-col-self = Tự chấm
reports-explain-col-appraised = Thẩm định
reports-explain-col-survey = Điều tra
reports-explain-col-sipas = Hài lòng
reports-explain-col-points = Điểm
reports-explain-col-lost = Mất
reports-explain-col-criterion = Tiêu chí
reports-explain-na = KĐG
reports-explain-mark-self = TC
reports-explain-mark-self-means = điểm tự chấm, chưa thẩm định
reports-explain-mark-rule = CC
reports-explain-mark-rule-means = điểm tính theo cách chấm từ giá trị đã nhập
reports-explain-mark-missing = 0
reports-explain-mark-missing-means = thiếu số liệu, tính 0 điểm
reports-explain-marks = Ký hiệu: { $marks }.
reports-explain-deductions-row = Điểm trừ
reports-explain-total-row = Tổng cộng
reports-explain-nothing-lost = Không tiêu chí nào bị mất điểm.
reports-explain-lost-most = Mất nhiều điểm nhất: { $shown } trong { $count } tiêu chí bị mất điểm (trên { $leaves } tiêu chí):
reports-explain-more = … và { $count } tiêu chí khác (--top 0 để xem tất cả).
reports-explain-deductions = Điểm trừ:
reports-explain-deduction = { $code } { $name }: { $count } lần, trừ { $points }
reports-explain-ranking = Xếp hạng trong nhóm { $group }:
reports-explain-ahead = hơn { $gap } điểm %
reports-explain-behind = kém { $gap } điểm %
reports-explain-equal = bằng khi làm tròn
reports-explain-to-pass = Để vượt { $code } cần thêm hơn { $points } điểm (chênh lệch chỉ số × tối đa / 100).
reports-explain-first = Đơn vị dẫn đầu nhóm.
reports-explain-warnings = Cảnh báo về đơn vị ({ $count }):
reports-explain-why-appraised = thẩm định { $points }
reports-explain-why-appraised-self = thẩm định { $points } (tự chấm { $own })
reports-explain-why-self = chưa thẩm định: giữ điểm tự đánh giá { $points }
reports-explain-why-rule = điểm tính theo cách chấm từ giá trị
reports-explain-why-missing = không có số liệu: tính 0 (--missing zero)
reports-explain-why-survey = điều tra XHH: đạt { $score }% số điểm
reports-explain-why-sipas = chỉ số hài lòng { $score }%
reports-explain-why-value = giá trị { $value }
reports-explain-why-rule-text = cách chấm: { $rule }
reports-rank-same = giữ nguyên hạng
reports-rank-up = tăng { $count } bậc
reports-rank-down = giảm { $count } bậc
reports-ci-sipas-held = Kết quả khảo sát sự hài lòng được cung cấp theo đơn vị (sipas-results): không có phiếu khảo sát để lấy mẫu lại, nên Chỉ số hài lòng không có khoảng tin cậy và được giữ nguyên như đã cung cấp trong mọi lần lặp.
reports-ci-method-par-sipas-held = Bootstrap { $replicates } lần lặp, mức tin cậy { $level }%, seed { $seed }: lấy mẫu lại phiếu điều tra cán bộ trong từng đơn vị và nhóm đối tượng; Chỉ số hài lòng giữ nguyên như đã cung cấp, điểm thẩm định và điểm trừ giữ nguyên.
