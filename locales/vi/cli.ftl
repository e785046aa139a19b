# Thông điệp của src/cli và phần trợ giúp (--help) của mọi lệnh (tiếng Việt). Mã bắt đầu bằng
# "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.
#
# Phần trợ giúp được tìm theo tên (src/cli.rs): cli-<lệnh>-about, -long-about, -after-help;
# cli-<lệnh>-arg-<đối số> (hoặc cli-arg-<đối số>, dùng chung cho các lệnh), thêm -long cho
# bản dài của --help; cli-...-arg-<đối số>-value-<giá trị> cho từng giá trị.
# Trong Fluent, dấu ngoặc nhọn viết là {"{"} và {"}"}.

## Các từ của bộ đọc dòng lệnh

cli-usage = Cách dùng:
cli-usage-options = TÙY CHỌN
cli-usage-command = LỆNH
cli-heading-commands = Lệnh
cli-heading-options = Tùy chọn
cli-heading-arguments = Đối số
cli-help = Hiện trợ giúp
cli-help-short = Hiện trợ giúp (xem đầy đủ với '--help')
cli-help-long = Hiện trợ giúp (xem bản tóm tắt với '-h')
cli-version = Hiện số phiên bản
cli-help-command = Hiện trợ giúp của chương trình hoặc của lệnh đã nêu
cli-default = mặc định: { $value }
cli-possible-values = giá trị: { $values }
cli-values-heading = Các giá trị

## Lỗi dòng lệnh: "par-index: <thông điệp>", rồi "  gợi ý: <gợi ý>"

cli-error-unknown-option = không có tùy chọn '{ $arg }'
cli-error-unexpected-argument = thừa đối số '{ $arg }'
cli-error-unknown-command = không có lệnh '{ $command }'
cli-error-missing-value = '{ $arg }' cần một giá trị
cli-error-invalid-value = giá trị '{ $value }' không hợp lệ cho '{ $arg }'
cli-error-invalid-value-because = giá trị '{ $value }' không hợp lệ cho '{ $arg }': { $reason }
cli-error-missing-argument = thiếu đối số bắt buộc: { $args }
cli-error-missing-command = '{ $command }' cần có tên lệnh
cli-error-conflict = không dùng được '{ $arg }' cùng với '{ $other }'
cli-error-conflict-others = không dùng được '{ $arg }' cùng với các đối số khác đã cho
cli-error-repeated = '{ $arg }' chỉ được ghi một lần
cli-error-too-many-values = thừa giá trị '{ $value }' cho '{ $arg }'
cli-error-number-of-values = '{ $arg }' cần { $expected } giá trị, nhưng có { $count }
cli-error-no-equals = '{ $arg }' nhận giá trị sau dấu '=' ({ $arg }=…)
cli-error-not-utf8 = có đối số không phải văn bản hợp lệ (UTF-8)
cli-error-other = không đọc được dòng lệnh: { $detail }
cli-hint-did-you-mean = có phải là '{ $suggestion }'?
cli-hint-help = xem '{ $command } --help' để biết mọi tùy chọn, có ví dụ
cli-hint-commands = các lệnh là: { $commands }
cli-hint-possible-values = các giá trị hợp lệ: { $values }

## Giá trị ghi trên dòng lệnh (lý do của "giá trị không hợp lệ")

cli-encoding-unknown = không có bảng mã "{ $label }" (thử utf-8, utf-16le, windows-1258)
cli-value-not-whole = { $value } không phải số nguyên
cli-explain-depth-range = các mức là 1 (lĩnh vực), 2 (tiêu chí) và 3 (tiêu chí thành phần)

## Lỗi cách dùng của các lệnh

