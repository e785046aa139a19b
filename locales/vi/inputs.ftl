# Thông điệp của src/inputs (tiếng Việt): đọc các tệp dữ liệu của một năm. Mã bắt đầu bằng
# "inputs-"; mỗi mã có bản tương ứng trong locales/en/inputs.ftl, cùng các tham số.

## Tệp và thư mục
inputs-cannot-read = không đọc được { $file }
inputs-cannot-read-folder = không đọc được thư mục dữ liệu năm { $folder }
inputs-not-a-folder = không phải là thư mục
inputs-no-such-file = không có tệp này
inputs-cannot-read-units-of = không đọc được danh sách đơn vị của { $folder }
inputs-no-units-file = thư mục không có units.csv (hoặc units.xlsx)
inputs-reading-failed = đọc các tệp dữ liệu của năm không thành công
inputs-file-missing = thiếu tệp
inputs-file-missing-hint = thư mục dữ liệu mỗi năm phải có { $stem }.csv (hoặc .xlsx); xem mục "Tệp đầu vào" của hướng dẫn (docs/vi/huong-dan-su-dung.md)
inputs-several-files = có nhiều tệp cho { $stem }: { $files }
inputs-several-files-hint = chỉ để lại một tệp trong thư mục
inputs-unreadable = không đọc được: { $error }

