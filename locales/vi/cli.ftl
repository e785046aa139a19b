# Thông điệp của src/cli (tiếng Việt). Mã bắt đầu bằng "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.

# compute --format docx (phụ lục dạng văn bản Word)
cli-docx-with-ci = --format docx dành cho các phụ lục; dùng --ci với table, csv hoặc json
cli-docx-on-terminal = --format docx ghi ra văn bản Word, không phải văn bản thuần: hãy dùng --output TỆP.docx

# explain --all, explain --format xlsx|docx (phiếu kết quả của các đơn vị)
cli-explain-all = Ghi phiếu kết quả của mọi đơn vị vào thư mục --output THƯ_MỤC, mỗi đơn vị một tệp đặt tên theo mã đơn vị (SNV.xlsx; mã nào Windows không nhận làm tên tệp thì được đổi), ghi tất cả hoặc không ghi tệp nào; thư mục được tạo nếu chưa có. Thư mục số liệu của năm có thể viết ngay sau --all.
cli-explain-format = Định dạng: table (mặc định) hoặc json; xlsx hoặc docx cho phiếu kết quả của đơn vị (kết quả, số điểm cần để vượt đơn vị xếp trên và để đạt xếp loại cao hơn, các đơn vị liền kề, tiêu chí theo số điểm bị mất và so với đơn vị cao nhất trong nhóm, toàn bộ cây tiêu chí). Với --all: xlsx (mặc định), docx, json hoặc table, mỗi đơn vị một tệp.
cli-explain-binary-on-terminal = --format { $format } ghi ra văn bản, không phải văn bản thuần: hãy dùng --output TỆP.{ $format }
cli-explain-all-with-unit = --all giải thích mọi đơn vị: không ghi đơn vị ("{ $unit }"), chỉ ghi thư mục số liệu của năm
cli-explain-all-needs-folder = --all ghi mỗi đơn vị một tệp: hãy dùng --output THƯ_MỤC, là một thư mục (không phải tệp)
cli-explain-cannot-create = không tạo được thư mục { $dir }
cli-explain-wrote = đã ghi { $count } phiếu kết quả vào { $dir }
cli-explain-cannot-write = không ghi được { $file }
