# Thông điệp của src/criteria (tiếng Việt). Mã bắt đầu bằng "criteria-"; mỗi mã có bản tương ứng trong locales/en/criteria.ftl.

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
