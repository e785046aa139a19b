# Thông điệp của src/criteria (tiếng Việt). Mã bắt đầu bằng "criteria-"; mỗi mã có bản tương ứng trong locales/en/criteria.ftl.

## Đọc tệp

criteria-cannot-read = không đọc được tệp bộ tiêu chí { $file }
criteria-not-utf8 = không phải văn bản UTF-8 (byte không hợp lệ ở vị trí { $offset })
criteria-not-utf8-hint = lưu tệp bộ tiêu chí dưới dạng UTF-8
# nguyên văn của bộ đọc TOML, đặt trong lời của chương trình
criteria-not-toml = tệp không viết đúng dạng bộ tiêu chí (TOML); bộ đọc TOML báo (bằng tiếng Anh): { $detail }
# what the TOML reader expected, in its sentence "invalid type: …, expected …"
criteria-expected-decimal = một số thập phân như 1.5
criteria-expected-table = một bảng (table)
criteria-number-range = { $value } nằm ngoài phạm vi: các số ở đây từ -1000000 đến 1000000, tối đa 10 chữ số thập phân
criteria-number-unusable = { $value } không dùng được làm số thập phân
criteria-number-not-decimal = "{ $value }" không phải số thập phân

## Từ ngữ của cách chấm, dùng trong thông điệp (các văn bản luôn dùng tiếng Việt)

criteria-source-appraisal = thẩm định
criteria-source-survey = điều tra XHH
criteria-source-sipas = chỉ số hài lòng
criteria-rule-free = điểm từ 0 đến { $max }
criteria-rule-one-of = một trong: { $values }
criteria-rule-proportional = tỷ lệ (%) × { $max } (tỷ lệ tối đa 100%)
criteria-interval-any = mọi giá trị
criteria-interval-from = từ { $value }
criteria-interval-above = trên { $value }
criteria-interval-to = đến { $value }
criteria-interval-to-below = đến dưới { $value }
criteria-interval-up-to = đến { $value }
criteria-interval-below = dưới { $value }
criteria-times = { $count } lần

## Lỗi thuộc về đâu: "nhóm so, mục 1.2: …"

criteria-subject-group = nhóm { $group }
criteria-subject-node = { $group }, mục { $code }
criteria-subject-group-survey = điều tra XHH của { $group }
criteria-subject-respondent-group = { $group }, nhóm đối tượng điều tra { $id }
criteria-subject-question = { $group }, câu hỏi { $id }
criteria-subject-option = phương án trả lời "{ $option }"
criteria-subject-element = yếu tố { $code }
criteria-subject-item = tiêu chí khảo sát "{ $id }"
criteria-subject-deduction = điểm trừ { $code }
criteria-subject-band = xếp loại { $name }
criteria-column-item = một tiêu chí khảo sát sự hài lòng
criteria-column-question = câu hỏi của { $group }
criteria-what-allowed = giá trị cho phép { $value }
criteria-what-level = mức "{ $name }"
criteria-what-band = khoảng { $band }

## Lỗi