cli-unknown-group = không có nhóm "{ $group }"; bộ tiêu chí có các nhóm: { $groups }
cli-xlsx-with-ci = --format xlsx chỉ dành cho các phụ lục; dùng --ci với table, csv hoặc json
cli-xlsx-on-terminal = --format xlsx ghi sổ tính Excel, không phải văn bản: ghi --output TỆP.xlsx
cli-explain-unknown-unit = không có đơn vị "{ $unit }" trong units.csv của năm này; { $hint }
cli-explain-units-are = các đơn vị là: { $units }
cli-explain-did-you-mean = có phải là { $units }?
cli-template-year = --year { $year }, nhưng bộ tiêu chí là của năm { $criteria }: { $hint }
cli-template-year-file = đặt year = { $year } trong tệp bộ tiêu chí, hoặc bỏ --year
cli-template-no-unit = trong các đơn vị đã cho không có đơn vị nào thuộc nhóm đã chọn
cli-template-exists = đã có { $count } tệp: { $files } (ghi --force để ghi đè, hoặc chọn --out khác)
cli-template-cannot-create = không tạo được thư mục { $folder }
cli-template-written = { $folder }: biểu mẫu năm { $year } cho { $units } đơn vị ({ $rows } dòng tự đánh giá): { $files }

## par-index

cli-about = Chỉ số cải cách hành chính (Chỉ số CCHC) và Chỉ số hài lòng (SIPAS) của các sở, ban, ngành và UBND huyện, thành phố trong tỉnh
cli-long-about =
    par-index tính cho từng sở, ban, ngành cấp tỉnh và từng UBND huyện, thành phố Chỉ số cải cách hành chính (Phụ lục II) và Chỉ số hài lòng của người dân, tổ chức (Phụ lục I), xếp hạng trong từng nhóm, đúng như quyết định của tỉnh quy định.

    Bộ tiêu chí của tỉnh Lạng Sơn năm 2023 có sẵn trong chương trình (`par-index criteria --output TỆP.toml` ghi nó ra tệp, để soạn bộ tiêu chí năm khác); --criteria TỆP để dùng bộ tiêu chí khác.
cli-after-help =
    Ngôn ngữ: thông điệp và trợ giúp bằng tiếng Việt; --lang en (trước hoặc sau tên lệnh) hoặc
    biến môi trường PAR_INDEX_LANG=en cho tiếng Anh (--lang được ưu tiên). Các phụ lục
    (Phụ lục I và II, ở mọi định dạng) luôn bằng tiếng Việt.

    Mã thoát:
      0  thành công (kể cả khi chương trình nhận kết quả đóng đường ống sớm)
      1  lỗi bất thường bên trong par-index (xin báo lại cho người phát triển)
      2  sai đối số dòng lệnh; đơn vị không có trong năm (lệnh explain); sổ tính hoặc văn bản
         Word ra màn hình; tên tệp --output trái với --format
      3  tệp bộ tiêu chí không hợp lệ
      4  dữ liệu đầu vào không hợp lệ (hoặc có cảnh báo khi dùng --strict); lệnh check tìm
         thấy lỗi; tệp --previous không phải kết quả xuất từ par-index
      5  không đọc hoặc ghi được tệp, thư mục
cli-arg-lang = Ngôn ngữ của thông điệp và trợ giúp: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); cũng có thể đặt PAR_INDEX_LANG=en

## Đối số dùng chung của các lệnh đọc dữ liệu một năm

cli-arg-dir = Thư mục dữ liệu của năm (units.csv, self-assessment.csv, par-survey.csv, sipas-survey.csv hoặc sipas-results.csv, deductions.csv; mỗi tệp là CSV hoặc sổ tính)
cli-arg-criteria = Tệp bộ tiêu chí (TOML, hoặc sổ tính do criteria --output TỆP.xlsx ghi ra); không ghi thì dùng bộ tiêu chí Lạng Sơn 2023 có sẵn
cli-arg-encoding = Bảng mã của các tệp đầu vào không có BOM, thay cho bảng mã nhận ra ở từng tệp (UTF-8, hoặc bảng mã cũ được nhận ra và báo trong ghi chú), ví dụ windows-1258
cli-arg-strict = Tiêu chí chưa thẩm định và điểm khác cách chấm là lỗi (mã thoát 4), không chỉ là cảnh báo
cli-arg-missing = Cách xử lý tiêu chí được áp dụng nhưng không có số liệu để chấm
cli-arg-missing-value-error = Báo lỗi
cli-arg-missing-value-zero = Tính 0 điểm, kèm cảnh báo
cli-arg-group = Chỉ nhóm đơn vị này (so, huyen)
cli-arg-format = Định dạng kết quả (mặc định: theo phần mở rộng của tệp --output, nếu không thì bảng)
cli-arg-output = Ghi kết quả vào tệp FILE thay vì ra màn hình (đầu ra chuẩn)

