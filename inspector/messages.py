"""Why the core refuses a file or cannot write one: each reason once, in English and Vietnamese.

A refusal carries a code and its parameters; `text(code, lang, **params)` gives the sentence. The
command line prints the English one, the window the Vietnamese one. Every code has both, with the
same parameters (a test checks it), so no refusal reaches a Vietnamese window in English.
"""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    # ---- reading a package --------------------------------------------------------------
    "file_missing": ("the file does not exist", "không tìm thấy tệp"),
    "is_folder": ("it is a folder, not a file", "đây là thư mục, không phải tệp"),
    "unreadable": ("the file cannot be read ({detail})", "không đọc được tệp ({detail})"),
    "empty": ("the file is empty", "tệp rỗng"),
    "zip": (
        "it is a ZIP file (a Word or Excel document?), not an Inspector package",
        "đây là tệp nén ZIP (tài liệu Word hoặc Excel?), không phải gói dữ liệu Inspector",
    ),
    "jpeg": ("it is a JPEG image, not an Inspector package", "đây là ảnh JPEG, không phải gói dữ liệu Inspector"),
    "png": ("it is a PNG image, not an Inspector package", "đây là ảnh PNG, không phải gói dữ liệu Inspector"),
    "pdf": ("it is a PDF document, not an Inspector package", "đây là tài liệu PDF, không phải gói dữ liệu Inspector"),
    "old_office": (
        "it is an old Office document, not an Inspector package",
        "đây là tài liệu Office cũ, không phải gói dữ liệu Inspector",
    ),
    "not_package": ("it is not an Inspector package", "không phải gói dữ liệu Inspector"),
    "is_database": (
        "it is an Inspector database, not a package; export a package from it",
        "đây là cơ sở dữ liệu Inspector, không phải gói; hãy xuất gói từ máy đó",
    ),
    "other_sqlite": (
        "it is another program's SQLite file, not an Inspector package",
        "đây là tệp SQLite của chương trình khác, không phải gói dữ liệu Inspector",
    ),
    "newer": (
        "it was made by a newer version of Inspector (package format {found}, this version reads "
        "{supported}); update Inspector",
        "gói được tạo bởi phiên bản Inspector mới hơn (định dạng {found}, phiên bản này đọc {supported}); "
        "hãy cập nhật phần mềm",
    ),
    "older": (
        "it was made by an earlier version of Inspector that did not protect packages against damage "
        "(package format {found}); export it again with this version",
        "gói được tạo bởi phiên bản Inspector cũ chưa có mã kiểm tra toàn vẹn (định dạng {found}); "
        "hãy xuất lại gói bằng phiên bản này",
    ),
    "wal": ("it is not a finished package (the file is in WAL mode)", "gói chưa hoàn chỉnh (tệp đang ở chế độ WAL)"),
    "truncated": (
        "the file is truncated ({size} of {expected} bytes; incomplete copy?)",
        "tệp bị cắt cụt ({size} trên {expected} byte; sao chép chưa xong?)",
    ),
    "truncated_head": ("the file is truncated (incomplete copy?)", "tệp bị cắt cụt (sao chép chưa xong?)"),
    "cannot_open": ("the file cannot be opened ({detail})", "không mở được tệp ({detail})"),
    "damaged": ("the file is damaged ({detail})", "tệp bị hỏng ({detail})"),
    "digest": (
        "the file is damaged: its content does not match its check code ({where})",
        "tệp bị hỏng: nội dung không khớp mã kiểm tra toàn vẹn ({where})",
    ),
    "no_digest": ("the file is damaged: it carries no check code", "tệp bị hỏng: không có mã kiểm tra toàn vẹn"),
    "schema_object": (
        "it holds a {kind} named {name} that Inspector does not make (crafted or damaged file)",
        "gói chứa {kind} «{name}» mà Inspector không tạo ra (tệp bị sửa hoặc hỏng)",
    ),
    "schema_changed": (
        "the table {name} is not as Inspector makes it (crafted or damaged file)",
        "bảng {name} không đúng cấu trúc Inspector tạo ra (tệp bị sửa hoặc hỏng)",
    ),
    "table_missing": ("the table {name} is missing", "thiếu bảng {name}"),
    "photo_damaged": (
        "the photo {sha}… is damaged (its SHA-256 does not match its bytes)",
        "ảnh {sha}… bị hỏng (mã SHA-256 không khớp)",
    ),
    "original_damaged": (
        "the original of photo {sha}… is damaged (its SHA-256 does not match)",
        "ảnh gốc của ảnh {sha}… bị hỏng (mã SHA-256 không khớp)",
    ),
    "photo_invalid": ("the photo {sha}… holds an invalid {column}", "ảnh {sha}… có giá trị {column} không hợp lệ"),
    "unknown_entity": (
        "it holds changes of an unknown kind of record ({entity}); made by a newer version?",
        "gói có thay đổi của loại bản ghi lạ ({entity}); do phiên bản mới hơn tạo ra?",
    ),
    "unknown_field": (
        "it holds changes of an unknown field {entity}.{field}; made by a newer version?",
        "gói có thay đổi của trường lạ {entity}.{field}; do phiên bản mới hơn tạo ra?",
    ),
    "bad_id": (
        "the change {event} holds an invalid id ({column})",
        "thay đổi {event} có mã định danh không hợp lệ ({column})",
    ),
    "invalid_data": (
        "the change {event} holds invalid data ({detail})",
        "thay đổi {event} chứa dữ liệu không hợp lệ ({detail})",
    ),
    "too_long": (
        "the change {event} holds a value longer than Inspector allows ({field})",
        "thay đổi {event} có giá trị dài quá mức cho phép ({field})",
    ),
    "invalid_clock": (
        "the change {event} has an invalid clock value",
        "thay đổi {event} có giá trị thời gian không hợp lệ",
    ),
    "clock_future": (
        "the clock of the laptop {device} ({author}) is wrong: a change is dated {when}; "
        "set that laptop's date and time and export again",
        "đồng hồ của máy {device} ({author}) bị sai: có thay đổi ghi ngày {when}; "
        "hãy chỉnh ngày giờ máy đó rồi xuất lại gói",
    ),
    "lacks_ctx": ("the change {event} of a {entity} lacks its {key}", "thay đổi {event} của {entity} thiếu {key}"),
    "parent_outside": (
        "a parent link names a change {event} that is not in the package",
        "liên kết thay đổi nhắc tới thay đổi {event} không có trong gói",
    ),
    "depends": (
        "it depends on {count} change(s) this database does not have (e.g. {event}); merge the earlier package first",
        "gói cần {count} thay đổi mà máy này chưa có (ví dụ {event}); hãy hợp nhất gói trước đó",
    ),
    "parent_other_field": (
        "the change {event} names a parent of another field",
        "thay đổi {event} nhắc tới thay đổi của trường khác",
    ),
    "photo_missing": ("the photo {id} that it uses is missing", "thiếu ảnh {id} mà gói dùng tới"),
    "checklist_missing": (
        "the checklist version {id} that it uses is missing",
        "thiếu phiên bản bảng kiểm tra {id} mà gói dùng tới",
    ),
    "checklist_unknown": ("checklist items of an unknown version {id}", "tiêu chí của phiên bản bảng kiểm tra lạ {id}"),
    "checklist_invalid": (
        "the checklist {id} holds an invalid {column}",
        "bảng kiểm tra {id} có giá trị {column} không hợp lệ",
    ),
    "record_missing": (
        "it names a record that is missing ({table} → {parent})",
        "gói nhắc tới bản ghi không tồn tại ({table} → {parent})",
    ),
    "timeout": (
        "reading it took longer than {seconds} s; the file is damaged or crafted",
        "đọc tệp quá {seconds} giây; tệp bị hỏng hoặc bị sửa",
    ),
    "changed": ("the file changed while it was being merged", "tệp bị thay đổi trong khi đang hợp nhất"),
    # ---- writing a file -----------------------------------------------------------------
    "disk_full": ("the disk is full", "ổ đĩa đã đầy"),
    "read_only": (
        "the folder cannot be written to (read-only or no permission)",
        "không ghi được vào thư mục (chỉ đọc hoặc không có quyền)",
    ),
    "no_folder": ("the folder does not exist", "thư mục không tồn tại"),
    "os_error": ("the file cannot be written ({detail})", "không ghi được tệp ({detail})"),
    # ---- photos -------------------------------------------------------------------------
    # a file refused as a photo (inspector.photos: the refusal code with "photo_" before it)
    "photo_not_found": ("file not found", "không tìm thấy tệp"),
    "photo_empty": ("the file is empty", "tệp rỗng"),
    "photo_folder_empty": ("no photos in this folder", "thư mục không có ảnh"),
    "photo_not_image": ("not an image", "không phải tệp ảnh"),
    "photo_unsupported": ("unsupported image format", "định dạng ảnh không hỗ trợ"),
    "photo_truncated": (
        "the image is truncated or damaged (incomplete copy?)",
        "ảnh bị cắt cụt hoặc hỏng (sao chép chưa xong?)",
    ),
    "photo_too_large": ("too large in pixels (a decompression bomb?)", "ảnh quá lớn (số điểm ảnh bất thường)"),
    "photo_file_too_big": ("the file is too big", "tệp quá lớn"),
    "photo_unreadable": ("the image cannot be read", "không đọc được ảnh"),
    # ---- templates and documents ---------------------------------------------------------
    "tpl_missing": ("the template file does not exist", "không tìm thấy tệp mẫu"),
    "tpl_unreadable": ("the template file cannot be read ({detail})", "không đọc được tệp mẫu ({detail})"),
    "tpl_not_docx": ("it is not a Word document (.docx)", "tệp mẫu không phải tài liệu Word (.docx)"),
    "tpl_damaged": ("the file is damaged ({detail})", "tệp mẫu bị hỏng ({detail})"),
    "tpl_macros": (
        "it is a Word document with macros (.docm); save it in Word as a Word Document (.docx)",
        "tệp mẫu có macro (.docm); hãy mở bằng Word và lưu thành Tài liệu Word (.docx)",
    ),
    "tpl_dotx": (
        "it is a Word template file (.dotx); open it in Word and save it as a Word Document (.docx)",
        "đây là tệp khuôn mẫu Word (.dotx); hãy mở bằng Word và lưu thành Tài liệu Word (.docx)",
    ),
    "tpl_file_too_big": (
        "the file is too large ({size} MB; at most {limit} MB)",
        "tệp mẫu quá lớn ({size} MB; tối đa {limit} MB)",
    ),
    "tpl_members": (
        "it holds too many parts ({count}; at most {limit}); a damaged or crafted file",
        "tệp mẫu có quá nhiều thành phần ({count}; tối đa {limit}); tệp bị hỏng hoặc bị sửa",
    ),
    "tpl_member_too_big": (
        "the part {part} is too large unpacked ({size} MB; at most {limit} MB)",
        "thành phần {part} quá lớn khi giải nén ({size} MB; tối đa {limit} MB)",
    ),
    "tpl_total_too_big": (
        "it is too large unpacked (more than {limit} MB)",
        "tệp mẫu quá lớn khi giải nén (trên {limit} MB)",
    ),
    "tpl_ratio": (
        "the part {part} is packed {ratio} times smaller than it unpacks (a zip bomb: damaged or crafted file)",
        "thành phần {part} nén nhỏ hơn {ratio} lần so với khi giải nén (bom nén: tệp bị hỏng hoặc bị sửa)",
    ),
    "tpl_doctype": (
        "the part {part} holds a DOCTYPE declaration, which Word never writes (a crafted file)",
        "thành phần {part} có khai báo DOCTYPE mà Word không bao giờ tạo (tệp bị sửa)",
    ),
    "tpl_external": (
        "the part {part} links to something outside the file ({target}); insert the picture or "
        "object into the document instead of linking it",
        "thành phần {part} liên kết tới nội dung bên ngoài tệp ({target}); hãy chèn trực tiếp ảnh "
        "hoặc đối tượng vào tài liệu thay vì liên kết",
    ),
    "tpl_fetching_field": (
        "the part {part} holds a field {field} that fetches {target} from outside the file; remove the field",
        "thành phần {part} có trường {field} lấy {target} từ bên ngoài tệp; hãy xóa trường đó",
    ),
    "tpl_field": ("{detail}", "lỗi trong mẫu: {detail}"),
    "tpl_cannot_read": ("the template cannot be read ({detail})", "không đọc được mẫu ({detail})"),
    "tpl_syntax": (
        "a field or block is not written correctly: {detail}",
        "trường hoặc khối lệnh viết chưa đúng: {detail}",
    ),
    "tpl_runtime": ("an error while filling the template: {detail}", "lỗi khi điền mẫu: {detail}"),
    "tpl_forbidden": (
        "the template uses something a template may not use ({detail})",
        "mẫu dùng thao tác không được phép ({detail})",
    ),
    "tpl_division": ("the template divides by zero", "mẫu có phép chia cho 0"),
    "tpl_number": (
        "the template computes a number too large (more than {bits} bits)",
        "mẫu tính ra số quá lớn (trên {bits} bit)",
    ),
    "tpl_too_large": (
        "the template builds a text or list longer than {limit} characters or items",
        "mẫu tạo ra chuỗi hoặc danh sách dài quá {limit} ký tự hoặc phần tử",
    ),
    "tpl_range": (
        "the template asks for a range of {size} numbers (at most {limit})",
        "mẫu dùng dãy {size} số (tối đa {limit})",
    ),
    "tpl_steps": ("the template's loops run more than {steps} steps", "vòng lặp của mẫu chạy quá {steps} bước"),
    "tpl_recursion": (
        "the template calls itself without end (a macro that calls itself?)",
        "mẫu tự gọi lại chính nó không dừng (macro gọi chính nó?)",
    ),
    "tpl_time": (
        "filling the template took longer than {seconds} s (a loop without end?)",
        "điền mẫu mất hơn {seconds} giây (vòng lặp không dừng?)",
    ),
    "tpl_memory": ("filling the template needed more than {limit} MB of memory", "điền mẫu cần hơn {limit} MB bộ nhớ"),
    "tpl_output": (
        "the filled document would be larger than {limit} MB",
        "tài liệu sau khi điền sẽ lớn hơn {limit} MB",
    ),
    "tpl_bad_xml": (
        "the filled template is not a valid Word document ({detail})",
        "mẫu sau khi điền không còn là tài liệu Word hợp lệ ({detail})",
    ),
    "tpl_crashed": ("the template could not be filled ({detail})", "không điền được mẫu ({detail})"),
}


def text(code: str, lang: str = "en", **params: object) -> str:
    """The sentence of a reason in English ("en") or Vietnamese ("vi")."""
    en, vi = REASONS[code]
    return (vi if lang == "vi" else en).format(**params)


__all__ = ["REASONS", "text"]
