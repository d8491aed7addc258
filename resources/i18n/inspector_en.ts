<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
  <context>
    <name>AnswerEditor</name>
    <message>
      <location filename="../../ui/answer_editor.py" line="53" />
      <source>Phím %d</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="76" />
      <source>chưa nhập</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="81" />
      <source>Không có số liệu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="181" />
      <source>tử số lớn hơn mẫu số</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="221" />
      <source>Nhập kết quả…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChecklistModel</name>
    <message>
      <location filename="../../ui/checklist_model.py" line="146" />
      <source>Tiêu chí</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="146" />
      <source>Kết quả</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="146" />
      <source>Ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="195" />
      <source>(gợi ý: %s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="211" />
      <source>Tiêu chí này cần ảnh minh chứng; chưa có ảnh.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="212" />
      <source>%s ảnh</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/mainwindow.py" line="109" />
      <source>%s: sửa kết quả</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="150" />
      <source>Xác nhận</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="151" />
      <source>Dùng kết quả lần trước cho lần này (Ctrl+Enter)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="162" />
      <source>Ghi chú, minh chứng (Enter từ danh sách để vào đây, Esc để quay lại)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="173" />
      <source>Kết quả</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="176" />
      <source>Ghi chú</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="193" />
      <source>Gợi ý từ lần kiểm tra trước: &lt;b&gt;%s&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="198" />
      <source>Lần kiểm tra trước: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="209" />
      <source>Chọn một tiêu chí trong danh sách.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="223" />
      <source>Căn cứ: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="225" />
      <source>Cần ảnh minh chứng.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="254" />
      <source>Inspector — %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="268" />
      <source>Lọc xã, đợt kiểm tra…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="296" />
      <source>Chọn một xã ở danh sách bên trái.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="303" />
      <source>Tìm tiêu chí (Ctrl+F)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="310" />
      <source>Tất cả</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="310" />
      <source>Chưa trả lời</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="311" />
      <source>Không đạt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="333" />
      <source>Bảng kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="334" />
      <source>Ảnh của xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="398" />
      <source>Ảnh minh chứng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="439" />
      <source>Ảnh của xã (%d)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="455" />
      <source>&amp;Tệp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="456" />
      <source>Đợt kiểm tra &amp;mới…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="457" />
      <source>&amp;Thoát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="465" />
      <source>&amp;Sửa</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="466" />
      <source>&amp;Hoàn tác</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="469" />
      <source>&amp;Làm lại</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="474" />
      <source>&amp;Tìm tiêu chí</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="476" />
      <source>Xác nhận &amp;gợi ý của tiêu chí này</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="478" />
      <source>Xác nhận tất cả gợi ý</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="482" />
      <source>&amp;Cài đặt…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="486" />
      <source>Đợt &amp;kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="487" />
      <source>&amp;Sửa đợt kiểm tra, thành viên, các xã…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="489" />
      <source>&amp;Xóa đợt kiểm tra…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="495" />
      <source>&amp;Xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="496" />
      <source>&amp;Buổi làm việc, đại diện xã, tồn tại, kiến nghị…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="498" />
      <source>Lấy &amp;kết quả lần kiểm tra trước làm gợi ý</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="500" />
      <source>&amp;Xóa xã khỏi đợt kiểm tra…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="511" />
      <source>&amp;Xem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="512" />
      <source>Tiêu chí &amp;chưa trả lời tiếp theo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="515" />
      <source>Tất cả tiêu chí</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="516" />
      <source>Chỉ tiêu chí chưa trả lời</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="517" />
      <source>Chỉ tiêu chí không đạt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="521" />
      <source>&amp;Tổng hợp các xã…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="527" />
      <source>&amp;Trợ giúp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="528" />
      <source>&amp;Phím tắt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="529" />
      <source>&amp;Giới thiệu Inspector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="554" />
      <source>&amp;Xuất gói dữ liệu…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="555" />
      <source>&amp;Hợp nhất gói dữ liệu…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="556" />
      <source>&amp;Xung đột cần quyết định…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="557" />
      <source>&amp;Nhật ký hợp nhất…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="587" />
      <source>Chọn một xã trước khi thêm ảnh.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="644" />
      <source>%d đợt kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="749" />
      <source>đã ký biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="755" />
      <source>Đã trả lời %d/%d</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="782" />
      <source>Biên bản đã ký: sửa sẽ là điều chỉnh, cần ghi lý do.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="877" />
      <source>Đã lưu %s lúc %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="883" />
      <source>Điều chỉnh biên bản đã ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="884" />
      <source>Biên bản của xã này đã ký. Sửa kết quả là điều chỉnh biên bản.
Lý do điều chỉnh:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="983" />
      <source>Đã trả lời hết các tiêu chí.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1000" />
      <source>Xác nhận gợi ý</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1001" />
      <source>Dùng %d kết quả của lần kiểm tra trước cho lần này?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1009" />
      <source>Đã lưu %d kết quả lúc %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1019" />
      <source>Lấy kết quả lần trước</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1020" />
      <source>Lấy kết quả của lần kiểm tra xã %s ngày %s làm gợi ý? Các gợi ý chỉ được tính khi anh/chị xác nhận từng tiêu chí.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1025" />
      <source>Đang chép kết quả lần trước…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1025" />
      <source>Hủy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1032" />
      <source>Đã chép %d gợi ý lúc %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1070" />
      <source>Xóa đợt kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1071" />
      <source>Xóa đợt «%s» cùng các xã và kết quả của nó? (Có thể khôi phục từ gói dữ liệu đã xuất.)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1092" />
      <source>Xóa xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1092" />
      <source>Xóa xã %s khỏi đợt kiểm tra cùng các kết quả đã nhập?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1117" />
      <source>Tổng hợp kết quả các xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1136" />
      <source>Phím tắt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1136" />
      <source>↑ ↓  chuyển tiêu chí
1 2 3 4  Đạt / Đạt một phần / Không đạt / Không áp dụng (Có / Không)
số  nhập số liệu của tiêu chí đếm hoặc tỷ lệ
Enter  viết ghi chú; Esc  quay lại danh sách
Delete  xóa kết quả của tiêu chí
Ctrl+Enter  xác nhận gợi ý lần trước
F3  tiêu chí chưa trả lời tiếp theo
Ctrl+F  tìm tiêu chí
Ctrl+Z / Ctrl+Y  hoàn tác / làm lại
Alt+1 / Alt+2 / Alt+3  tất cả / chưa trả lời / không đạt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1149" />
      <source>Giới thiệu Inspector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1149" />
      <source>Inspector — kiểm tra, giám sát cải cách hành chính cấp xã.
Làm việc không cần mạng; mọi thay đổi được lưu ngay vào tệp:
%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1160" />
      <source>Dữ liệu mẫu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="1161" />
      <source>Cơ sở dữ liệu còn trống. Tạo một đợt kiểm tra mẫu (5 xã) để dùng thử?</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/settings.py" line="21" />
      <source>Cài đặt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/settings.py" line="32" />
      <source>Ngôn ngữ giao diện</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/settings.py" line="33" />
      <source>Tên người nhập (ghi vào mỗi thay đổi)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/settings.py" line="42" />
      <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../ui/app.py" line="63" />
      <source>Không mở được cơ sở dữ liệu:
%s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../../ui/dialogs.py" line="43" />
      <source>Kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="43" />
      <source>Giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="44" />
      <source>Trưởng đoàn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="44" />
      <source>Phó Trưởng đoàn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="45" />
      <source>Thành viên</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="45" />
      <source>Thư ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="46" />
      <source>Ưu điểm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="46" />
      <source>Tồn tại, hạn chế</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="46" />
      <source>Nguyên nhân</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="47" />
      <source>Kiến nghị</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="48" />
      <source>Dự kiến</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="48" />
      <source>Đang làm việc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="48" />
      <source>Đã xong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="73" />
      <source>Lưu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="74" />
      <source>Hủy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="116" />
      <source>Kiểm tra công tác cải cách hành chính năm 2026</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="120" />
      <source>ngày/tháng/năm, ví dụ 10/11/2026</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="126" />
      <source>ví dụ: từ 01/01/2026 đến 31/10/2026</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="127" />
      <source>Loại</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="128" />
      <source>Tên đợt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="129" />
      <source>Số quyết định</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="130" />
      <source>Ngày quyết định</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="131" />
      <source>Căn cứ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="134" />
      <source>Cơ quan chủ quản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="135" />
      <source>Cơ quan thường trực</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="136" />
      <source>Thời kỳ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="137" />
      <source>Thông tin chung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="140" />
      <source>Họ và tên</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="140" />
      <source>Chức vụ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="140" />
      <source>Cơ quan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="141" />
      <source>Vai trò</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="142" />
      <source>Thêm thành viên</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="146" />
      <source>Thành viên đoàn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="151" />
      <source>Xã, phường</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="151" />
      <source>tên xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="152" />
      <source>Tỉnh, thành phố</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="153" />
      <source>Ngày làm việc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="154" />
      <source>Thêm xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="159" />
      <source>Các xã được kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="166" />
      <source>giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="166" />
      <source>kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="167" />
      <source>Đợt %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="167" />
      <source>Đợt %s mới</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="168" />
      <source>Đoàn giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="168" />
      <source>Đoàn kiểm tra</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="169" />
      <source>Các xã được giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="199" />
      <source>dòng %d của danh sách thành viên chưa có họ tên</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="217" />
      <source>dòng %d của danh sách xã chưa có tên xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="225" />
      <source>sửa kế hoạch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="237" />
      <source>Buổi làm việc tại %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="251" />
      <source>Trụ sở UBND xã …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="256" />
      <source>Đã ký biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="261" />
      <source>Ngày</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="262" />
      <source>Bắt đầu lúc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="263" />
      <source>Kết thúc lúc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="264" />
      <source>Địa điểm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="265" />
      <source>Tình trạng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="266" />
      <source>Buổi làm việc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="269" />
      <source>Thêm người</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="272" />
      <source>Đại diện xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="276" />
      <source>Nội dung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="276" />
      <source>Đơn vị thực hiện</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="277" />
      <source>Thời hạn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="278" />
      <source>Thêm nội dung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="282" />
      <source>Tồn tại, kiến nghị</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="286" />
      <source>Ý kiến của đại diện xã về kết quả kiểm tra…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="287" />
      <source>Ý kiến của xã</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="289" />
      <source>Buổi giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="294" />
      <source>Điều chỉnh biên bản đã ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="295" />
      <source>Biên bản đã ký. Lý do điều chỉnh:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="317" />
      <source>dòng %d của bảng tồn tại, kiến nghị chưa có nội dung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="333" />
      <source>Đồng ý</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="334" />
      <source>Không</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <location filename="../../ui/errors.py" line="22" />
      <source>Tệp %s không phải cơ sở dữ liệu của Inspector.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="23" />
      <source>Tệp %s được tạo bởi phiên bản Inspector mới hơn; hãy cập nhật phần mềm.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="24" />
      <source>%s: giá trị «%s» không hợp lệ (%s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="25" />
      <source>Biên bản của xã %s đã ký; muốn sửa phải ghi lý do điều chỉnh.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="26" />
      <source>%s: không nhập được ảnh (%s).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="27" />
      <source>Tệp %s đang mở trong chương trình khác (Word?). Hãy đóng tệp hoặc chọn tên khác.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="28" />
      <source>Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="29" />
      <source>Đã hủy. Phần đã hoàn thành được giữ lại.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="45" />
      <source>Lỗi cơ sở dữ liệu: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="47" />
      <source>Lỗi tệp %s: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="49" />
      <source>Lỗi không mong đợi: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/errors.py" line="53" />
      <source>Inspector</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>minutes</name>
    <message>
      <location filename="../../ui/minutes.py" line="34" />
      <source>Mẫu biên bản %s không dùng được: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="91" />
      <source>Xem trước biên bản — %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="98" />
      <source>%d trang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="100" />
      <source>In…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="102" />
      <source>Mở bằng Word</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="104" />
      <source>Mở thư mục</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="105" />
      <source>Đóng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="130" />
      <source>Đang chuẩn bị trang in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="130" />
      <source>Hủy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="140" />
      <source>In biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="140" />
      <source>Không mở được máy in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="178" />
      <source>&amp;In biên bản…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="179" />
      <source>Đánh dấu biên bản &amp;đã ký…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="180" />
      <source>Chọn &amp;mẫu biên bản của cơ quan…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="181" />
      <source>Dùng mẫu biên bản mặc định</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="216" />
      <source>Lưu biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="218" />
      <source>Tài liệu Word (*.docx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="226" />
      <source>Đang lập biên bản…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="227" />
      <source>Biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="235" />
      <source>Đang chuyển sang PDF để xem trước…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="247" />
      <source>Đã lưu %s.
Máy chưa có LibreOffice để xem trước; biên bản sẽ mở bằng trình soạn thảo.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="256" />
      <source>Tệp đang mở</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="256" />
      <source>Tệp %s đang mở trong Word nên không ghi đè được.
Lưu với tên %s?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="259" />
      <source>Lưu tên mới</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="285" />
      <source>Biên bản đã ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="285" />
      <source>Hai bên đã ký biên bản xã %s?
Sau khi đánh dấu, mọi thay đổi kết quả của xã này là điều chỉnh biên bản và phải ghi lý do. Mã đối chiếu in ở chân trang sẽ được lưu lại.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="295" />
      <source>Đã ghi nhận biên bản xã %s đã ký; mã đối chiếu %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="304" />
      <source>Chọn mẫu biên bản (.docx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="312" />
      <source>Mẫu biên bản</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="313" />
      <source>Đã chọn mẫu %s cho các đợt %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="314" />
      <source>giám sát</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="315" />
      <source>kiểm tra</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>photos</name>
    <message>
      <location filename="../../ui/photos.py" line="65" />
      <source>không tìm thấy tệp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="66" />
      <source>tệp rỗng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="67" />
      <source>thư mục không có ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="68" />
      <source>không phải tệp ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="69" />
      <source>định dạng ảnh không hỗ trợ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="70" />
      <source>ảnh bị cắt cụt hoặc hỏng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="71" />
      <source>ảnh quá lớn (số điểm ảnh bất thường)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="72" />
      <source>tệp quá lớn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="73" />
      <source>không đọc được ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="75" />
      <source>chụp khác ngày làm việc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="75" />
      <source>chụp xa nơi chụp các ảnh khác</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="116" />
      <source>Chung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="123" />
      <source>Chụp lúc %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="128" />
      <source>Tệp gốc: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="178" />
      <source>Điều chỉnh biên bản đã ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="179" />
      <source>Biên bản của xã này đã ký. Lý do điều chỉnh:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="249" />
      <source>Thêm ảnh…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="251" />
      <source>Chọn ảnh từ máy; cũng có thể kéo thả tệp, thư mục hoặc dán ảnh (Ctrl+V)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="276" />
      <source>Xem ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="277" />
      <source>Sửa chú thích</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="278" />
      <source>Chuyển sang tiêu chí khác…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="279" />
      <source>Đưa lên trước</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="280" />
      <source>Đưa ra sau</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="281" />
      <source>Xác nhận ảnh hợp lệ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="282" />
      <source>Gỡ ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="283" />
      <source>Dán ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="294" />
      <source>%d ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="294" />
      <source>Chưa có ảnh — kéo thả ảnh vào đây</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="359" />
      <source>gỡ %d ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="368" />
      <source>(Ảnh chung của buổi làm việc)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="372" />
      <source>Chuyển ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="372" />
      <source>Chuyển sang tiêu chí:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="392" />
      <source>chuyển %d ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="414" />
      <source>đổi thứ tự ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="432" />
      <source>Chọn ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="527" />
      <source>Đóng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="587" />
      <source>Đang nhập ảnh…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="587" />
      <source>Dừng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="588" />
      <source>Nhập ảnh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="596" />
      <source>Đang nhập ảnh %d/%d…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="617" />
      <source>Đã nhập %d ảnh.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="619" />
      <source>Đã dừng giữa chừng; các ảnh đã nhập được giữ lại.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="621" />
      <source>Đã có từ trước, không thêm lại: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="623" />
      <source>Không nhập được %d tệp:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/photos.py" line="633" />
      <source>Kết quả nhập ảnh</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>summary</name>
    <message>
      <location filename="../../ui/summary_view.py" line="61" />
      <source>Chưa đạt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="89" />
      <source>chưa trả lời</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="132" />
      <source>Đ: đạt · P: đạt một phần · K: không đạt · –: không áp dụng · ô đỏ: chưa đạt; bấm vào ô để mở kết quả</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="135" />
      <source>Xuất Excel…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="136" />
      <source>Xuất báo cáo Word…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="170" />
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="170" />
      <source>Tài liệu Word (*.docx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="171" />
      <source>Lưu bảng tổng hợp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="185" />
      <source>Đang lập bảng tổng hợp…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="185" />
      <source>Hủy</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <location filename="../../ui/sync.py" line="84" />
      <source>gói không hợp lệ (%s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="87" />
      <source>Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="99" />
      <source>không có gì mới</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="121" />
      <source>Hủy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="122" />
      <source>Inspector</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="134" />
      <source>Xuất gói dữ liệu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="140" />
      <source>Đang xuất gói dữ liệu…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="147" />
      <source>Đã xuất gói dữ liệu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="147" />
      <source>Đã ghi %s: %d thay đổi, %d ảnh (%d KB).
Chép tệp này sang máy khác hoặc gửi về cơ quan.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="167" />
      <source>Hợp nhất gói dữ liệu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="172" />
      <source>Đang kiểm tra và hợp nhất %d tệp…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="235" />
      <source>Kéo thả các tệp gói dữ liệu (.cchc) vào đây để hợp nhất</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="254" />
      <source>Đóng</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="268" />
      <source>Thêm mới: %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="271" />
      <source>Cập nhật: %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="272" />
      <source>Đã có từ trước: %d thay đổi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="274" />
      <source>Tệp này đã được hợp nhất lúc %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="279" />
      <source>bị từ chối — %s. Không có gì bị thay đổi.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="281" />
      <source>%d xung đột mới cần quyết định:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="295" />
      <source>Kết quả hợp nhất</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="296" />
      <source>Đã hợp nhất %d gói: %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="298" />
      <source>%d tệp bị từ chối.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="300" />
      <source>%d xung đột mới.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="308" />
      <source>Giải quyết xung đột…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="345" />
      <source>%d giá trị</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="376" />
      <source>Không có xung đột nào. Mọi thay đổi đã thống nhất.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="378" />
      <source>Cùng một nội dung được sửa khác nhau trên hai máy. Chọn giá trị đúng (nhấp đúp) hoặc nhập giá trị mới; quyết định sẽ được gửi kèm gói dữ liệu sau.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="381" />
      <source>Chọn giá trị này</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="384" />
      <source>hoặc nhập giá trị mới…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="386" />
      <source>Lưu giá trị mới</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="457" />
      <source>Biên bản đã ký</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="458" />
      <source>Biên bản của xã %s đã ký. Lý do điều chỉnh:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="462" />
      <source>Giải quyết xung đột</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="475" />
      <source>Xung đột cần quyết định</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="519" />
      <source>Nhật ký hợp nhất</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="546" />
      <source>Xuất gói dữ liệu…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="547" />
      <source>Hợp nhất gói dữ liệu…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="549" />
      <source>Xung đột cần quyết định…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/sync.py" line="550" />
      <source>Nhật ký hợp nhất…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>widgets</name>
    <message>
      <location filename="../../ui/widgets.py" line="135" />
      <source>Thêm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets.py" line="136" />
      <source>Xóa</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets.py" line="137" />
      <source>Lên</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../ui/widgets.py" line="138" />
      <source>Xuống</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