## check

cli-check-about = Kiểm tra thư mục dữ liệu của năm: mọi lỗi của mọi tệp, theo từng tệp, kèm gợi ý cách sửa
cli-check-after-help =
    Ví dụ:
      par-index check samples/2023          báo các lỗi; mã thoát 0 chỉ khi thư mục không có lỗi
      par-index check data/2024 --strict    tính cả tiêu chí chưa thẩm định và điểm khác cách chấm

    Mỗi lỗi ghi rõ tệp, dòng, cột, đơn vị và tiêu chí hoặc câu hỏi, và cách sửa. Cảnh báo
    (chưa thẩm định, điểm khác cách chấm, ít phiếu hợp lệ) được liệt kê nhưng không làm lệnh
    kiểm tra thất bại, trừ khi có --strict.

## compute

cli-compute-about = Tính Chỉ số CCHC và Chỉ số hài lòng của một năm: Phụ lục I và II
cli-compute-after-help =
    Ví dụ:
      par-index compute samples/2023                      cả hai phụ lục, dạng bảng
      par-index compute samples/2023 --annex par --format csv --output phu-luc-II.csv
      par-index compute samples/2023 --format json | jq '.units[] | {"{"}code, index: .par.index{"}"}'
      par-index compute data/2024 --criteria criteria/2024.toml --strict
      par-index compute samples/2023 --ci --annex par      độ tin cậy của xếp hạng CCHC (xem --ci)
      par-index compute samples/2023 --output phu-luc.xlsx --chart chi-so.png
                                                          sổ tính Excel các phụ lục và biểu đồ
                                                          (phần mở rộng của tệp cho biết ghi gì)
      par-index compute samples/2023 --output phu-luc.docx các phụ lục dạng văn bản Word
      par-index compute samples/2023 --annex par --previous samples/2022/results.json
                                                          kèm mức tăng, giảm so với năm 2022

    Cảnh báo (chưa thẩm định, điểm khác cách chấm, ít phiếu hợp lệ) ghi ra luồng lỗi (stderr),
    kết quả ra màn hình hoặc vào tệp --output (ghi trọn vẹn hoặc không ghi gì).
