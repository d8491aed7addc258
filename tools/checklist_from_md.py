"""Build resources/checklists/cchc-xa-2025.1.json from the domain description.

Run once when the description changes: python tools/checklist_from_md.py PATH.md
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPE_RE = re.compile(r"`(assessment|yesno|count|ratio|text)`(?:\s*\(([^)]*)\))?")
REFS = {}


def clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("**", "").strip())


def main(src: Path) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    groups: list[dict] = []
    items: list[dict] = []
    refs: list[dict] = []
    group = None
    in_refs = False
    for line in lines:
        m = re.match(r"^## \d+\. Group ([A-G]) — (.+)$", line)
        if m:
            group = m.group(1)
            groups.append({"code": group, "title_vi": clean(m.group(2))})
            in_refs = False
            continue
        if line.startswith("## 3. Legal references"):
            in_refs = True
            continue
        if line.startswith("## "):
            in_refs = False
            if not line.startswith("## 1") or group:
                group = None if not re.match(r"^## \d+\. Group", line) else group
            continue
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if in_refs and cells[0] not in ("Short",):
            refs.append({"code": clean(cells[0]), "document": clean(cells[1]), "covers": clean(cells[2])})
            continue
        if group is None or not re.match(rf"^{group}\d+$", cells[0]):
            continue
        code, text_vi, text_en, type_cell, photo, basis = cells[:6]
        tm = TYPE_RE.search(type_cell)
        if not tm:
            raise SystemExit(f"{code}: no type in {type_cell!r}")
        basis_part, _, hint = basis.partition("·")
        items.append({
            "code": code,
            "group": group,
            "position": len([i for i in items if i["group"] == group]) + 1,
            "text_vi": clean(text_vi),
            "text_en": clean(text_en),
            "type": tm.group(1),
            "unit": clean(tm.group(2) or ""),
            "photo_required": "bắt buộc" in photo,
            "photo_suggested": "nên có" in photo,
            "basis": clean(basis_part) if group != "G" else "",
            "evidence_hint": clean(hint) if group != "G" else clean(basis),
            "since_version": "CCHC-XA-2025.1",
            "retired_in_version": "",
        })
    data = {
        "id": "CCHC-XA-2025.1",
        "title": "Bảng kiểm tra công tác cải cách hành chính cấp xã",
        "date": "2025-09-15",
        "legal_references": refs,
        "groups": groups,
        "items": items,
    }
    out = ROOT / "resources" / "checklists" / "cchc-xa-2025.1.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} items, {len(groups)} groups, {len(refs)} references -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "domain" / "checklist-cchc.md")