## Tệp văn bản
inputs-utf16-without-bom = tệp có vẻ là văn bản UTF-16 nhưng không có dấu thứ tự byte (BOM)
inputs-utf16-without-bom-hint = lưu lại tệp từ Excel dưới dạng "CSV UTF-8" hoặc "Unicode Text"
inputs-not-text = tệp không phải là văn bản (có byte NUL)
inputs-not-text-hint = hãy dùng tệp CSV, hoặc sổ tính có đúng phần mở rộng (.xlsx, .xls, .ods)
inputs-not-utf8 = văn bản không ở mã UTF-8
inputs-not-utf8-hint = lưu tệp dưới dạng "CSV UTF-8", hoặc ghi rõ bảng mã bằng --encoding (ví dụ --encoding windows-1258)
inputs-note-encoding = đọc theo bảng mã { $encoding } (văn bản không ở mã UTF-8; đã nhận ra bảng mã này)
inputs-note-encoding-hint = nếu tên đơn vị hiển thị sai, hãy ghi rõ bảng mã bằng --encoding, hoặc lưu tệp dưới dạng "CSV UTF-8"
inputs-quote-runs-over = một ô trong ngoặc kép kéo dài { $lines } dòng, từ dòng { $line }
inputs-quote-runs-over-hint = có lẽ thiếu dấu ngoặc kép (") đóng ở dòng này
inputs-ragged = dòng có { $cells } ô nhưng dòng tiêu đề có { $columns } cột
inputs-ragged-hint = kiểm tra xem có thiếu hoặc thừa dấu phân cách, hoặc dấu ngoặc kép chưa đóng ở dòng này hay dòng trước

## Sổ tính
inputs-not-a-workbook = tệp không phải là sổ tính .{ $extension } (không phải tệp Excel lưu với phần mở rộng này)
inputs-not-a-workbook-hint = nếu là văn bản CSV, hãy đổi phần mở rộng thành .csv; nếu không, mở bằng Excel và lưu lại dưới dạng .xlsx
inputs-workbook-damaged = sổ tính bị hỏng, không đọc được
inputs-workbook-damaged-detail = sổ tính bị hỏng, không đọc được (chi tiết kỹ thuật: { $error })
inputs-workbook-damaged-hint = mở bằng Excel và lưu lại dưới dạng .xlsx, hoặc xuất trang tính ra CSV UTF-8
inputs-workbook-no-sheet = sổ tính không có trang tính nào
inputs-sheet-unreadable = không đọc được trang tính: { $error }
inputs-note-sheet-named = đã đọc trang tính { $sheet } (mang tên của tệp)
inputs-note-sheet-found = đã đọc trang tính { $sheet } (trang đầu tiên có dòng tiêu đề đủ các cột của tệp)
inputs-note-sheet-hint = các trang tính của sổ tính: { $sheets }
inputs-no-sheet-fits = không trang tính nào có các cột { $columns } ở những dòng đầu (các trang: { $sheets })
inputs-no-sheet-fits-hint = đặt tên trang tính là "{ $role }", hoặc thêm dòng tiêu đề có các cột này

## Dòng tiêu đề và cột
inputs-empty = tệp trống: không có dòng tiêu đề
inputs-empty-hint = dòng đầu tiên ghi tên các cột
inputs-note-header-below = dòng tiêu đề ở dòng { $line }; đã bỏ qua các dòng { $first } đến { $last } phía trên: { $rows }
inputs-note-header-below-one = dòng tiêu đề ở dòng { $line }; đã bỏ qua dòng { $first } phía trên: { $rows }
inputs-missing-columns = { $count ->
   *[other] thiếu cột: { $columns }
}
inputs-missing-columns-hint = dòng tiêu đề đang ghi: { $header }
inputs-column-twice = cột { $column } xuất hiện hai lần (cột { $first } và cột { $second })
inputs-column-twice-hint = chỉ giữ lại một cột
inputs-unknown-column = cột không xác định "{ $column }"
inputs-units-columns = units.csv có các cột code, name, group (hoặc Mã đơn vị, Tên đơn vị, Nhóm)
inputs-self-assessment-columns = các cột là unit, criterion, self, appraised, value, note (hoặc Mã đơn vị, Tiêu chí, Tự chấm, Thẩm định, Giá trị, Ghi chú); cột gợi ý bắt đầu bằng #
inputs-deductions-columns = các cột là unit, code, times, note (hoặc Mã đơn vị, Mã điểm trừ, Số lần, Ghi chú)

## Đơn vị
inputs-unit-code-empty = mã đơn vị để trống
inputs-unit-code-empty-hint = mỗi đơn vị cần một mã ngắn, ví dụ SNV
inputs-unknown-group = nhóm không xác định "{ $group }"
inputs-unknown-group-hint = bộ tiêu chí có các nhóm { $groups }
inputs-unit-twice = đơn vị bị trùng (lần đầu ở dòng { $first })
inputs-unit-twice-hint = mỗi đơn vị chỉ một dòng
inputs-no-unit = không có đơn vị nào trong danh sách
inputs-no-unit-hint = mỗi đơn vị một dòng: mã, tên, nhóm
inputs-unknown-unit = mã đơn vị "{ $code }" không có trong units.csv
inputs-unknown-unit-rows = mã đơn vị "{ $code }" không có trong units.csv (ở { $rows } dòng; đây là dòng đầu tiên)
inputs-unit-empty = { $rows ->
    [one] mã đơn vị để trống
   *[other] mã đơn vị để trống ở { $rows } dòng (đây là dòng đầu tiên)
}
inputs-unit-empty-hint = ghi mã đơn vị trên mọi dòng; mã được gộp ô (merge) xuống các dòng trong Excel sẽ được đọc đúng từ chính sổ tính (.xlsx), nhưng tệp CSV lưu từ đó chỉ giữ mã ở dòng đầu
inputs-list-the-unit = bổ sung đơn vị vào units.csv
inputs-did-you-mean-unit = có phải là { $codes }? Nếu không, bổ sung đơn vị vào units.csv

## Tự đánh giá
inputs-unknown-criterion = tiêu chí "{ $criterion }" không có trong bộ tiêu chí của nhóm { $group }
inputs-unknown-criterion-hint = mã tiêu chí là mã trong `par-index criteria`, ví dụ 1.2.1
inputs-not-a-leaf = tiêu chí này có tiêu chí thành phần: mỗi tiêu chí thành phần một dòng
inputs-not-appraisal = tiêu chí này chấm bằng { $source }, không chấm qua thẩm định
inputs-takes-no-row = tiêu chí { $criterion } không nhận dòng tự đánh giá: { $why }
inputs-row-twice = dòng bị trùng (lần đầu ở dòng { $first })
inputs-row-twice-hint = mỗi đơn vị và tiêu chí chỉ một dòng
inputs-not-points = "{ $text }" không phải là số điểm
inputs-not-points-hint = ghi số điểm như 1.5 hoặc 1,5; N/A hoặc KĐG khi tiêu chí không áp dụng; hoặc để trống
inputs-points-outside = { $points } điểm nằm ngoài khoảng [0, { $max }]
inputs-points-not-allowed = { $points } điểm không phải là mức điểm của cách chấm (các mức: { $allowed }; cách chấm: { $rule })
inputs-value-for-free-points = tiêu chí { $criterion } chấm điểm trực tiếp: ghi điểm vào cột tự chấm hoặc thẩm định, không ghi giá trị
inputs-not-a-level = "{ $text }" không phải là một mức của tiêu chí này (các mức: { $levels })
inputs-not-a-count = "{ $text }" không phải là số lần (số nguyên, từ 0 trở lên)
inputs-not-a-percentage = "{ $text }" không phải là tỷ lệ phần trăm (ghi 85, 85%, 85,5 hoặc một tỷ số như 17/20)
inputs-negative-percentage = "{ $text }": tỷ lệ phần trăm không thể âm
inputs-value-outside-bands = không khung điểm nào của cách chấm chứa { $value }: cách chấm không cho điểm được
inputs-value-outside-bands-hint = ghi số điểm (thẩm định hoặc tự chấm), hoặc sửa lại giá trị

## Điểm trừ
inputs-subject-deduction = đơn vị { $unit }, điểm trừ { $code }
inputs-unknown-deduction = loại điểm trừ không xác định "{ $code }"
inputs-unknown-deduction-hint = bộ tiêu chí quy định: { $kinds }
inputs-not-times = "{ $text }" không phải là số lần
inputs-not-times-hint = số nguyên, từ 0 trở lên
inputs-deduction-twice-hint = mỗi đơn vị và loại điểm trừ chỉ một dòng: cộng dồn số lần

## Điều tra, khảo sát
inputs-subject-item = câu hỏi { $item }
inputs-subject-question = đơn vị { $unit }, câu hỏi { $question }
inputs-subject-unit-group = đơn vị { $unit } ({ $group })
inputs-item-twice = câu hỏi { $item } có hai cột
inputs-unknown-item = câu hỏi không xác định "{ $item }"
inputs-unknown-item-hint = các câu hỏi là { $items }; cột ghi chú bắt đầu bằng #
inputs-missing-items = thiếu cột của các câu hỏi: { $items }
inputs-missing-items-hint = mỗi câu hỏi của phiếu một cột, đặt tên theo mã câu hỏi
inputs-questionnaire-id-empty = mã phiếu để trống
inputs-questionnaire-twice = mã phiếu xuất hiện hai lần cho đơn vị này (lần đầu ở dòng { $first })
inputs-questionnaire-twice-hint = mỗi phiếu một dòng
inputs-off-scale = câu trả lời "{ $answer }" không có trong thang đo ({ $scale }; để trống hoặc X nếu không trả lời)
inputs-question-twice = câu hỏi { $question } có hai cột ({ $first } và { $second })
inputs-unknown-question = câu hỏi không xác định "{ $question }"
inputs-unknown-question-hint = cột câu hỏi là mã câu hỏi trong `par-index criteria` (ví dụ S01, H01); cột ghi chú bắt đầu bằng #
inputs-missing-question = thiếu cột { $question }
inputs-missing-question-hint = câu hỏi { $question } của nhóm { $group } ({ $text })
inputs-respondent-id-empty = mã người trả lời để trống
inputs-respondent-group-does-not-rate = nhóm người trả lời "{ $respondent_group }" không đánh giá đơn vị nhóm { $group }
inputs-respondent-group-does-not-rate-hint = các nhóm đánh giá đơn vị nhóm { $group } là: { $groups }
inputs-answer-other-group = câu trả lời cho câu hỏi dành cho đơn vị nhóm { $group }
inputs-answer-other-group-hint = để trống các câu hỏi của nhóm kia
inputs-respondent-twice = người trả lời đánh giá đơn vị { $unit } hai lần (lần đầu ở dòng { $first })
inputs-respondent-twice-hint = mỗi người trả lời và đơn vị được đánh giá chỉ một dòng

## Kết quả xuất của năm trước (--previous)
inputs-previous-cannot-read = không đọc được tệp kết quả năm trước { $file }
inputs-previous-hint = dùng tệp JSON xuất bằng `par-index compute --format json`, hoặc tệp CSV (--format csv) hay sổ tính (--format xlsx) có Phụ lục II
inputs-previous-not-text = văn bản không ở mã UTF-8, cũng không phải UTF-16 có dấu thứ tự byte
inputs-previous-not-json = không phải JSON hợp lệ: { $error }
inputs-previous-no-units-list = không phải kết quả xuất của par-index compute: không có danh sách "units"
inputs-previous-unit-incomplete = units[{ $k }] thiếu "code" hoặc thiếu số "par"."index"
inputs-previous-no-table = không có bảng Phụ lục II: không dòng tiêu đề nào có các cột "{ $code }" và "{ $index }"
inputs-previous-not-an-index = đơn vị { $unit }: "{ $text }" không phải là chỉ số
inputs-previous-not-a-rank = đơn vị { $unit }: "{ $text }" không phải là thứ hạng
inputs-previous-unit-twice = đơn vị { $unit } có hai lần (cùng với đơn vị thứ { $first })
inputs-previous-unit-twice-hint = mỗi đơn vị chỉ xuất hiện một lần trong kết quả xuất
inputs-previous-no-unit = kết quả xuất không có đơn vị nào

## Kết quả khảo sát sự hài lòng theo đơn vị (sipas-results.csv)
inputs-file-missing-sipas-hint = thư mục dữ liệu mỗi năm phải có sipas-survey.csv (các phiếu khảo sát) hoặc sipas-results.csv (kết quả theo đơn vị do đơn vị khảo sát cung cấp), hoặc sổ tính tương ứng; xem mục "Tệp đầu vào" của hướng dẫn (docs/vi/huong-dan-su-dung.md)
inputs-sipas-both = thư mục có cả sipas-survey (các phiếu khảo sát) và sipas-results (kết quả theo đơn vị)
inputs-sipas-both-hint = giữ lại tệp dùng để tính Chỉ số hài lòng, chuyển tệp kia ra khỏi thư mục
inputs-element-twice = yếu tố { $element } có hai cột
inputs-unknown-element = cột không xác định "{ $column }": không phải là yếu tố của phiếu khảo sát
inputs-unknown-element-hint = các yếu tố là { $elements }; đặt tên mỗi cột theo mã hoặc tên của yếu tố
inputs-results-no-figures = không có cột số liệu: cần chỉ số của từng yếu tố (mỗi yếu tố một cột) hoặc chỉ số của đơn vị (index)
inputs-results-twice-hint = mỗi đơn vị một dòng
inputs-results-row-empty = dòng này không có số liệu: ghi chỉ số của từng yếu tố, hoặc chỉ số của đơn vị
inputs-not-an-index = "{ $text }" không phải là chỉ số phần trăm (từ 0 đến 100)
inputs-not-an-index-hint = ghi chỉ số dạng 85.25, 85,25 hoặc 85.25%

## Bộ tiêu chí dạng sổ tính Excel (--criteria TỆP.xlsx)
inputs-rules-sheet-missing = sổ tính không có trang tính "{ $sheet }"
inputs-rules-column-missing = thiếu cột: { $column }
inputs-rules-hint = hãy bắt đầu từ sổ tính do `par-index criteria --output TỆP.xlsx` ghi ra: chương trình đọc đúng các trang tính và các cột của sổ tính đó
inputs-rules-tree-missing = không có trang tính chứa cây tiêu chí của nhóm { $group } (trang tính đặt tên theo mã nhóm)
inputs-rules-parameters = không đọc được tham số cách chấm: { $detail }
inputs-rules-parameters-hint = ghi như sổ tính xuất ra, ví dụ levels = [{"{"} name = "Kịp thời", points = 1 {"}"}, …] hoặc on = "percent", bands = [{"{"} from = 90, points = 2 {"}"}, …]
