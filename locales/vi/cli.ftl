# Thông điệp của src/cli (tiếng Việt). Mã bắt đầu bằng "cli-"; mỗi mã có bản tương ứng trong locales/en/cli.ftl.

## Loại kết quả, theo tên tệp (src/cmd/kind.rs)
cli-format-contradicts = --format { $format } mâu thuẫn với --output { $path }, có phần mở rộng ứng với { $named }: bỏ --format, hoặc đặt cho tệp phần mở rộng của { $format }
cli-extension-not-written = lệnh { $command } không ghi tệp .{ $ext } (--output { $path }); lệnh này ghi được { $known }
cli-extension-unknown = không biết phải ghi gì theo tên tệp --output { $path }: đặt tên tệp với một trong các phần mở rộng { $known }, hoặc chỉ rõ bằng --format
cli-chart-extension = --chart { $path }: biểu đồ được ghi ra tệp có phần mở rộng { $known }
cli-arg-bom = CSV: ghi dấu thứ tự byte (BOM) UTF-8 ở đầu, kể cả ra màn hình (tệp CSV luôn có sẵn dấu này để Excel hiển thị đúng tiếng Việt)
cli-arg-no-bom = CSV: không ghi dấu thứ tự byte (BOM), kể cả vào tệp (cho chương trình không chấp nhận dấu này)

## par-index criteria
cli-arg-criteria-output = Ghi vào TỆP thay vì ra màn hình; phần mở rộng của tệp quyết định định dạng (bảng .txt hoặc .md, .json, .toml)
cli-criteria-format-toml = Toàn bộ bộ tiêu chí dưới dạng tệp tiêu chí, kèm căn cứ (provenance), nguồn và ghi chú: sửa cho năm khác rồi chỉ ra bằng --criteria
cli-template-builtin-year = bộ tiêu chí có sẵn là của năm { $builtin }; để dùng cho năm { $year }, xuất bộ tiêu chí ra tệp bằng `par-index criteria --output tieu-chi-{ $year }.toml`, sửa year = { $year } và các quy định của năm đó trong tệp, rồi chỉ ra tệp bằng --criteria

## --version
cli-version = { $version } (tiêu chí { $id }: { $decision })

## par-index completions, par-index man
cli-completions-about = In tập lệnh gợi ý (completion) cho một shell, để shell tự điền các lệnh và tùy chọn của par-index
cli-completions-after =
    Ví dụ:
      par-index completions bash > ~/.local/share/bash-completion/completions/par-index
      par-index completions zsh > ~/.zfunc/_par-index
      par-index completions fish > ~/.config/fish/completions/par-index.fish
      par-index completions powershell | Out-String | Invoke-Expression
          (PowerShell: thêm dòng này vào tệp $PROFILE để dùng lâu dài)
cli-arg-shell = Shell: bash, zsh, fish, powershell hoặc elvish
cli-man-about = In trang hướng dẫn (man, định dạng roff) của par-index hoặc của một lệnh
cli-man-after =
    Ví dụ:
      par-index man | man -l -
      par-index man compute --output par-index-compute.1
cli-arg-man-command = Lệnh cần in trang hướng dẫn (compute, check, …); không ghi thì in trang của par-index
cli-arg-man-output = Ghi trang hướng dẫn vào TỆP thay vì ra màn hình
cli-man-unknown-command = không có lệnh { $name }; các lệnh là: { $known }