cli-compute-arg-annex = Phụ lục: par (Phụ lục II), sipas (Phụ lục I) hoặc both (cả hai)
cli-compute-arg-annex-value-par = Phụ lục II: Chỉ số CCHC
cli-compute-arg-annex-value-sipas = Phụ lục I: Chỉ số hài lòng
cli-compute-arg-annex-value-both = Cả hai, Phụ lục I trước
cli-compute-arg-format-value-table = Bảng trên màn hình (vừa độ rộng cửa sổ; dạng trơn khi chuyển sang chương trình khác)
cli-compute-arg-format-value-csv = Các phụ lục dạng CSV, tiêu đề cột tiếng Việt
cli-compute-arg-format-value-json = Toàn bộ kết quả, cho các chương trình khác
cli-compute-arg-format-value-xlsx = Sổ tính Excel trình bày như các phụ lục của quyết định, ghi vào --output TỆP.xlsx (hoặc đường ống, không ra màn hình)
cli-compute-arg-format-value-docx = Các phụ lục dạng văn bản Word để đính kèm quyết định, ghi ra --output TỆP.docx (hoặc qua ống dẫn, không ra màn hình)
cli-compute-arg-previous = Kết quả xuất của năm trước (JSON, CSV hoặc sổ tính của lệnh `compute`): thêm vào Phụ lục II chỉ số, thứ hạng năm trước và mức tăng, giảm (ghi rõ đơn vị mới và đơn vị không còn)
cli-compute-arg-chart = Vẽ thêm biểu đồ (SVG hoặc PNG theo phần mở rộng của tệp): các đơn vị của từng nhóm xếp theo Chỉ số CCHC, tô màu theo xếp loại
cli-compute-arg-ci = Độ tin cậy của từng thứ hạng: khoảng tin cậy ở mức LEVEL% (mặc định 95) bằng bootstrap các phiếu điều tra, báo cáo thay cho các phụ lục
cli-compute-arg-ci-long =
    Độ tin cậy của từng thứ hạng: khoảng tin cậy ở mức LEVEL% (mặc định 95) bằng bootstrap các phiếu điều tra, báo cáo thay cho các phụ lục.

    Mỗi lần lặp rút lại (có hoàn lại) các phiếu khảo sát sự hài lòng hợp lệ của từng đơn vị và các phiếu điều tra xã hội học về từng đơn vị trong từng nhóm đối tượng, rồi tính lại Chỉ số hài lòng, Chỉ số CCHC và thứ hạng; điểm thẩm định và điểm trừ giữ nguyên. Với mỗi đơn vị: chỉ số và thứ hạng công bố, khoảng phân vị của chỉ số, hạng tốt nhất … kém nhất ở mức LEVEL%, và chênh lệch với đơn vị xếp ngay sau cùng khoảng tin cậy của nó, đánh dấu ≈ khi khoảng đó chứa 0 (dữ liệu chưa ủng hộ thứ tự ở mức LEVEL%). Dùng mọi nhân CPU; cùng --seed thì cùng kết quả.

    Ví dụ: `par-index compute samples/2023 --ci --annex par --group huyen` cho Huyện Lộc Bình 92.67 (KTC 95% 92.40 … 92.93), hạng 3 … 4, hơn Huyện Chi Lăng 0.10 với khoảng -0.35 … 0.54, đánh dấu ≈: thứ ba theo số liệu công bố, nhưng các phiếu điều tra chưa phân biệt được với đơn vị thứ tư. Thành phố Lạng Sơn hơn đơn vị thứ hai 0.44 (0.03 … 0.85), đứng đầu ở mức 95%. Ghi thư mục trước --ci (LEVEL có thể bỏ trống).
cli-compute-arg-replicates = Số lần lặp của bootstrap (dùng với --ci; mặc định 2000)
cli-compute-arg-seed = Seed của các lần rút ngẫu nhiên trong bootstrap (dùng với --ci; mặc định 1)

## criteria

cli-criteria-about = Xem các cây tiêu chí với điểm tối đa, nguồn điểm và cách chấm, hoặc kiểm tra một tệp bộ tiêu chí
cli-criteria-after-help =
    Ví dụ:
      par-index criteria                          cả hai cây tiêu chí của bộ tiêu chí 2023 có sẵn
      par-index criteria --group huyen            chỉ cây tiêu chí của UBND huyện, thành phố
      par-index criteria --format json > c.json   mọi thứ dùng trong tính toán, cho chương trình khác
      par-index criteria --check my-2024.toml     kiểm tra một tệp bộ tiêu chí, báo mọi lỗi
      par-index criteria --output tieu-chi-2024.toml
                                                  ghi cả bộ tiêu chí ra tệp để sửa cho năm sau

    Giá trị có căn cứ chưa được xác nhận cho năm của quyết định được đánh dấu *.
cli-criteria-arg-check = Kiểm tra tệp FILE: báo mọi lỗi (mã thoát 3), hoặc một dòng xác nhận tệp hợp lệ

## explain

cli-explain-about = Đơn vị bị mất điểm ở đâu, và so với các đơn vị liền kề thế nào
cli-explain-long-about =
    Đơn vị bị mất điểm ở đâu, và so với các đơn vị liền kề thế nào.

    Cây tiêu chí của đơn vị, ở mỗi lĩnh vực, tiêu chí và tiêu chí thành phần: điểm tối đa, điểm tự đánh giá, điểm thẩm định, điểm điều tra xã hội học và điểm Chỉ số hài lòng, điểm đạt và điểm bị mất; rồi các tiêu chí bị mất nhiều điểm nhất, điểm trừ, các đơn vị xếp ngay trên và ngay dưới, và các cảnh báo về đơn vị.