criteria-provenance-unknown = căn cứ (provenance) "{ $provenance }" không phải một khóa của [sources] (các khóa có: { $known })
criteria-provenance-missing = thiếu căn cứ (provenance)
criteria-negative = { $key } { $value } là số âm
criteria-id-empty = mã (id) để trống
criteria-id-reserved = "{ $id }" là tên cột dành riêng
criteria-id-characters = mã không được chứa dấu cách, dấu phẩy, dấu chấm phẩy hoặc dấu nháy
criteria-id-used = mã đã được dùng cho { $other }
criteria-code-empty = mã để trống
criteria-no-group = chưa khai báo nhóm đơn vị nào
criteria-decimals-range = publish.decimals { $decimals } phải từ 0 đến 6
criteria-ranking-unknown = publish.ranking "{ $ranking }" phải là "exact" hoặc "published"
criteria-option-empty = mã phương án không được để trống hoặc là X (X nghĩa là không trả lời)
criteria-option-duplicate = phương án trả lời bị trùng
criteria-weight-range = trọng số { $weight } phải từ 0 đến 100 (%)
criteria-scale-too-long = thang trả lời điều tra XHH có { $count } phương án; tối đa 50
criteria-scale-empty = thang trả lời điều tra XHH không có phương án nào
criteria-scale-zero = mọi trọng số của thang trả lời điều tra XHH đều bằng 0
criteria-sipas-level-range = mức hài lòng { $level } phải từ 0 đến 100
criteria-sipas-level-twice = mức hài lòng { $level } được liệt kê hai lần
criteria-sipas-scale-empty = thang mức hài lòng không có mức nào
criteria-sipas-scale-too-long = thang mức hài lòng có { $count } mức; tối đa 50
criteria-satisfied-unknown = mức hài lòng { $level } (satisfied) không có trong thang của sipas
criteria-satisfied-none = không có mức nào được tính là hài lòng
criteria-element-code-empty = mã yếu tố để trống
criteria-element-duplicate = mã yếu tố bị trùng
criteria-element-no-item = yếu tố không có tiêu chí khảo sát nào
criteria-item-duplicate = mã tiêu chí khảo sát bị trùng
criteria-sipas-no-element = phiếu khảo sát sự hài lòng không có yếu tố nào
criteria-group-id = mã nhóm phải là một từ đơn giản như so hoặc huyen
criteria-code-malformed = mã sai dạng: viết các số cách nhau bằng dấu chấm như 3, 3.2 hoặc 3.2.1
criteria-code-too-deep = quá nhiều cấp: tối đa ba cấp (lĩnh vực, tiêu chí, tiêu chí thành phần)
criteria-code-duplicate = mã bị trùng (lần đầu ở dòng { $line })
criteria-parent-missing = mục cha { $parent } chưa được khai báo
criteria-name-empty = tên để trống
criteria-max-not-positive = max { $max } phải lớn hơn 0
criteria-max-not-sum = max là { $max } nhưng tổng điểm các mục con là { $sum } ({ $children })
criteria-key-on-parent = có { $key } nhưng mục này có mục con: chỉ mục chấm điểm (không có mục con) mới có { $key }
criteria-total-not-sum = total là { $total } nhưng tổng điểm các lĩnh vực là { $sum }
criteria-split-not-sum = split ghi { $declared } điểm từ nguồn { $source } nhưng tổng các mục chấm điểm có nguồn { $source } là { $actual }
criteria-source-missing = mục chấm điểm cần có source = "appraisal", "survey" hoặc "sipas"
criteria-source-unknown = không có nguồn điểm "{ $source }": ghi appraisal, survey hoặc sipas
criteria-rule-not-appraisal = mục chấm điểm có nguồn { $source } không có cách chấm (rule): chỉ mục appraisal được chấm theo cách chấm
criteria-rule-key-not-appraisal = { $key } thuộc về cách chấm; mục chấm điểm có nguồn { $source } không có cách chấm
criteria-rule-missing = mục appraisal cần có cách chấm (rule): free, levels, bands hoặc proportional
criteria-rule-unknown = không có cách chấm "{ $rule }": ghi free, levels, bands hoặc proportional
criteria-rule-key-foreign = { $key } không thuộc cách chấm { $rule }
criteria-points-negative = { $what } cho { $points } điểm, dưới 0
criteria-points-over-max = { $what } cho { $points } điểm, vượt điểm tối đa { $max } của mục
criteria-allowed-twice = giá trị cho phép { $value } được liệt kê hai lần
criteria-allowed-empty = allowed để trống
criteria-levels-missing = cách chấm levels cần có levels = [{"{"} name, points {"}"}, …]
criteria-levels-empty = levels để trống
criteria-level-name-empty = có mức để trống tên
criteria-level-twice = mức "{ $name }" được ghi hai lần
criteria-on-unknown = on = "{ $on }": ghi "percent" hoặc "count"
criteria-on-missing = cách chấm bands cần có on = "percent" hoặc "count"
criteria-bands-missing = cách chấm bands cần có bands = [{"{"} from, below, points {"}"}, …]
criteria-rule-band-keys = khoảng của cách chấm chỉ có các ngưỡng và points
criteria-band-no-points = khoảng không có points
criteria-band-bounds = mỗi khoảng có một ngưỡng dưới (from hoặc above) và một ngưỡng trên (to hoặc below); at thay cho cả hai
criteria-bound-negative = ngưỡng { $value } là số âm
criteria-bands-empty = chưa có khoảng nào
criteria-band-reversed = ngưỡng sai thứ tự: ngưỡng dưới của khoảng lớn hơn ngưỡng trên
criteria-bands-out-of-order = các khoảng sai thứ tự: liệt kê tất cả theo thứ tự tăng dần hoặc tất cả giảm dần
criteria-bands-overlap = các khoảng chồng lên nhau: khoảng này và khoảng ở dòng { $line } có giá trị chung
criteria-bands-gap = các khoảng để hở: { $gap }
criteria-gap-start = không khoảng nào chứa các giá trị từ { $from } đến trước { $to }
criteria-gap-counts = không khoảng nào chứa số lần từ { $from } đến { $to }
criteria-gap-between = không khoảng nào chứa các giá trị giữa { $from } và { $to }
criteria-gap-above = không khoảng nào chứa các giá trị trên { $value }
criteria-gap-from = không khoảng nào chứa các giá trị từ { $value } trở lên
criteria-survey-missing = mục điều tra XHH nhưng thiếu [groups.{ $group }.survey]
criteria-respondent-group-duplicate = nhóm đối tượng điều tra bị trùng
criteria-respondent-groups-none = không có nhóm đối tượng điều tra nào đánh giá nhóm này
criteria-respondent-groups-zero = mọi trọng số của các nhóm đối tượng điều tra đều bằng 0
criteria-question-leaf-unknown = mục { $leaf } của câu hỏi không có trong { $group }
criteria-question-leaf-source = mục { $leaf } của câu hỏi không phải mục điều tra XHH (nguồn { $source })
criteria-question-leaf-parent = mục { $leaf } của câu hỏi không phải mục điều tra XHH (mục này có mục con)
criteria-survey-leaf-unasked = mục điều tra XHH không có câu hỏi nào
criteria-survey-leaf-unasked-hint = thêm một [[groups.{ $group }.survey.questions]] với mục này
criteria-deduction-duplicate = mã điểm trừ bị trùng
criteria-band-name-missing = xếp loại cần có tên (name)
criteria-band-name-duplicate = tên xếp loại bị trùng
criteria-band-points = xếp loại của chỉ số không có points
## Chú thích trong tệp tiêu chí do `par-index criteria --format toml` ghi ra (src/criteria/export.rs)
criteria-toml-header =
    Bộ tiêu chí { $id } của tỉnh { $province }, năm { $year }, do par-index xuất ra.
    Sửa từng giá trị cùng với căn cứ (provenance, một khóa trong sources) của nó, kiểm tra tệp bằng
      par-index criteria --check TỆP
    rồi dùng bằng --criteria TỆP.
criteria-toml-group = Nhóm { $id }: { $name }
criteria-toml-field = Lĩnh vực { $code }: { $name } ({ $max } điểm)
criteria-toml-survey = Thang đáp án của phiếu điều tra xã hội học (dùng chung cho các nhóm)
criteria-toml-sipas = Phiếu đo lường sự hài lòng của người dân, tổ chức (SIPAS)
criteria-toml-deductions = Điểm trừ (trừ vào tổng điểm; tổng điểm không âm)
criteria-toml-bands = Xếp loại theo Chỉ số CCHC đã công bố
