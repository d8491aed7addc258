"""The documents as printed: LibreOffice renders each one (biên bản kiểm tra, biên bản giám sát,
báo cáo, Excel) and the PDF's text holds its sections in order; no trích yếu breaks a commune's
name across two lines. One LibreOffice run converts every file (it starts slowly)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

import inspector
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import report as rp
from inspector import summary as sm

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext")), reason="LibreOffice or poppler missing")

# words added one by one to the inspection's title, so that the end of the trích yếu's first line
# sweeps across the commune's name
PADDING = ["năm", "2026", "theo", "kế", "hoạch", "của", "tỉnh", "đợt", "hai", "ở", "cơ", "sở", "và"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, _demo_template) -> dict[str, str]:
    work = tmp_path_factory.mktemp("render")
    path = work / "demo.sqlite3"
    shutil.copy2(_demo_template, path)
    db = inspector.open_db(path)
    insp = ins.list_inspections(db)[0]
    nx = next(v for v in ins.visits(db, insp.id) if v.commune == "Ninh Xuân")
    files = {
        "kiem_tra": mn.write_minutes(db, nx.id, work / "bb-kt.docx"),
        "bao_cao": rp.write_report(db, insp.id, work / "bc.docx", on="2026-11-30"),
        "excel": sm.write(db, insp.id, work / "th.xlsx"),
    }
    for k in range(len(PADDING) + 1):
        ins.update_inspection(
            db, insp.id, title=" ".join(["Kiểm tra công tác cải cách hành chính", *PADDING[:k]]), author="t"
        )
        files[f"trich_yeu_{k}"] = mn.write_minutes(db, nx.id, work / f"ty-{k}.docx")
    ins.update_inspection(db, insp.id, kind="giam_sat", author="t")
    files["giam_sat"] = mn.write_minutes(db, nx.id, work / "bb-gs.docx")
    db.close()
    profile = work / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            *(str(f) for f in files.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = {}
    for key, f in files.items():
        pdf = Path(f).with_suffix(".pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        out[key] = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    return out


def _in_order(text: str, parts: list[str]) -> None:
    at = 0
    for p in parts:
        found = text.find(p, at)
        assert found >= 0, f"{p!r} missing or out of order"
        at = found + len(p)


def test_the_biên_bản_kiểm_tra_prints_its_sections_in_order(pdfs):
    _in_order(
        pdfs["kiem_tra"],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BIÊN BẢN",
            "I. THÀNH PHẦN",
            "II. NỘI DUNG KIỂM TRA",
            "III. KẾT QUẢ KIỂM TRA",
            "IV. NHẬN XÉT, ĐÁNH GIÁ CHUNG",
            "V. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC",
            "VI. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA",
            "TRƯỞNG ĐOÀN KIỂM TRA",
            "Nơi nhận:",
            "Phụ lục I",
            "PHIẾU KIỂM TRA",
            "1. Công tác chỉ đạo, điều hành CCHC và kiểm soát TTHC",
            "STT",
            "Phụ lục II",
            "HÌNH ẢNH KIỂM TRA",
        ],
    )


def test_the_biên_bản_giám_sát_prints_its_own_words_in_order(pdfs):
    text = pdfs["giam_sat"]
    _in_order(
        text,
        [
            "BIÊN BẢN",
            "Làm việc của Đoàn giám sát với Ủy ban nhân dân xã Ninh Xuân",
            "II. NỘI DUNG GIÁM SÁT",
            "III. KẾT QUẢ GIÁM SÁT",
            "V. KIẾN NGHỊ",
            "VI. Ý KIẾN CỦA CƠ QUAN, ĐƠN VỊ CHỊU SỰ GIÁM SÁT",
            "TRƯỞNG ĐOÀN GIÁM SÁT",
            "Nơi nhận:",
            "Phụ lục I",
            "PHIẾU GIÁM SÁT",
            "Nội dung giám sát",
            "Phụ lục II",
            "HÌNH ẢNH GIÁM SÁT",
        ],
    )
    assert "Nội dung kiểm tra" not in text and "KIỂM TRA" not in text


def test_the_báo_cáo_prints_its_sections_in_order(pdfs):
    head = pdfs["bao_cao"][: pdfs["bao_cao"].index("BÁO CÁO")]  # the header table, read cell by cell
    for s in (
        "UBND TỈNH KHÁNH HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "/BC-ĐKT",
        "Khánh Hòa, ngày 30 tháng 11 năm 2026",
    ):
        assert s in head, s
    _in_order(
        pdfs["bao_cao"],
        [
            "BÁO CÁO",
            "Kết quả kiểm tra công tác cải cách hành chính năm 2026",
            "I. KHÁI QUÁT CHUNG",
            "II. KẾT QUẢ KIỂM TRA",
            "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
            "IV. KIẾN NGHỊ, ĐỀ XUẤT",
            "Nơi nhận:",
            "TRƯỞNG ĐOÀN",
            "Nguyễn Văn Hùng",
        ],
    )
    pages = pdfs["bao_cao"].split("\f")
    assert pages[0].splitlines()[0] == "UBND TỈNH KHÁNH HÒA"  # no number on page 1
    assert [p.splitlines()[0] for p in pages[1:3]] == ["2", "3"]  # the number at the top from page 2


def test_the_excel_prints_a_title_the_commune_column_and_the_totals(pdfs):
    text = pdfs["excel"]
    first = text.split("\f")[0]
    assert "Tổng hợp kết quả kiểm tra: Kiểm tra công tác cải cách hành chính năm 2026" in first
    assert "Xã, phường" in first and "Trang 1/" in first
    _in_order(text, ["Tỷ lệ chung, tổng số", "Cộng (4 xã)", "Chưa xong, không tính vào các số liệu trên: Tòng Bạt"])
    # the commune column repeats on the pages across
    pages = [p for p in text.split("\f") if "Tổng hợp kết quả kiểm tra" in p and "Ninh Xuân" in p]
    assert len(pages) >= 3


def test_no_trích_yếu_breaks_the_commune_name_across_lines(pdfs):
    broke_at = set()
    for k in range(len(PADDING) + 1):
        text = pdfs[f"trich_yeu_{k}"]
        lines = text[text.index("BIÊN BẢN") : text.index("Căn cứ")].splitlines()
        subject = " ".join(line.strip() for line in lines[1:] if line.strip())
        assert "xã Ninh Xuân" in subject, subject
        assert any("xã Ninh Xuân" in line for line in lines), f"the name is split: {lines}"
        # where the first line ends, as a count of the words of the subject on it
        first = next(line for line in lines[1:] if line.strip())
        broke_at.add(len(first.split()))
    assert len(broke_at) >= 3  # the line's end really moved across the subject