cli-explain-after-help =
    Ví dụ:
      par-index explain SNV samples/2023
      par-index explain SNV samples/2023 --depth 1 --top 3
      par-index explain "Sở Nội vụ" samples/2023 --top 0
      par-index explain SNV samples/2023 --previous samples/2022/results.json
      par-index explain SNV samples/2023 --format json | jq '.nodes[] | select(.lost > 0)'
      par-index explain SNV samples/2023 --output SNV.xlsx       phiếu kết quả của đơn vị
      par-index explain --all samples/2023 --output phieu-ket-qua
                                                  phiếu kết quả của mọi đơn vị, trong thư mục đó

    Ví dụ cụ thể: `par-index explain SNV samples/2023 --depth 1 --top 3` cho Sở Nội vụ đạt
    91.56% (hạng 11/20, xếp loại A), mất 8.44 trên 100 điểm: 1.91 ở lĩnh vực 3 (thủ tục hành
    chính), 1.82 ở lĩnh vực 8, …; đứng đầu trong các tiêu chí là 5.1.1 (mất 0.75: thẩm định 0.75
    trên 1.5 với 93.7%, trong khi cách chấm chỉ cho 1.5 khi đạt 100%), rồi Chỉ số hài lòng
    (0.68); Sở Y tế xếp ngay trên, hơn 1.62 điểm.

    Các cột: Tối đa (điểm tối đa của các tiêu chí áp dụng cho đơn vị), Tự chấm (điểm tự đánh
    giá), Thẩm định (điểm thẩm định được giữ), Điều tra (điều tra xã hội học), Hài lòng (Chỉ số
    hài lòng), Điểm (tổng của chúng), Mất = Tối đa − Điểm. Tiêu chí không áp dụng (KĐG, N/A)
    không bị mất điểm. Bảng vừa 80 cột (tên dài bị cắt; --format json ghi đầy đủ).
cli-explain-arg-unit = Đơn vị: mã (ví dụ SNV) hoặc tên như trong units.csv
cli-explain-arg-format-value-table = Để đọc: tóm tắt, cây tiêu chí, tiêu chí mất nhiều điểm nhất, đơn vị liền kề, cảnh báo (80 cột)
cli-explain-arg-format-value-json = Toàn bộ, cho các chương trình khác
cli-explain-arg-format-value-xlsx = Phiếu kết quả của đơn vị dạng sổ tính Excel: kết quả, số điểm cần để vượt đơn vị xếp trên và để đạt xếp loại cao hơn, các đơn vị liền kề, tiêu chí theo số điểm bị mất và so với đơn vị cao nhất trong nhóm, toàn bộ cây tiêu chí (mặc định khi có --all)
cli-explain-arg-format-value-docx = Phiếu kết quả dạng văn bản Word
cli-explain-arg-format = Định dạng kết quả (mặc định: bảng cho một đơn vị; với --all là xlsx, mỗi đơn vị một tệp)
cli-explain-arg-previous = Kết quả xuất của năm trước (JSON, CSV hoặc sổ tính của lệnh `compute`): thêm mức tăng, giảm chỉ số và thứ hạng
cli-explain-arg-depth = Mức sâu nhất của cây được hiện: 1 = lĩnh vực, 2 = tiêu chí, 3 = tiêu chí thành phần (mặc định: tất cả)
cli-explain-arg-top = Số tiêu chí bị mất điểm được liệt kê (0 = mọi tiêu chí bị mất điểm)

## sensitivity

