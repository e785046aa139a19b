//! The blank forms of a year (`par-index template`), for the units to fill in: CSV files with
//! a UTF-8 byte-order mark (so that Excel shows the Vietnamese text) and Vietnamese column
//! names, which the readers take as they take the English ones; `self-assessment.csv` has a
//! row per unit and appraisal leaf with the columns a reader needs beside it (the unit's name,
//! the criterion's name, its maximum, its scoring rule and what to write as its value), which
//! the readers know and pass over; `huong-dan.txt` lists the questions, the answer scales, the
//! respondent groups and the deduction kinds.

use std::fmt::Write as _;

use crate::criteria::{Criteria, Measure, Rule, Source};
use crate::inputs::Unit;

/// The columns of each form (what the readers of the year's files accept as Vietnamese names).
pub const UNITS: [&str; 3] = ["Mã đơn vị", "Tên đơn vị", "Nhóm"];
pub const SELF_ASSESSMENT: [&str; 11] = [
    "Mã đơn vị",
    "Tên đơn vị",
    "Tiêu chí",
    "Tên tiêu chí",
    "Điểm tối đa",
    "Cách chấm",
    "Cách nhập giá trị",
    "Tự chấm",
    "Thẩm định",
    "Giá trị",
    "Ghi chú",
];
pub const PAR_SURVEY: [&str; 3] = ["Mã người trả lời", "Nhóm người trả lời", "Mã đơn vị"];
pub const SIPAS_SURVEY: [&str; 2] = ["Mã phiếu", "Mã đơn vị"];
/// The first columns of `sipas-results.csv` (then one per element, by its code, and the
/// unit's index).
pub const SIPAS_RESULTS: [&str; 3] = ["Mã đơn vị", "Tên đơn vị", "Số phiếu hợp lệ"];
pub const SIPAS_RESULTS_INDEX: &str = "Chỉ số hài lòng";

/// How the satisfaction survey comes: questionnaires, or results per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SipasForm {
    /// `sipas-survey.csv`: one row per questionnaire.
    #[default]
    #[value(name = "sipas-survey")]
    Survey,
    /// `sipas-results.csv`: one row per unit, as the survey contractor delivers them.
    #[value(name = "sipas-results")]
    Results,
}
pub const DEDUCTIONS: [&str; 4] = ["Mã đơn vị", "Mã điểm trừ", "Số lần", "Ghi chú"];

/// The appraisal leaves of a group: a row of `self-assessment.csv` each.
pub fn appraisal_leaves(
    criteria: &Criteria,
    group: usize,
) -> impl Iterator<Item = &crate::criteria::Node> {
    criteria.groups[group]
        .leaves()
        .map(|(_, n)| n)
        .filter(|n| n.source == Some(Source::Appraisal))
}

