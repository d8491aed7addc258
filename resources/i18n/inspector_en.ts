<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="vi_VN">
  <context>
    <name>AnswerEditor</name>
    <message>
      <location filename="../../ui/answer_editor.py" line="95" />
      <source>Phím %d</source>
      <translation>Key %d</translation>
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="116" />
      <source>chưa nhập</source>
      <translation>not entered</translation>
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="121" />
      <source>Không có số liệu</source>
      <translation>No data</translation>
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="223" />
      <source>tử số lớn hơn mẫu số</source>
      <translation>numerator larger than denominator</translation>
    </message>
    <message>
      <location filename="../../ui/answer_editor.py" line="264" />
      <source>Nhập kết quả…</source>
      <translation>Type the result…</translation>
    </message>
  </context>
  <context>
    <name>ChecklistModel</name>
    <message>
      <location filename="../../ui/checklist_model.py" line="170" />
      <source>Tiêu chí</source>
      <translation>Item</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="170" />
      <source>Kết quả</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="170" />
      <source>Ảnh</source>
      <translation>Photos</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="170" />
      <source>Điểm</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="205" />
      <source>%s điểm của lĩnh vực</source>
      <translation>%s points in this area</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="232" />
      <source>(gợi ý: %s)</source>
      <translation>(suggested: %s)</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="254" />
      <source>Tiêu chí này cần ảnh minh chứng; chưa có ảnh.</source>
      <translation>This item needs an evidence photo; there is none yet.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/checklist_model.py" line="255" />
      <source>%n ảnh</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="301" />
      <source>Điểm chấm tay: %s</source>
      <translation>Points set by hand: %s</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="303" />
      <source>Không áp dụng: không tính vào điểm tối đa</source>
      <translation>Not applicable: left out of the maximum</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="305" />
      <source>Điểm thưởng: đến %s điểm</source>
      <translation>Bonus: up to %s points</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_model.py" line="307" />
      <source>Điểm trừ: đến %s điểm</source>
      <translation>Penalty: down to %s points</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/checklist_pane.py" line="96" />
      <source>Tìm tiêu chí (Ctrl+F)</source>
      <translation>Search items (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_pane.py" line="107" />
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_pane.py" line="108" />
      <source>Chưa trả lời</source>
      <translation>Unanswered</translation>
    </message>
    <message>
      <location filename="../../ui/checklist_pane.py" line="109" />
      <source>Không đạt</source>
      <translation>Not met</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="39" />
      <source>Xác nhận gợi ý</source>
      <translation>Confirm suggestions</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/commands.py" line="39" />
      <source>Dùng %n kết quả của lần kiểm tra trước cho lần này?</source>
      <translation>
        <numerusform>Use %n result of the last inspection for this visit?</numerusform>
        <numerusform>Use %n results of the last inspection for this visit?</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/commands.py" line="47" />
      <source>Đã lưu %n kết quả lúc %s</source>
      <translation>
        <numerusform>Saved %n result at %s</numerusform>
        <numerusform>Saved %n results at %s</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="60" />
      <source>Lấy kết quả lần trước</source>
      <translation>Take last results</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="61" />
      <source>Lấy kết quả của lần kiểm tra xã %s ngày %s làm gợi ý? Các gợi ý chỉ được tính khi anh/chị xác nhận từng tiêu chí.</source>
      <translation>Take the results of the inspection of %s on %s as suggestions? A suggestion counts only once you confirm it, item by item.</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="70" />
      <source>Đang chép kết quả lần trước…</source>
      <translation>Copying the last results…</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="70" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/commands.py" line="77" />
      <source>Đã chép %n gợi ý lúc %s</source>
      <translation>
        <numerusform>Copied %n suggestion at %s</numerusform>
        <numerusform>Copied %n suggestions at %s</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="119" />
      <source>Xóa đợt kiểm tra</source>
      <translation>Delete inspection</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="120" />
      <source>Xóa đợt «%s» cùng các xã và kết quả của nó? (Có thể khôi phục từ gói dữ liệu đã xuất.)</source>
      <translation>Delete «%s» with its communes and results? (An exported data package can restore it.)</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="143" />
      <source>Xóa xã</source>
      <translation>Remove commune</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="143" />
      <source>Xóa xã %s khỏi đợt kiểm tra cùng các kết quả đã nhập?</source>
      <translation>Remove %s from the inspection, with the results entered?</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="177" />
      <source>Ngôn ngữ giao diện</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="178" />
      <source>Ngôn ngữ mới được dùng từ lần mở Inspector sau. Mở lại Inspector ngay bây giờ?</source>
      <translation>The new language is used from the next start of Inspector. Restart Inspector now?</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="195" />
      <source>Tổng hợp kết quả các xã</source>
      <translation>Results across communes</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="221" />
      <source>Chấm điểm tay — %s</source>
      <translation>Points by hand — %s</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="233" />
      <source>Không bắt buộc với tiêu chí văn bản</source>
      <translation>Optional for a text criterion</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="233" />
      <source>Bắt buộc: vì sao chấm khác</source>
      <translation>Required: why the points differ</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="239" />
      <source>Điểm (%s đến %s):</source>
      <translation>Points (%s to %s):</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="240" />
      <source>Lý do:</source>
      <translation>Reason:</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="244" />
      <source>Theo kết quả</source>
      <translation>From the answer</translation>
    </message>
    <message>
      <location filename="../../ui/commands.py" line="272" />
      <source>Đã lưu điểm %s lúc %s</source>
      <translation>Points of %s saved at %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_editing.py" line="27" />
      <source>%s: sửa kết quả</source>
      <translation>%s: change result</translation>
    </message>
    <message>
      <location filename="../../ui/item_editing.py" line="124" />
      <source>Đã lưu %s lúc %s</source>
      <translation>Saved %s at %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="58" />
      <source>Xác nhận</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="59" />
      <source>Dùng kết quả lần trước cho lần này (Ctrl+Enter)</source>
      <translation>Use the last result for this visit (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="78" />
      <source>Ghi chú, minh chứng (Enter từ danh sách để vào đây, Esc để quay lại)</source>
      <translation>Note, evidence (Enter from the list to come here, Esc to go back)</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="89" />
      <source>Kết quả</source>
      <translation>Result</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="94" />
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="110" />
      <source>Gợi ý từ lần kiểm tra trước: &lt;b&gt;%s&lt;/b&gt;</source>
      <translation>Suggested by the last inspection: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="115" />
      <source>Lần kiểm tra trước: %s</source>
      <translation>Last inspection: %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="126" />
      <source>Nhập bởi %s lúc %s</source>
      <translation>Entered by %s at %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="126" />
      <source>Nhập lúc %s</source>
      <translation>Entered at %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="134" />
      <source>Chọn một tiêu chí trong danh sách.</source>
      <translation>Select an item in the list.</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="149" />
      <source>Căn cứ: %s</source>
      <translation>Basis: %s</translation>
    </message>
    <message>
      <location filename="../../ui/item_panel.py" line="151" />
      <source>Cần ảnh minh chứng.</source>
      <translation>Evidence photo required.</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="75" />
      <source>Inspector — %s</source>
      <translation>Inspector — %s</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="98" />
      <source>Chọn một xã ở danh sách bên trái.</source>
      <translation>Select a commune in the list on the left.</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="106" />
      <source>Bảng kiểm tra</source>
      <translation>Checklist</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="108" />
      <source>Ảnh của xã</source>
      <translation>Commune photos</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="226" />
      <source>Chọn một xã trước khi thêm ảnh.</source>
      <translation>Select a commune before adding photos.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/mainwindow.py" line="239" />
      <source>%n đợt kiểm tra</source>
      <translation>
        <numerusform>%n inspection</numerusform>
        <numerusform>%n inspections</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="333" />
      <source>đã ký biên bản</source>
      <translation>minutes signed</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="336" />
      <source>Bảng kiểm tra · %s</source>
      <translation>Checklist · %s</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="338" />
      <source>Bộ tiêu chí: %s (%s)</source>
      <translation>Criteria set: %s (%s)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="352" />
      <source>%s/%s điểm</source>
      <translation>%s/%s points</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="354" />
      <source> (chỉ số %s)</source>
      <translation> (index %s)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="383" />
      <source>Biên bản đã ký: sửa sẽ là điều chỉnh, cần ghi lý do.</source>
      <translation>Minutes signed: a change is an amendment and needs a reason.</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="397" />
      <source>ghi chú</source>
      <translation>note</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="400" />
      <source>kết quả</source>
      <translation>result</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="404" />
      <source>Điều chỉnh %s sau khi ký: %s → %s; lý do: %s (%s, %s)</source>
      <translation>%s amended after signing: %s → %s; reason: %s (%s, %s)</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="461" />
      <source>Đã trả lời hết các tiêu chí.</source>
      <translation>All items are answered.</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="512" />
      <source>Phím tắt</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="527" />
      <source>Inspector — kiểm tra, giám sát cải cách hành chính cấp xã.
Làm việc không cần mạng; mọi thay đổi được lưu ngay vào tệp.

Phiên bản: %1
Cơ sở dữ liệu: %2
Bộ tiêu chí: %3
Thư mục dữ liệu: %4
Nhật ký: %5</source>
      <translation>Inspector — inspecting and overseeing administrative reform at commune level.
Works without a network; every change is saved at once to the file.

Version: %1
Database: %2
Criteria set: %3
Data folder: %4
Logs: %5</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="536" />
      <source>Giới thiệu Inspector</source>
      <translation>About Inspector</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="576" />
      <source>Dữ liệu mẫu</source>
      <translation>Demo data</translation>
    </message>
    <message>
      <location filename="../../ui/mainwindow.py" line="576" />
      <source>Cơ sở dữ liệu còn trống. Tạo một đợt kiểm tra mẫu (5 xã) để dùng thử?</source>
      <translation>The database is empty. Create a demo inspection (5 communes) to try the app?</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="31" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="32" />
      <source>Đợt kiểm tra &amp;mới…</source>
      <translation>&amp;New inspection…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="33" />
      <source>&amp;Thoát</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="41" />
      <source>&amp;Sửa</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="42" />
      <source>&amp;Hoàn tác</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="45" />
      <source>&amp;Làm lại</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="50" />
      <source>&amp;Tìm tiêu chí</source>
      <translation>&amp;Find item</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="53" />
      <source>Xác nhận &amp;gợi ý của tiêu chí này</source>
      <translation>Confirm this item's &amp;suggestion</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="55" />
      <source>Xác nhận tất cả gợi ý</source>
      <translation>Confirm all suggestions</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="58" />
      <source>Chấm điểm &amp;tay…</source>
      <translation>Set &amp;points by hand…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="61" />
      <source>&amp;Cài đặt…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="64" />
      <source>Đợt &amp;kiểm tra</source>
      <translation>&amp;Inspection</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="66" />
      <source>&amp;Sửa đợt kiểm tra, thành viên, các xã…</source>
      <translation>&amp;Edit inspection, members, communes…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="68" />
      <source>&amp;Xóa đợt kiểm tra…</source>
      <translation>&amp;Delete inspection…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="73" />
      <source>&amp;Bộ tiêu chí…</source>
      <translation>&amp;Criteria sets…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="76" />
      <source>&amp;Xã</source>
      <translation>&amp;Commune</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="78" />
      <source>&amp;Buổi làm việc, đại diện xã, tồn tại, kiến nghị…</source>
      <translation>&amp;Session, representatives, findings, recommendations…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="81" />
      <source>Lấy &amp;kết quả lần kiểm tra trước làm gợi ý</source>
      <translation>Take the last inspection's &amp;results as suggestions</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="83" />
      <source>&amp;Xóa xã khỏi đợt kiểm tra…</source>
      <translation>&amp;Remove commune from the inspection…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="95" />
      <source>&amp;Xem</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="97" />
      <source>Tiêu chí &amp;chưa trả lời tiếp theo</source>
      <translation>Next &amp;unanswered item</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="101" />
      <source>Tất cả tiêu chí</source>
      <translation>All items</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="102" />
      <source>Chỉ tiêu chí chưa trả lời</source>
      <translation>Unanswered items only</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="103" />
      <source>Chỉ tiêu chí không đạt</source>
      <translation>Items not met only</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="106" />
      <source>&amp;Tổng hợp các xã…</source>
      <translation>&amp;Summary across communes…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="110" />
      <source>&amp;Trợ giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="111" />
      <source>&amp;Phím tắt</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="112" />
      <source>Mở thư mục &amp;nhật ký</source>
      <translation>Open the &amp;log folder</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="113" />
      <source>&amp;Giới thiệu Inspector</source>
      <translation>&amp;About Inspector</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="143" />
      <source>&amp;Xuất gói dữ liệu…</source>
      <translation>E&amp;xport data package…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="144" />
      <source>&amp;Hợp nhất gói dữ liệu…</source>
      <translation>&amp;Merge data packages…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="145" />
      <source>&amp;Xung đột cần quyết định…</source>
      <translation>&amp;Conflicts to decide…</translation>
    </message>
    <message>
      <location filename="../../ui/menus.py" line="146" />
      <source>&amp;Nhật ký hợp nhất…</source>
      <translation>Merge &amp;log…</translation>
    </message>
    <message>
      <location filename="../../ui/nav_pane.py" line="88" />
      <source>Lọc xã, đợt kiểm tra…</source>
      <translation>Filter communes, inspections…</translation>
    </message>
    <message>
      <location filename="../../ui/photo_pane.py" line="34" />
      <source>Ảnh minh chứng</source>
      <translation>Evidence photos</translation>
    </message>
    <message>
      <location filename="../../ui/photo_pane.py" line="110" />
      <source>Ảnh của xã (%d)</source>
      <translation>Commune photos (%d)</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="37" />
      <source>Kết thúc điều chỉnh</source>
      <translation>End amendment</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="38" />
      <source>Thay đổi sau đó lại hỏi lý do điều chỉnh.</source>
      <translation>The next change asks for a reason again.</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="55" />
      <source>Đang điều chỉnh biên bản đã ký — lý do: %s</source>
      <translation>Amending signed minutes — reason: %s</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/status_pane.py" line="63" />
      <source>⚠ %n xung đột cần quyết định</source>
      <translation>
        <numerusform>⚠ %n conflict to decide</numerusform>
        <numerusform>⚠ %n conflicts to decide</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="64" />
      <source>Cùng một nội dung được sửa khác nhau trên hai máy; bấm để quyết định.</source>
      <translation>The same field was changed differently on two laptops; click to decide.</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="68" />
      <source>Đã trả lời %d/%d</source>
      <translation>Answered %d/%d</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="82" />
      <source>Người nhập: chưa ghi tên (Sửa → Cài đặt…)</source>
      <translation>Entering: no name yet (Edit → Settings…)</translation>
    </message>
    <message>
      <location filename="../../ui/status_pane.py" line="86" />
      <source>Người nhập: %s</source>
      <translation>Entering: %s</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/settings.py" line="56" />
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="68" />
      <source>Giữ cả tệp ảnh gốc (tệp dữ liệu lớn hơn nhiều)</source>
      <translation>Also keep the original photo files (a much larger data file)</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="71" />
      <source>Tóm tắt theo lĩnh vực; phiếu kiểm tra ở Phụ lục I</source>
      <translation>An account per area; the full sheet as Appendix I</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="72" />
      <source>Bảng kết quả đầy đủ trong thân biên bản</source>
      <translation>The full result tables in the body</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="79" />
      <source>Ngôn ngữ giao diện</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="80" />
      <source>Tên người nhập (ghi vào mỗi thay đổi)</source>
      <translation>Your name (recorded with every change)</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="81" />
      <source>Cạnh dài tối đa của ảnh lưu</source>
      <translation>Longest edge of stored photos</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="83" />
      <source>Kết quả trong biên bản</source>
      <translation>Results in the minutes</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="92" />
      <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
      <translation>The new language applies when the app is opened again.</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="115" />
      <source>Người nhập trên máy này</source>
      <translation>Who enters on this laptop</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="117" />
      <source>Họ và tên, ví dụ Nguyễn Thị Lan</source>
      <translation>Full name, e.g. Nguyễn Thị Lan</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="125" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="126" />
      <source>Vai trò trong đoàn</source>
      <translation>Role in the delegation</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" line="127" />
      <source>Mỗi thay đổi được ghi tên người nhập. Có thể sửa trong Sửa → Cài đặt…</source>
      <translation>Every change records who entered it. You can change this in Edit → Settings…</translation>
    </message>
  </context>
  <context>
    <name>amend</name>
    <message>
      <location filename="../../ui/amend.py" line="49" />
      <source>Điều chỉnh biên bản đã ký</source>
      <translation>Amending signed minutes</translation>
    </message>
    <message>
      <location filename="../../ui/amend.py" line="50" />
      <source>Biên bản của xã %s đã ký. Thay đổi từ bây giờ là điều chỉnh biên bản, được ghi lại và liệt kê khi in lại.
Lý do điều chỉnh:</source>
      <translation>The minutes of %s were signed. Changes from now on amend them; they are recorded and listed when the minutes are printed again.
Reason for the amendment:</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../ui/app.py" line="69" />
      <source>Đang nâng cấp cơ sở dữ liệu %s…</source>
      <translation>Upgrading the database %s…</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="100" />
      <source>Không mở được cơ sở dữ liệu:
%s</source>
      <translation>Cannot open the database:
%s</translation>
    </message>
  </context>
  <context>
    <name>criteria</name>
    <message>
      <location filename="../../ui/criteria.py" line="61" />
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="62" />
      <source>Lĩnh vực</source>
      <translation>Area</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="63" />
      <source>Nội dung</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="64" />
      <source>Loại</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="65" />
      <source>Điểm tối đa</source>
      <translation>Max points</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="66" />
      <source>Cách chấm</source>
      <translation>Scoring</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="67" />
      <source>Tài liệu kiểm chứng</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="68" />
      <source>Hướng dẫn</source>
      <translation>Guidance</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="69" />
      <source>Cần ảnh</source>
      <translation>Photo</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="69" />
      <source>có</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="70" />
      <source>Khi không đạt</source>
      <translation>When not met</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="71" />
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="72" />
      <source>Thưởng/trừ</source>
      <translation>Bonus/penalty</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="72" />
      <source>thưởng</source>
      <translation>bonus</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="72" />
      <source>trừ</source>
      <translation>penalty</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="78" />
      <source>… và %d vấn đề khác.</source>
      <translation>… and %d more problems.</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="79" />
      <source>Bộ tiêu chí %s có %d vấn đề; chưa nạp gì:</source>
      <translation>Criteria set %s has %d problems; nothing was loaded:</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="93" />
      <source>Sửa bộ tiêu chí — %s</source>
      <translation>Edit criteria set — %s</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="93" />
      <source>Bộ tiêu chí — %s (chỉ xem)</source>
      <translation>Criteria set — %s (view only)</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="111" />
      <source>phiên bản</source>
      <translation>version</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="113" />
      <source>Mã bộ tiêu chí</source>
      <translation>Set code</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="114" />
      <source>Tên</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="115" />
      <source>Tỉnh, thành phố</source>
      <translation>Province</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="116" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="117" />
      <source>Quyết định ban hành</source>
      <translation>Issuing decision</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="118" />
      <source>Nguồn</source>
      <translation>Sources</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="120" />
      <source>Thêm tiêu chí</source>
      <translation>Add criterion</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="141" />
      <source>Xếp loại</source>
      <translation>Classes</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="141" />
      <source>Từ (chỉ số)</source>
      <translation>From (index)</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="141" />
      <source>Thêm</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="147" />
      <source>Tiêu chí</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="148" />
      <source>Thông tin</source>
      <translation>Information</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="155" />
      <source>Xuất ra Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="158" />
      <source>Lưu phiên bản mới</source>
      <translation>Save as a new version</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="160" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="164" />
      <source>Bộ tiêu chí đã dùng cho đợt kiểm tra hoặc đi kèm phần mềm: chỉ xem. Sao chép để sửa thành phiên bản mới.</source>
      <translation>This set is used by an inspection or comes with the app: view only. Copy it to edit a new version.</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="197" />
      <source>cần tên và chỉ số thấp nhất từ 0 đến 100</source>
      <translation>needs a name and a lowest index from 0 to 100</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="211" />
      <source>bộ tiêu chí cần có tên</source>
      <translation>the set needs a name</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="214" />
      <source>phiên bản là một số: 1, 2, 3…</source>
      <translation>the version is a number: 1, 2, 3…</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="225" />
      <source>%d tiêu chí; tổng %s điểm</source>
      <translation>%d criteria; %s points in all</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="230" />
      <source>&lt;br&gt;… và %d vấn đề khác</source>
      <translation>&lt;br&gt;… and %d more problems</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="233" />
      <source>Không có lỗi.</source>
      <translation>No problems.</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="270" />
      <source>Xuất bộ tiêu chí</source>
      <translation>Export criteria set</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="288" />
      <source>Bộ tiêu chí</source>
      <translation>Criteria sets</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="292" />
      <source>Mã, phiên bản</source>
      <translation>Code, version</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="292" />
      <source>Điểm</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="292" />
      <source>Sử dụng</source>
      <translation>Use</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="301" />
      <source>Mở…</source>
      <translation>Open…</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="302" />
      <source>Sao chép thành phiên bản mới…</source>
      <translation>Copy to a new version…</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="303" />
      <source>Nhập từ Excel…</source>
      <translation>Import from Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="324" />
      <source>%d đợt, khóa</source>
      <translation>%d inspections, locked</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="324" />
      <source>chưa dùng</source>
      <translation>not used</translation>
    </message>
    <message>
      <location filename="../../ui/criteria.py" line="351" />
      <source>Nhập bộ tiêu chí</source>
      <translation>Import criteria set</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../../ui/dialogs.py" line="46" />
      <source>Kiểm tra</source>
      <translation>Inspection</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="46" />
      <source>Giám sát</source>
      <translation>Oversight</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="48" />
      <source>Trưởng đoàn</source>
      <translation>Head of team</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="49" />
      <source>Phó Trưởng đoàn</source>
      <translation>Deputy head</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="50" />
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="51" />
      <source>Thư ký</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="54" />
      <source>Ưu điểm</source>
      <translation>Strength</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="55" />
      <source>Tồn tại, hạn chế</source>
      <translation>Shortcoming</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="56" />
      <source>Nguyên nhân</source>
      <translation>Cause</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="57" />
      <source>Kiến nghị</source>
      <translation>Recommendation</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="59" />
      <source>Dự kiến</source>
      <translation>Planned</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="59" />
      <source>Đang làm việc</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="59" />
      <source>Đã xong</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="84" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="85" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="148" />
      <source>Kiểm tra công tác cải cách hành chính năm 2026</source>
      <translation>Inspection of administrative reform, 2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="152" />
      <source>ngày/tháng/năm, ví dụ 10/11/2026</source>
      <translation>day/month/year, e.g. 10/11/2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="158" />
      <source>ví dụ: từ 01/01/2026 đến 31/10/2026</source>
      <translation>e.g. from 01/01/2026 to 31/10/2026</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="159" />
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="160" />
      <source>Tên đợt</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="161" />
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="162" />
      <source>Ngày quyết định</source>
      <translation>Decision date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="163" />
      <source>Căn cứ</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="166" />
      <source>Cơ quan chủ quản</source>
      <translation>Parent agency</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="167" />
      <source>Cơ quan thường trực</source>
      <translation>Home office</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="168" />
      <source>Thời kỳ</source>
      <translation>Reporting period</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="175" />
      <source> (%s điểm)</source>
      <translation> (%s points)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="181" />
      <source>Đợt đã có kết quả chấm: không đổi được bộ tiêu chí.</source>
      <translation>The inspection has answers: its criteria set cannot change.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="182" />
      <source>Bộ tiêu chí</source>
      <translation>Criteria set</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="183" />
      <source>Thông tin chung</source>
      <translation>General</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="187" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="188" />
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="189" />
      <source>Cơ quan</source>
      <translation>Agency</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="191" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="197" />
      <source>Danh xưng</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="199" />
      <source>Thêm thành viên</source>
      <translation>Add member</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="204" />
      <source>Thành viên đoàn</source>
      <translation>Team members</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="214" />
      <source>Xã, phường</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="214" />
      <source>tên xã</source>
      <translation>commune name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="215" />
      <source>Tỉnh, thành phố</source>
      <translation>Province</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="216" />
      <source>Ngày làm việc</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="218" />
      <source>Thêm xã</source>
      <translation>Add commune</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="224" />
      <source>Các xã được kiểm tra</source>
      <translation>Communes inspected</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="231" />
      <source>giám sát</source>
      <translation>oversight</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="231" />
      <source>kiểm tra</source>
      <translation>inspection</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="232" />
      <source>Đợt %s</source>
      <translation>%s</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="232" />
      <source>Đợt %s mới</source>
      <translation>New %s</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="233" />
      <source>Đoàn giám sát</source>
      <translation>Oversight team</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="233" />
      <source>Đoàn kiểm tra</source>
      <translation>Inspection team</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="234" />
      <source>Các xã được giám sát</source>
      <translation>Communes overseen</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="271" />
      <source>dòng %d của danh sách thành viên chưa có họ tên</source>
      <translation>row %d of the members has no name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="298" />
      <source>dòng %d của danh sách xã chưa có tên xã</source>
      <translation>row %d of the communes has no commune name</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="318" />
      <source>Buổi làm việc tại %s</source>
      <translation>Working session in %s</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="332" />
      <source>Trụ sở UBND xã …</source>
      <translation>Commune People's Committee office …</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="337" />
      <source>Đã ký biên bản</source>
      <translation>Minutes signed</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="342" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="343" />
      <source>Bắt đầu lúc</source>
      <translation>Started at</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="344" />
      <source>Kết thúc lúc</source>
      <translation>Ended at</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="345" />
      <source>Địa điểm</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="346" />
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="347" />
      <source>Buổi làm việc</source>
      <translation>Session</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="355" />
      <source>Thêm người</source>
      <translation>Add person</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="363" />
      <source>Đại diện xã</source>
      <translation>Commune representatives</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="368" />
      <source>Nội dung</source>
      <translation>Text</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="369" />
      <source>Đơn vị thực hiện</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="370" />
      <source>Thời hạn</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="372" />
      <source>Thêm nội dung</source>
      <translation>Add row</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="377" />
      <source>Gợi ý từ tiêu chí không đạt</source>
      <translation>Draft from items not met</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="379" />
      <source>Thêm tồn tại và kiến nghị cho các tiêu chí không đạt chưa được nêu, để sửa lại trước khi lưu</source>
      <translation>Add a shortcoming and a recommendation for each item not met that nothing mentions yet, to edit before saving</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="383" />
      <source>Tồn tại, kiến nghị</source>
      <translation>Findings, recommendations</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="387" />
      <source>Ý kiến của đại diện xã về kết quả kiểm tra…</source>
      <translation>The commune representatives' opinion on the results…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="388" />
      <source>Ý kiến của xã</source>
      <translation>Commune's opinion</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="390" />
      <source>Buổi giám sát</source>
      <translation>Oversight session</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="402" />
      <source>Không còn tiêu chí không đạt chưa được nêu</source>
      <translation>Every item not met is mentioned</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="434" />
      <source>dòng %d của bảng tồn tại, kiến nghị chưa có nội dung</source>
      <translation>row %d of the findings has no text</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="461" />
      <source>Đồng ý</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs.py" line="462" />
      <source>Không</source>
      <translation>No</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <location filename="../../ui/errors.py" line="34" />
      <source>Tệp %s không phải cơ sở dữ liệu của Inspector.</source>
      <translation>%s is not an Inspector database.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="35" />
      <source>Tệp %s được tạo bởi phiên bản Inspector mới hơn; hãy cập nhật phần mềm.</source>
      <translation>%s was made by a newer version of Inspector; please update the app.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="36" />
      <source>%s: giá trị «%s» không hợp lệ (%s).</source>
      <translation>%s: the value «%s» is not valid (%s).</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="37" />
      <source>Biên bản của xã %s đã ký; muốn sửa phải ghi lý do điều chỉnh.</source>
      <translation>The minutes of %s are signed; a change needs an amendment reason.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="38" />
      <source>%s: không nhập được ảnh (%s).</source>
      <translation>%s: the photo cannot be imported (%s).</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="40" />
      <source>Tệp %s đang mở trong chương trình khác (Word?). Hãy đóng tệp hoặc chọn tên khác.</source>
      <translation>%s is open in another program (Word?). Close it or choose another name.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="42" />
      <source>Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.</source>
      <translation>Data package %s refused: %s. Nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="43" />
      <source>Không ghi được tệp %s: %s.</source>
      <translation>Cannot write %s: %s.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="44" />
      <source>Đã hủy. Phần đã hoàn thành được giữ lại.</source>
      <translation>Cancelled. What was completed is kept.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="60" />
      <source>Lỗi cơ sở dữ liệu: %s</source>
      <translation>Database error: %s</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="62" />
      <source>Lỗi tệp %s: %s</source>
      <translation>File error %s: %s</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="64" />
      <source>Lỗi không mong đợi: %s</source>
      <translation>Unexpected error: %s</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="68" />
      <source>Inspector</source>
      <translation>Inspector</translation>
    </message>
  </context>
  <context>
    <name>keys</name>
    <message>
      <location filename="../../ui/keys.py" line="21" />
      <source>chuyển tiêu chí; trong ô số cũng vậy, số đã gõ được lưu (phím mũi tên và con lăn chuột không bao giờ làm đổi số)</source>
      <translation>move between items; in a number box too, keeping what was typed (arrow keys and the mouse wheel never change a number)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="26" />
      <source>Đạt / Đạt một phần / Không đạt / Không áp dụng (câu Có/Không: 1 = Có, 2 = Không)</source>
      <translation>Met / Partly met / Not met / Not applicable (yes/no items: 1 = Yes, 2 = No)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="27" />
      <source>gõ số liệu của tiêu chí đếm hoặc tỷ lệ (tỷ lệ: tử số, Tab, mẫu số)</source>
      <translation>type the figure of a count or ratio item (ratio: numerator, Tab, denominator)</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="28" />
      <source>trong ô lọc xã: mở xã đầu tiên tìm thấy; trong ô số: giữ số đã gõ; ở danh sách: viết ghi chú</source>
      <translation>in the commune filter: open the first commune found; in a number box: keep what was typed; in the list: write a note</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="29" />
      <source>quay lại danh sách, giữ những gì đã gõ</source>
      <translation>back to the list, keeping what was typed</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="30" />
      <source>xóa kết quả của tiêu chí</source>
      <translation>clear the item's result</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="31" />
      <source>xác nhận gợi ý từ lần kiểm tra trước</source>
      <translation>confirm the suggestion from the last inspection</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="32" />
      <source>tiêu chí chưa trả lời tiếp theo</source>
      <translation>next unanswered item</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="33" />
      <source>tìm tiêu chí</source>
      <translation>find an item</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="34" />
      <source>hoàn tác / làm lại</source>
      <translation>undo / redo</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="35" />
      <source>xem tất cả / chưa trả lời / không đạt</source>
      <translation>show all / unanswered / not met</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="36" />
      <source>buổi làm việc, đại diện xã, tồn tại, kiến nghị</source>
      <translation>session, commune representatives, findings, recommendations</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="37" />
      <source>in biên bản</source>
      <translation>print the minutes</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="38" />
      <source>đợt kiểm tra mới</source>
      <translation>new inspection</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="39" />
      <source>tổng hợp các xã</source>
      <translation>summary of the communes</translation>
    </message>
    <message>
      <location filename="../../ui/keys.py" line="40" />
      <source>thoát (mọi thay đổi đã được lưu)</source>
      <translation>quit (every change is already saved)</translation>
    </message>
  </context>
  <context>
    <name>minutes</name>
    <message>
      <location filename="../../ui/minutes.py" line="39" />
      <source>Mẫu %s không dùng được: %s</source>
      <translation>The template %s cannot be used: %s</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="129" />
      <source>Xem trước biên bản — %s</source>
      <translation>Minutes preview — %s</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="137" />
      <source>Đang hiển thị trang…</source>
      <translation>Rendering the page…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/minutes.py" line="146" />
      <source>%n trang</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="148" />
      <source>In…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="150" />
      <source>Mở bằng Word</source>
      <translation>Open in Word</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="152" />
      <source>Mở thư mục</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="153" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="193" />
      <source>Đang chuẩn bị trang in…</source>
      <translation>Preparing pages for printing…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="193" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="203" />
      <source>In biên bản</source>
      <translation>Print minutes</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="203" />
      <source>Không mở được máy in.</source>
      <translation>Cannot open the printer.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="254" />
      <source>&amp;In biên bản…</source>
      <translation>&amp;Print minutes…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="255" />
      <source>Đánh dấu biên bản &amp;đã ký…</source>
      <translation>Mark minutes &amp;signed…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="256" />
      <source>Chọn &amp;mẫu biên bản của cơ quan…</source>
      <translation>Choose the office's minutes &amp;template…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="257" />
      <source>Dùng mẫu biên bản mặc định</source>
      <translation>Use the default minutes template</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="309" />
      <source>Lưu biên bản</source>
      <translation>Save minutes</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="311" />
      <source>Tài liệu Word (*.docx)</source>
      <translation>Word document (*.docx)</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="324" />
      <source>Đang lập biên bản…</source>
      <translation>Writing the minutes…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="325" />
      <source>Biên bản</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="333" />
      <source>Đang chuyển sang PDF để xem trước…</source>
      <translation>Making a PDF for the preview…</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="348" />
      <source>Đã lưu %s.
Máy chưa có LibreOffice để xem trước; biên bản sẽ mở bằng trình soạn thảo.</source>
      <translation>Saved %s.
LibreOffice is not installed for a preview; the minutes open in the word processor.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="359" />
      <source>Tệp đang mở</source>
      <translation>File is open</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="360" />
      <source>Tệp %s đang mở trong Word nên không ghi đè được.
Lưu với tên %s?</source>
      <translation>%s is open in Word and cannot be replaced.
Save as %s?</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="364" />
      <source>Lưu tên mới</source>
      <translation>Save under the new name</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="394" />
      <source>Biên bản đã ký</source>
      <translation>Minutes signed</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="395" />
      <source>Hai bên đã ký biên bản xã %s?
Sau khi đánh dấu, mọi thay đổi kết quả của xã này là điều chỉnh biên bản và phải ghi lý do. Mã đối chiếu in ở chân trang sẽ được lưu lại.</source>
      <translation>Have both sides signed the minutes of %s?
After this, any change to this commune's results is an amendment and needs a reason. The code printed in the footer is kept.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="410" />
      <source>Đã ghi nhận biên bản xã %s đã ký; mã đối chiếu %s.</source>
      <translation>The minutes of %s are recorded as signed; code %s.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="420" />
      <source>Chọn mẫu biên bản (.docx)</source>
      <translation>Choose a minutes template (.docx)</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="430" />
      <source>Mẫu biên bản</source>
      <translation>Minutes template</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="431" />
      <source>Đã chọn mẫu %s cho các đợt %s.</source>
      <translation>Template %s chosen for %s visits.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="432" />
      <source>giám sát</source>
      <translation>oversight</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="432" />
      <source>kiểm tra</source>
      <translation>inspection</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/minutes.py" line="450" />
      <source>%n tiêu chí chưa có kết quả: </source>
      <translation>
        <numerusform>%n item without a result: </numerusform>
        <numerusform>%n items without a result: </numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/minutes.py" line="456" />
      <source>%n tiêu chí bắt buộc có ảnh nhưng chưa có ảnh: </source>
      <translation>
        <numerusform>%n item needs a photo and has none: </numerusform>
        <numerusform>%n items need a photo and have none: </numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="461" />
      <source>Biên bản còn trống: </source>
      <translation>Still empty in the minutes: </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/minutes.py" line="464" />
      <source>%n tiêu chí không đạt chưa được nêu trong tồn tại, kiến nghị: </source>
      <translation>
        <numerusform>%n item not met is named in no finding or recommendation: </numerusform>
        <numerusform>%n items not met are named in no finding or recommendation: </numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="469" />
      <source>Tồn tại «%s» gắn với tiêu chí %s, nhưng tiêu chí này được chấm đạt</source>
      <translation>Shortcoming “%s” is tied to item %s, but that item is marked as met</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="480" />
      <source>Biên bản chưa đủ</source>
      <translation>Minutes incomplete</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="483" />
      <source>Biên bản này chưa đủ nội dung. Đánh dấu đã ký thì mọi bổ sung sau đó đều là điều chỉnh phải ghi lý do.</source>
      <translation>These minutes are incomplete. Once they are marked signed, every addition is an amendment that needs a reason.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="487" />
      <source>Vẫn đánh dấu đã ký</source>
      <translation>Mark signed anyway</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="489" />
      <source>Biên bản này chưa đủ nội dung.</source>
      <translation>These minutes are incomplete.</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="490" />
      <source>Vẫn in</source>
      <translation>Print anyway</translation>
    </message>
    <message>
      <location filename="../../ui/minutes.py" line="491" />
      <source>Quay lại bổ sung</source>
      <translation>Go back and complete</translation>
    </message>
  </context>
  <context>
    <name>photos</name>
    <message>
      <location filename="../../ui/photos.py" line="77" />
      <source>chụp khác ngày làm việc</source>
      <translation>taken on another day than the visit</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="77" />
      <source>chụp xa nơi chụp các ảnh khác</source>
      <translation>taken far from the visit's other photos</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="123" />
      <source>Chung</source>
      <translation>General</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="130" />
      <source>Chụp lúc %s</source>
      <translation>Taken at %s</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="135" />
      <source>Tệp gốc: %s</source>
      <translation>Source file: %s</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="247" />
      <source>Thêm ảnh…</source>
      <translation>Add photos…</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="249" />
      <source>Chọn ảnh từ máy; cũng có thể kéo thả tệp, thư mục hoặc dán ảnh (Ctrl+V)</source>
      <translation>Choose photos; you can also drop files or folders here or paste an image (Ctrl+V)</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="274" />
      <source>Xem ảnh</source>
      <translation>View photo</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="275" />
      <source>Sửa chú thích</source>
      <translation>Edit caption</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="276" />
      <source>Chuyển sang tiêu chí khác…</source>
      <translation>Move to another item…</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="277" />
      <source>Đưa lên trước</source>
      <translation>Move earlier</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="278" />
      <source>Đưa ra sau</source>
      <translation>Move later</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="279" />
      <source>Xác nhận ảnh hợp lệ</source>
      <translation>Confirm the photo is valid</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="280" />
      <source>Gỡ ảnh</source>
      <translation>Remove photo</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="281" />
      <source>Dán ảnh</source>
      <translation>Paste image</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/photos.py" line="293" />
      <source>%n ảnh</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="293" />
      <source>Chưa có ảnh — kéo thả ảnh vào đây</source>
      <translation>No photos yet — drop photos here</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/photos.py" line="359" />
      <source>gỡ %n ảnh</source>
      <translation>
        <numerusform>remove %n photo</numerusform>
        <numerusform>remove %n photos</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="368" />
      <source>(Ảnh chung của buổi làm việc)</source>
      <translation>(Photos of the whole session)</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="372" />
      <source>Chuyển ảnh</source>
      <translation>Move photos</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="372" />
      <source>Chuyển sang tiêu chí:</source>
      <translation>Move to item:</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/photos.py" line="392" />
      <source>chuyển %n ảnh</source>
      <translation>
        <numerusform>move %n photo</numerusform>
        <numerusform>move %n photos</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="415" />
      <source>đổi thứ tự ảnh</source>
      <translation>reorder photos</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="435" />
      <source>Chọn ảnh</source>
      <translation>Choose photos</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="537" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="618" />
      <source>Đang nhập ảnh…</source>
      <translation>Importing photos…</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="618" />
      <source>Dừng</source>
      <translation>Stop</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="619" />
      <source>Nhập ảnh</source>
      <translation>Import photos</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="627" />
      <source>Đang nhập ảnh %d/%d…</source>
      <translation>Importing photo %d/%d…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/photos.py" line="648" />
      <source>Đã nhập %n ảnh.</source>
      <translation>
        <numerusform>%n photo imported.</numerusform>
        <numerusform>%n photos imported.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="650" />
      <source>Đã dừng giữa chừng; các ảnh đã nhập được giữ lại.</source>
      <translation>Stopped part way; the photos imported are kept.</translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="652" />
      <source>Đã có từ trước, không thêm lại: %s</source>
      <translation>Already there, not added again: %s</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/photos.py" line="654" />
      <source>Không nhập được %n tệp:</source>
      <translation>
        <numerusform>%n file could not be imported:</numerusform>
        <numerusform>%n files could not be imported:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/photos.py" line="664" />
      <source>Kết quả nhập ảnh</source>
      <translation>Photo import</translation>
    </message>
  </context>
  <context>
    <name>summary</name>
    <message>
      <location filename="../../ui/summary_view.py" line="79" />
      <source>Chưa đạt</source>
      <translation>Not met</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="84" />
      <source>%s (chưa xong)</source>
      <translation>%s (not finished)</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="86" />
      <source>Chưa kiểm tra xong: không tính vào dòng chưa đạt, tỷ lệ và xếp hạng</source>
      <translation>Not finished: left out of the not-met row, the rates and the ranking</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="94" />
      <source>Hạng %s: %s/%s điểm</source>
      <translation>Rank %s: %s/%s points</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="129" />
      <source>chưa trả lời</source>
      <translation>unanswered</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="173" />
      <source>Đ: đạt · P: đạt một phần · K: không đạt · –: không áp dụng · ô đỏ: chưa đạt; bấm vào ô để mở kết quả</source>
      <translation>Đ: met · P: partly met · K: not met · –: not applicable · red: not met; click a cell to open the answer</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="176" />
      <source>Xuất Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="177" />
      <source>Xuất báo cáo Word…</source>
      <translation>Export Word report…</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="182" />
      <source>Mẫu báo cáo</source>
      <translation>Report template</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="185" />
      <source>Chọn mẫu báo cáo của cơ quan…</source>
      <translation>Choose the office's report template…</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="186" />
      <source>Dùng mẫu mặc định</source>
      <translation>Use the default template</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="206" />
      <source>cao nhất: %s</source>
      <translation>highest: %s</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="208" />
      <source>Bình quân theo lĩnh vực: %s</source>
      <translation>Mean by area: %s</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="226" />
      <source>Mẫu báo cáo của cơ quan: %s</source>
      <translation>The office's report template: %s</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="226" />
      <source>Mẫu báo cáo mặc định</source>
      <translation>The default report template</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="234" />
      <source>Chọn mẫu báo cáo của cơ quan</source>
      <translation>Choose the office's report template</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="234" />
      <source>Tài liệu Word (*.docx)</source>
      <translation>Word document (*.docx)</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="242" />
      <source>Đã chọn mẫu %s.</source>
      <translation>Template %s chosen.</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="270" />
      <source>Bảng tính Excel (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="271" />
      <source>Lưu bảng tổng hợp</source>
      <translation>Save summary</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="287" />
      <source>Đang lập bảng tổng hợp…</source>
      <translation>Writing the summary…</translation>
    </message>
    <message>
      <location filename="../../ui/summary_view.py" line="287" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <location filename="../../ui/sync.py" line="61" />
      <source>Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.</source>
      <translation>Data package %s refused: %s. Nothing was changed.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="72" />
      <source>%n đợt kiểm tra</source>
      <translation>
        <numerusform>%n inspection</numerusform>
        <numerusform>%n inspections</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="73" />
      <source>%n thành viên</source>
      <translation>
        <numerusform>%n member</numerusform>
        <numerusform>%n members</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="74" />
      <source>%n xã</source>
      <translation>
        <numerusform>%n commune</numerusform>
        <numerusform>%n communes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="75" />
      <source>%n câu trả lời</source>
      <translation>
        <numerusform>%n answer</numerusform>
        <numerusform>%n answers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="76" />
      <source>%n nhận xét</source>
      <translation>
        <numerusform>%n finding</numerusform>
        <numerusform>%n findings</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="77" />
      <source>%n ảnh đính kèm</source>
      <translation>
        <numerusform>%n attached photo</numerusform>
        <numerusform>%n attached photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="78" />
      <source>%n ảnh</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="79" />
      <source>%n bảng kiểm tra</source>
      <translation>
        <numerusform>%n checklist</numerusform>
        <numerusform>%n checklists</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="80" />
      <source>%n thay đổi</source>
      <translation>
        <numerusform>%n change</numerusform>
        <numerusform>%n changes</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="86" />
      <source>không có gì mới</source>
      <translation>nothing new</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="109" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="110" />
      <source>Inspector</source>
      <translation>Inspector</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="139" />
      <source>Xuất gói dữ liệu</source>
      <translation>Export data package</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="146" />
      <source>Đang xuất gói dữ liệu…</source>
      <translation>Exporting data package…</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="155" />
      <source>Đã xuất gói dữ liệu</source>
      <translation>Data package exported</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="156" />
      <source>Đã ghi %s: %d thay đổi, %d ảnh (%d KB).
Chép tệp này sang máy khác hoặc gửi về cơ quan.</source>
      <translation>Wrote %s: %d changes, %d photos (%d KB).
Copy this file to another laptop or send it to the office.</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="181" />
      <source>Hợp nhất gói dữ liệu</source>
      <translation>Merge data packages</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="186" />
      <source>Đang kiểm tra và hợp nhất %n tệp…</source>
      <translation>
        <numerusform>Checking and merging %n file…</numerusform>
        <numerusform>Checking and merging %n files…</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="251" />
      <source>Kéo thả các tệp gói dữ liệu (.cchc) vào đây để hợp nhất</source>
      <translation>Drop data package files (.cchc) here to merge them</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="270" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="285" />
      <source>Thêm mới: %s.</source>
      <translation>Added: %s.</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="288" />
      <source>Cập nhật: %s.</source>
      <translation>Updated: %s.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="289" />
      <source>Đã có từ trước: %n thay đổi.</source>
      <translation>
        <numerusform>Already known: %n change.</numerusform>
        <numerusform>Already known: %n changes.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="293" />
      <source>Tệp này đã được hợp nhất lúc %s.</source>
      <translation>This file was merged at %s.</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="300" />
      <source>bị từ chối — %s. Không có gì bị thay đổi.</source>
      <translation>refused — %s. Nothing was changed.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="304" />
      <source>%n xung đột mới cần quyết định:</source>
      <translation>
        <numerusform>%n new conflict to decide:</numerusform>
        <numerusform>%n new conflicts to decide:</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="318" />
      <source>Kết quả hợp nhất</source>
      <translation>Merge result</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="319" />
      <source>Đã hợp nhất %n gói: %s.</source>
      <translation>
        <numerusform>Merged %n package: %s.</numerusform>
        <numerusform>Merged %n packages: %s.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="321" />
      <source>%n tệp bị từ chối.</source>
      <translation>
        <numerusform>%n file refused.</numerusform>
        <numerusform>%n files refused.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="323" />
      <source>%n xung đột mới.</source>
      <translation>
        <numerusform>%n new conflict.</numerusform>
        <numerusform>%n new conflicts.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="332" />
      <source>Giải quyết xung đột…</source>
      <translation>Resolve conflicts…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/sync.py" line="370" />
      <source>%n giá trị</source>
      <translation>
        <numerusform>%n value</numerusform>
        <numerusform>%n values</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="405" />
      <source>Không có xung đột nào. Mọi thay đổi đã thống nhất.</source>
      <translation>No conflicts. All changes agree.</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="408" />
      <source>Cùng một nội dung được sửa khác nhau trên hai máy. Chọn giá trị đúng (nhấp đúp) hoặc nhập giá trị mới; quyết định sẽ được gửi kèm gói dữ liệu sau.</source>
      <translation>The same field was changed differently on two laptops. Pick the right value (double-click) or type a new one; the decision travels with the next data package.</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="414" />
      <source>Chọn giá trị này</source>
      <translation>Choose this value</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="417" />
      <source>hoặc nhập giá trị mới…</source>
      <translation>or type a new value…</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="419" />
      <source>Lưu giá trị mới</source>
      <translation>Save new value</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="490" />
      <source>Biên bản đã ký</source>
      <translation>Minutes signed</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="490" />
      <source>Biên bản của xã %s đã ký. Lý do điều chỉnh:</source>
      <translation>The minutes of %s are signed. Reason for the amendment:</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="495" />
      <source>Giải quyết xung đột</source>
      <translation>Resolve conflict</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="508" />
      <source>Xung đột cần quyết định</source>
      <translation>Conflicts to decide</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="558" />
      <source>Nhật ký hợp nhất</source>
      <translation>Merge log</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="592" />
      <source>Xuất gói dữ liệu…</source>
      <translation>Export data package…</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="594" />
      <source>Hợp nhất gói dữ liệu…</source>
      <translation>Merge data packages…</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="596" />
      <source>Xung đột cần quyết định…</source>
      <translation>Conflicts to decide…</translation>
    </message>
    <message>
      <location filename="../../ui/sync.py" line="597" />
      <source>Nhật ký hợp nhất…</source>
      <translation>Merge log…</translation>
    </message>
  </context>
  <context>
    <name>widgets</name>
    <message>
      <location filename="../../ui/table_editor.py" line="129" />
      <source>Thêm</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../ui/table_editor.py" line="130" />
      <source>Xóa</source>
      <translation>Remove</translation>
    </message>
    <message>
      <location filename="../../ui/table_editor.py" line="131" />
      <source>Lên</source>
      <translation>Up</translation>
    </message>
    <message>
      <location filename="../../ui/table_editor.py" line="132" />
      <source>Xuống</source>
      <translation>Down</translation>
    </message>
  </context>
</TS>