cli-sensitivity-about = Độ nhạy của thứ hạng CCHC theo trọng số: thay đổi điểm tối đa của các lĩnh vực rồi xếp hạng lại
cli-sensitivity-long-about =
    Thứ hạng Chỉ số CCHC vững đến đâu khi trọng số của cây tiêu chí thay đổi? Mỗi lần lặp nhân điểm tối đa của từng lĩnh vực với một hệ số ngẫu nhiên phân bố đều trong [1 − P%, 1 + P%], đưa các điểm tối đa về đúng tổng điểm của nhóm (100), đổi điểm và điểm tối đa áp dụng của từng đơn vị trong mỗi lĩnh vực theo lĩnh vực đó (mỗi tiêu chí giữ tỷ lệ của nó trong lĩnh vực), giữ nguyên điểm trừ, tính lại Chỉ số CCHC và xếp hạng lại từng nhóm. Với mỗi đơn vị: hạng công bố, trung vị và phân vị 5–95 của hạng qua các lần lặp, và mức dịch chuyển hạng tuyệt đối trung bình (như phân tích bất định của COINr). Tính bằng số thập phân chính xác: --spread 0 cho mọi đơn vị đúng hạng công bố.
cli-sensitivity-after-help =
    Ví dụ:
      par-index sensitivity samples/2023                       ±20%, 1.000 lần lặp, dạng bảng
      par-index sensitivity samples/2023 --group huyen --spread 10 --replicates 5000
      par-index sensitivity samples/2023 --format csv --output do-nhay.csv
      par-index sensitivity samples/2023 --format json | jq '.groups[].units[] | {"{"}code, rank_p95{"}"}'

    Ví dụ cụ thể (`par-index sensitivity samples/2023 --group so`, thiết lập mặc định): Sở Nông
    nghiệp và Phát triển nông thôn, công bố hạng 9 với 93.25, có hạng trung vị 9, P5 … P95 = 6 … 10
    và dịch chuyển trung bình 1.07: vị trí của sở phụ thuộc vào trọng số. Sở Tài chính, 1 / 1 / 0.00,
    đứng đầu với mọi trọng số.

    Cùng --seed thì cùng kết quả, dù dùng bao nhiêu luồng (RAYON_NUM_THREADS).
cli-sensitivity-arg-spread = Nửa độ rộng của hệ số mỗi lĩnh vực, tính bằng phần trăm: hệ số được rút trong [1 − P%, 1 + P%]
cli-sensitivity-arg-replicates = Số lần lặp
cli-sensitivity-arg-seed = Seed của các lần rút ngẫu nhiên
cli-sensitivity-arg-format-value-table = Mỗi nhóm một bảng trên màn hình (vừa độ rộng cửa sổ; dạng trơn khi chuyển sang chương trình khác)
cli-sensitivity-arg-format-value-csv = Mỗi đơn vị một dòng, tiêu đề cột tiếng Việt
cli-sensitivity-arg-format-value-json = Toàn bộ, kèm điểm tối đa đã thử của các lĩnh vực, cho các chương trình khác

## template

cli-template-about = Tạo các biểu mẫu nhập liệu trống của một năm để các đơn vị điền
cli-template-after-help =
    Ví dụ:
      par-index template
          biểu mẫu năm 2023 cho 31 đơn vị của Lạng Sơn có sẵn, trong thư mục template-2023/
      par-index template --units samples/2023 --group huyen --out forms-huyen
          các huyện, thành phố trong units.csv của một năm
      par-index template --year 2024 --criteria criteria/2024.toml --units data/2023
          biểu mẫu năm sau, với bộ tiêu chí năm sau và các đơn vị năm nay

    Ví dụ cụ thể: `par-index template --out forms` ghi forms/self-assessment.csv gồm
    2759 dòng (31 đơn vị × 89 tiêu chí chấm qua thẩm định của bộ tiêu chí có sẵn), ví dụ
      SNV,Sở Nội vụ,1.1.1,Ban hành kế hoạch cải cách hành chính năm,1,
      Ban hành kịp thời: 1; …,một mức: Ban hành kịp thời | …,,,,
    Đơn vị điền Tự chấm, Giá trị và Ghi chú; Hội đồng thẩm định điền Thẩm định. Sau đó
    `par-index compute forms` đọc thư mục (các cột Tên đơn vị, Tên tiêu chí, Điểm tối đa,
    Cách chấm và Cách nhập giá trị chỉ để đơn vị đọc, chương trình bỏ qua).

    Các tệp (CSV có BOM UTF-8, để Excel hiện đúng tiếng Việt), tên cột bằng tiếng Việt
    (chương trình đọc như tên tiếng Anh):
      units.csv            Mã đơn vị, Tên đơn vị, Nhóm
      self-assessment.csv  Mã đơn vị, Tên đơn vị, Tiêu chí, Tên tiêu chí, Điểm tối đa, Cách chấm,
                           Cách nhập giá trị, Tự chấm, Thẩm định, Giá trị, Ghi chú
      par-survey.csv       Mã người trả lời, Nhóm người trả lời, Mã đơn vị, mỗi câu hỏi một cột
      sipas-survey.csv     Mã phiếu, Mã đơn vị, mỗi câu hỏi khảo sát sự hài lòng một cột
      deductions.csv       Mã đơn vị, Mã điểm trừ, Số lần, Ghi chú (không có dòng nào khi không có điểm trừ)
      huong-dan.txt        câu hỏi, thang trả lời, nhóm đối tượng điều tra, các loại điểm trừ
    Tệp đã có được giữ nguyên, trừ khi có --force.