/// The files of the template, by name.
pub fn files(
    criteria: &Criteria,
    units: &[Unit],
    groups: &[usize],
    sipas: SipasForm,
) -> Vec<(&'static str, Vec<u8>)> {
    let csv = |rows: Vec<Vec<String>>| -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(false)
            .from_writer(crate::output::BOM.to_vec());
        for row in rows {
            // Writing to memory cannot fail.
            let _ = w.write_record(&row);
        }
        w.into_inner().unwrap_or_default()
    };
    let s = |x: &str| x.to_string();

    let mut unit_rows = vec![UNITS.map(s).to_vec()];
    unit_rows.extend(units.iter().map(|u| {
        vec![
            u.code.clone(),
            u.name.clone(),
            criteria.groups[u.group].id.clone(),
        ]
    }));

    let mut self_rows = vec![SELF_ASSESSMENT.map(s).to_vec()];
    for u in units {
        for node in appraisal_leaves(criteria, u.group) {
            let rule = node.rule.as_ref();
            self_rows.push(vec![
                u.code.clone(),
                u.name.clone(),
                node.code.to_string(),
                node.name.clone(),
                node.max.normalize().to_string(),
                rule.map(|r| r.describe(node.max)).unwrap_or_default(),
                rule.map(value_hint).unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }

    let mut par_header = PAR_SURVEY.map(s).to_vec();
    for &g in groups {
        par_header.extend(
            criteria.groups[g]
                .survey
                .questions
                .iter()
                .map(|q| q.id.clone()),
        );
    }
    let sipas_file = match sipas {
        SipasForm::Survey => {
            let mut header = SIPAS_SURVEY.map(s).to_vec();
            header.extend(criteria.sipas.items().map(|i| i.id.clone()));
            ("sipas-survey.csv", csv(vec![header]))
        }
        SipasForm::Results => {
            // a row per unit, its code and name filled in
            let mut header = SIPAS_RESULTS.map(s).to_vec();
            header.extend(criteria.sipas.elements.iter().map(|e| e.code.clone()));
            header.push(s(SIPAS_RESULTS_INDEX));
            let blanks = criteria.sipas.elements.len() + 2;
            let mut rows = vec![header];
            rows.extend(units.iter().map(|u| {
                let mut row = vec![u.code.clone(), u.name.clone()];
                row.resize(row.len() + blanks, String::new());
                row
            }));
            ("sipas-results.csv", csv(rows))
        }
    };
    let deductions_header = DEDUCTIONS.map(s).to_vec();

    vec![
        ("units.csv", csv(unit_rows)),
        ("self-assessment.csv", csv(self_rows)),
        ("par-survey.csv", csv(vec![par_header])),
        sipas_file,
        ("deductions.csv", csv(vec![deductions_header])),
        (
            "huong-dan.txt",
            guide(criteria, units, groups, sipas).into_bytes(),
        ),
    ]
}

/// What to write in `value` for a rule.
fn value_hint(rule: &Rule) -> String {
    match rule {
        Rule::Free { .. } => "không nhập giá trị: ghi điểm vào cột Tự chấm".into(),
        Rule::Levels { levels } => format!(
            "một mức: {}",
            levels
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        Rule::Bands {
            on: Measure::Count, ..
        } => "số lần (số nguyên)".into(),
        Rule::Bands {
            on: Measure::Percent,
            ..
        }
        | Rule::Proportional => "tỷ lệ %: 85, 85% hoặc 17/20".into(),
    }
}

/// `huong-dan.txt`: how to fill the files in.
fn guide(criteria: &Criteria, units: &[Unit], groups: &[usize], sipas: SipasForm) -> String {
    let mut g = String::new();
    let _ = writeln!(
        g,
        "BIỂU MẪU NHẬP LIỆU CHỈ SỐ CCHC VÀ CHỈ SỐ HÀI LÒNG NĂM {}",
        criteria.year
    );
    let _ = writeln!(
        g,
        "Tỉnh {} — bộ tiêu chí {} ({})",
        criteria.province, criteria.id, criteria.decision
    );
    let _ = writeln!(g, "{} đơn vị. Tạo bởi: par-index template.\n", units.len());
    let _ = writeln!(
        g,
        "Các tệp CSV (UTF-8) mở và lưu bằng Excel được (Lưu dưới dạng \"CSV UTF-8\"). Cột có tên bắt \
đầu bằng # là cột ghi chú, chương trình bỏ qua; các cột Tên đơn vị, Tên tiêu chí, Điểm tối đa, \
Cách chấm, Cách nhập giá trị chỉ để đọc. Không đổi tên các cột khác (tên tiếng Anh của chúng — \
unit, criterion, self, appraised, value, note… — cũng được chấp nhận).\n"
    );
    let _ = writeln!(
        g,
        "1. units.csv: Mã đơn vị, Tên đơn vị và Nhóm của từng đơn vị."
    );
    for &k in groups {
        let _ = writeln!(
            g,
            "   nhóm {} = {}",
            criteria.groups[k].id, criteria.groups[k].name
        );
    }
    for line in [
        "",
        "2. self-assessment.csv: mỗi đơn vị một dòng cho mỗi tiêu chí chấm qua thẩm định.",
        "   Tự chấm: điểm đơn vị tự chấm (1.5 hoặc 1,5); N/A hoặc KĐG nếu tiêu chí không áp dụng.",
        "   Thẩm định: điểm Hội đồng thẩm định (để trống nếu chưa thẩm định).",
        "   Giá trị: số liệu đo được cho cách chấm (xem cột Cách nhập giá trị); chương trình tính",
        "   điểm từ đó khi không có Tự chấm và Thẩm định, và cảnh báo khi điểm đã ghi khác điểm tính",
        "   được. Tỷ lệ phần trăm ghi 85 hoặc 85%; ô định dạng phần trăm của Excel được đọc đúng như",
        "   hiển thị; tỷ lệ trên 100% (ví dụ thu ngân sách vượt dự toán) được chấm theo khung điểm.",
        "   Ghi chú: ghi chú, tài liệu kiểm chứng.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    for line in [
        "",
        "3. par-survey.csv: phiếu điều tra xã hội học, mỗi dòng là một người trả lời đánh giá một đơn vị.",
        "   Mã người trả lời; Nhóm người trả lời; Mã đơn vị được đánh giá;",
        "   mỗi cột câu hỏi: phương án trả lời; để trống hoặc X nếu không trả lời.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    let scale = criteria
        .survey_scale
        .iter()
        .map(|o| format!("{} = {} ({}%)", o.option, o.label, o.weight.normalize()))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(g, "   Phương án: {scale}.");
    for &k in groups {
        let group = &criteria.groups[k];
        let _ = writeln!(g, "\n   Đơn vị nhóm {} ({}):", group.id, group.name);
        let _ = writeln!(
            g,
            "   nhóm người trả lời: {}",
            group
                .survey
                .respondent_groups
                .iter()
                .map(|r| format!("{} = {}", r.id, r.name))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for q in &group.survey.questions {
            let _ = writeln!(g, "   {} (tiêu chí {}): {}", q.id, q.leaf, q.text);
        }
    }
    let lines = match sipas {
        SipasForm::Survey => [
            "",
            "4. sipas-survey.csv: phiếu khảo sát sự hài lòng, mỗi dòng một phiếu.",
            "   Mã phiếu; Mã đơn vị; mỗi cột: mức hài lòng; để trống hoặc X nếu không trả lời.",
        ],
        SipasForm::Results => [
            "",
            "4. sipas-results.csv: kết quả khảo sát sự hài lòng do đơn vị khảo sát cung cấp, mỗi đơn vị một dòng.",
            "   Số phiếu hợp lệ; mỗi cột yếu tố (theo mã dưới đây): chỉ số của yếu tố (%, ví dụ 85,25); \
Chỉ số hài lòng: không bắt buộc (chương trình tính trung bình các yếu tố và cảnh báo nếu khác).",
        ],
    };
    for line in lines {
        let _ = writeln!(g, "{line}");
    }
    let levels = criteria
        .sipas
        .scale
        .iter()
        .map(|l| format!("{} = {}", l.level, l.label))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(g, "   Mức: {levels}.");
    for e in &criteria.sipas.elements {
        let _ = writeln!(g, "   {} — {}:", e.code, e.name);
        for i in &e.items {
            let _ = writeln!(g, "     {}: {}", i.id, i.text);
        }
    }
    for line in [
        "",
        "5. deductions.csv (không bắt buộc): điểm trừ, mỗi dòng một đơn vị và một loại.",
        "   Mã đơn vị; Mã điểm trừ: loại điểm trừ; Số lần; Ghi chú.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    for d in &criteria.deductions {
        let _ = writeln!(
            g,
            "   {}: {} (trừ {} điểm mỗi lần, tối đa {})",
            d.code,
            d.name,
            d.points.normalize(),
            d.cap.normalize()
        );
    }
    let _ = writeln!(
        g,
        "\nKiểm tra và tính: par-index compute <thư mục> (xem Hướng dẫn sử dụng, \
         docs/vi/huong-dan-su-dung.md trong gói của par-index)."
    );
    g
}