cli-template-arg-year = Năm của biểu mẫu: năm của bộ tiêu chí (bộ tiêu chí có sẵn là của năm 2023; bộ tiêu chí năm khác ghi bằng --criteria)
cli-template-arg-units = Các đơn vị: một tệp đơn vị (Mã đơn vị, Tên đơn vị, Nhóm hoặc code, name, group; CSV hoặc sổ tính) hoặc thư mục của một năm có tệp đó; không ghi thì dùng 31 đơn vị mẫu của Lạng Sơn có sẵn
cli-template-arg-group = Chỉ các đơn vị của nhóm này (so, huyen)
cli-template-arg-out = Thư mục để ghi, tạo mới nếu chưa có (mặc định: template-NĂM)
cli-template-arg-force = Ghi đè các tệp đã có trong thư mục

## compute --format docx, explain --all (the annexes as a Word document; scorecards)

# compute --format docx (phụ lục dạng văn bản Word)
cli-docx-with-ci = --format docx dành cho các phụ lục; dùng --ci với table, csv hoặc json
cli-docx-on-terminal = --format docx ghi ra văn bản Word, không phải văn bản thuần: hãy dùng --output TỆP.docx

# explain --all, explain --format xlsx|docx (phiếu kết quả của các đơn vị)
cli-explain-arg-all = Ghi phiếu kết quả của mọi đơn vị vào thư mục --output THƯ_MỤC, mỗi đơn vị một tệp đặt tên theo mã đơn vị (SNV.xlsx; mã nào Windows không nhận làm tên tệp thì được đổi), ghi tất cả hoặc không ghi tệp nào; thư mục được tạo nếu chưa có. Thư mục số liệu của năm có thể viết ngay sau --all.
cli-explain-binary-on-terminal = --format { $format } ghi ra tệp (sổ tính Excel hoặc văn bản Word), không in ra màn hình được: hãy dùng --output TỆP.{ $format }
cli-explain-all-with-unit = --all giải thích mọi đơn vị: không ghi đơn vị ("{ $unit }"), chỉ ghi thư mục số liệu của năm
cli-explain-all-needs-folder = --all ghi mỗi đơn vị một tệp: hãy dùng --output THƯ_MỤC, là một thư mục (không phải tệp)
cli-explain-cannot-create = không tạo được thư mục { $dir }
cli-explain-wrote = đã ghi { $count } phiếu kết quả vào { $dir }
cli-explain-cannot-write = không ghi được { $file }
cli-template-arg-sipas = Mẫu kết quả khảo sát sự hài lòng: các phiếu khảo sát (sipas-survey.csv) hoặc kết quả theo đơn vị do đơn vị khảo sát cung cấp (sipas-results.csv)
cli-template-arg-sipas-value-sipas-survey = sipas-survey.csv: mỗi phiếu một dòng, mỗi câu hỏi một cột
cli-template-arg-sipas-value-sipas-results = sipas-results.csv: mỗi đơn vị một dòng: số phiếu hợp lệ, chỉ số từng yếu tố (%), Chỉ số hài lòng (không bắt buộc)
# Thông điệp của src/cli (tiếng Việt). Mã bắt đầu bằng "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.

## Loại kết quả, theo tên tệp (src/cmd/kind.rs)
cli-format-contradicts = --format { $format } mâu thuẫn với --output { $path }, có phần mở rộng ứng với { $named }: bỏ --format, hoặc đặt cho tệp phần mở rộng của { $format }
cli-extension-not-written = lệnh { $command } không ghi tệp .{ $ext } (--output { $path }); lệnh này ghi được { $known }
cli-extension-unknown = không biết phải ghi gì theo tên tệp --output { $path }: đặt tên tệp với một trong các phần mở rộng { $known }, hoặc chỉ rõ bằng --format
cli-chart-extension = --chart { $path }: biểu đồ được ghi ra tệp có phần mở rộng { $known }
cli-arg-bom = CSV: ghi dấu thứ tự byte (BOM) UTF-8 ở đầu, kể cả ra màn hình (tệp CSV luôn có sẵn dấu này để Excel hiển thị đúng tiếng Việt)
cli-arg-no_bom = CSV: không ghi dấu thứ tự byte (BOM), kể cả vào tệp (cho chương trình không chấp nhận dấu này)

## par-index criteria
cli-criteria-arg-output = Ghi vào TỆP thay vì ra màn hình; phần mở rộng của tệp quyết định định dạng (bảng .txt hoặc .md, .json, .toml, .xlsx)
cli-criteria-arg-format-value-toml = Toàn bộ bộ tiêu chí dưới dạng tệp tiêu chí, kèm căn cứ (provenance), nguồn và ghi chú: sửa cho năm khác rồi chỉ ra bằng --criteria
cli-template-year-builtin = bộ tiêu chí có sẵn là của năm { $builtin }; để dùng cho năm { $year }, xuất bộ tiêu chí ra tệp bằng `par-index criteria --output tieu-chi-{ $year }.toml`, sửa year = { $year } và các quy định của năm đó trong tệp, rồi chỉ ra tệp bằng --criteria

## --version
cli-version-line = { $version } (tiêu chí { $id }: { $decision })

## par-index completions, par-index man
cli-completions-about = In tập lệnh gợi ý (completion) cho một shell, để shell tự điền các lệnh và tùy chọn của par-index
cli-completions-after-help =
    Ví dụ:
      par-index completions bash > ~/.local/share/bash-completion/completions/par-index
      par-index completions zsh > ~/.zfunc/_par-index
      par-index completions fish > ~/.config/fish/completions/par-index.fish
      par-index completions powershell | Out-String | Invoke-Expression
          (PowerShell: thêm dòng này vào tệp $PROFILE để dùng lâu dài)
cli-completions-arg-shell = Shell: bash, zsh, fish, powershell hoặc elvish
cli-man-about = In trang hướng dẫn (man, định dạng roff) của par-index hoặc của một lệnh
cli-man-after-help =
    Ví dụ:
      par-index man | man -l -
      par-index man compute --output par-index-compute.1
cli-man-arg-command = Lệnh cần in trang hướng dẫn (compute, check, …); không ghi thì in trang của par-index
cli-man-arg-output = Ghi trang hướng dẫn vào TỆP thay vì ra màn hình
cli-man-unknown-command = không có lệnh { $name }; các lệnh là: { $known }
cli-criteria-arg-format-value-table = Các cây tiêu chí dạng bảng, với điểm tối đa, nguồn điểm, cách chấm và nguồn gốc
cli-criteria-arg-format-value-json = Mọi thông tin dùng để tính, cho các chương trình khác
cli-criteria-arg-format-value-xlsx = Bộ tiêu chí dạng sổ tính để sửa như một bảng: mỗi nhóm một trang cây tiêu chí (mã, tên, điểm tối đa, nguồn điểm, cách chấm), các trang điều tra, điểm trừ, xếp loại và nguồn; dùng lại bằng --criteria TỆP.xlsx
cli-criteria-xlsx-on-terminal = --format xlsx ghi ra sổ tính Excel, không in ra màn hình được: hãy dùng --output TỆP.xlsx
