"""The checklist of one visit as a Qt item model: groups A–G with their progress, items with answers.

Two levels: group rows ("A. Công khai thủ tục hành chính", "12/15") and under each its items
(code, criterion, answer). The model holds the checklist and the visit's answers in memory; the
window tells it when an answer changed (update_answer), so nothing is re-read for a keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from inspector import answers as ans
from inspector import checklist as cl
from inspector import scoring
from inspector.text import fold

from .widgets import _refilter

ItemRole = Qt.ItemDataRole.UserRole + 1  # the checklist Item of an item row (None for a group row)
AnswerRole = Qt.ItemDataRole.UserRole + 2  # the Answer of an item row, or None
CodeRole = Qt.ItemDataRole.UserRole + 3  # item code, or group code for a group row
SearchRole = Qt.ItemDataRole.UserRole + 4  # folded text for the search box

COLUMNS = 3  # code + criterion, answer, photos; a set with points adds a fourth: the points
POINTS_COLUMN = 3

FAILED = QColor("#b3261e")
PARTLY = QColor("#8a5a00")
GOOD = QColor("#1b6e20")
SUGGESTED = QColor("#6b6b6b")


def _tr(text: str, n: int = -1) -> str:
    """The interface's words in the chosen language; with n, "%n" in text is the count n and the
    translation has a singular and a plural form."""
    return QCoreApplication.translate("ChecklistModel", text, None, n)


_NO_PARENT = 0xFFFFFFFF  # internalId of a group row; an item row stores its group's row number


class ChecklistModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.checklist: cl.Checklist | None = None
        self.groups: list[cl.Group] = []
        self.items: list[list[cl.Item]] = []
        self.answers: dict[str, ans.Answer] = {}
        self.photo_counts: dict[str, int] = {}
        self.amended: set[str] = set()  # items changed after the minutes were signed
        self.lang = "vi"
        self._row_of: dict[str, tuple[int, int]] = {}
        self.score: scoring.VisitScore | None = None  # sets with points: the commune's score, kept up to date
        self.columns = COLUMNS

    # ---- loading -------------------------------------------------------------------------

    def set_visit(
        self,
        checklist: cl.Checklist | None,
        answers: dict[str, ans.Answer],
        photo_counts: dict[str, int] | None = None,
        amended: set[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.amended = set(amended or ())
        self.checklist = checklist
        self.answers = dict(answers)
        self.columns = COLUMNS + 1 if checklist is not None and checklist.scored else COLUMNS
        self._rescore()
        self.photo_counts = dict(photo_counts or {})
        self.groups, self.items, self._row_of = [], [], {}
        if checklist is not None:
            by_group: dict[str, list[cl.Item]] = {}
            for it in checklist.items:
                by_group.setdefault(it.group, []).append(it)
            for g in checklist.groups:
                if g.code in by_group:
                    self.groups.append(g)
                    self.items.append(by_group[g.code])
            for gi, its in enumerate(self.items):
                for ii, it in enumerate(its):
                    self._row_of[it.code] = (gi, ii)
        self.endResetModel()

    def update_answer(self, code: str, answer: ans.Answer | None, *, amended: bool = False) -> None:
        if amended:
            self.amended.add(code)
        if answer is None:
            self.answers.pop(code, None)
        else:
            self.answers[code] = answer
        self._rescore()
        pos = self._row_of.get(code)
        if pos is None:
            return
        gi, ii = pos
        last = self.columns - 1
        self.dataChanged.emit(self.index(ii, 0, self.index(gi, 0)), self.index(ii, last, self.index(gi, 0)))
        self.dataChanged.emit(self.index(gi, 0), self.index(gi, last))

    def _rescore(self) -> None:
        c = self.checklist
        self.score = scoring.score_visit(c, self.answers) if c is not None and c.scored else None

    def set_photo_counts(self, counts: dict[str, int]) -> None:
        self.photo_counts = dict(counts)
        for gi, its in enumerate(self.items):
            parent = self.index(gi, 0)
            if its:
                self.dataChanged.emit(self.index(0, 2, parent), self.index(len(its) - 1, 2, parent))

    def index_of(self, code: str) -> QModelIndex:
        pos = self._row_of.get(code)
        if pos is None:
            return QModelIndex()
        return self.index(pos[1], 0, self.index(pos[0], 0))

    def group_progress(self, gi: int) -> tuple[int, int]:
        its = self.items[gi]
        done = sum(1 for it in its if self._value(it.code) is not None)
        return done, len(its)

    def total_progress(self) -> tuple[int, int]:
        total = sum(len(its) for its in self.items)
        done = sum(1 for its in self.items for it in its if self._value(it.code) is not None)
        return done, total

    def _value(self, code: str) -> str | None:
        a = self.answers.get(code)
        return a.value if a else None

    # ---- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= self.columns or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != _NO_PARENT:
            return QModelIndex()
        gi = parent.row()
        return self.createIndex(row, column, gi) if row < len(self.items[gi]) else QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self.items[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return self.columns

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Tiêu chí"), _tr("Kết quả"), _tr("Ảnh"), _tr("Điểm"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(index.row(), index.column(), role)
        it = self.items[int(index.internalId())][index.row()]
        return self._item_data(it, index.column(), role)

    def _group_data(self, gi: int, col: int, role: int):
        g = self.groups[gi]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                title = g.title_en if self.lang == "en" and g.title_en else g.title_vi
                return f"{g.code}. {title}"
            if col == 1:
                done, total = self.group_progress(gi)
                return f"{done}/{total}"
            if col == POINTS_COLUMN and self.score is not None:
                gs = self.score.groups.get(g.code)
                if not gs or not gs.items:
                    return ""
                if not gs.maximum:  # bonus and penalty points only: no maximum to show
                    return _signed(gs.points)
                return f"{scoring.points_text(gs.points)}/{scoring.points_text(gs.maximum)}"
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == POINTS_COLUMN and self.score is not None:
            gs = self.score.groups.get(g.code)
            return _tr("%s điểm của lĩnh vực") % gs.label.removesuffix(" điểm") if gs and gs.items else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == POINTS_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setBold(True)
            return f
        if role == CodeRole:
            return g.code
        if role == SearchRole:
            return fold(g.title_vi)
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            done, total = self.group_progress(gi)
            return QBrush(GOOD) if done == total else None
        return None

    def _item_data(self, it: cl.Item, col: int, role: int):
        a = self.answers.get(it.code)
        value = a.value if a else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                mark = " ✎" if it.code in self.amended else ""  # changed after the minutes were signed
                return f"{it.code}{mark}  {it.text(self.lang)}"
            if col == 1:
                if value is not None:
                    return ans.display(it, value, self.lang)
                if a is not None and a.suggested is not None:
                    return _tr("(gợi ý: %s)") % ans.display(it, a.suggested, self.lang)
                return ""
            if col == 2:
                n = self.photo_counts.get(it.code, 0)
                if n:
                    return f"{n}"
                return "!" if it.photo_required else ""
            if col == POINTS_COLUMN:
                return self._points_text(it)
        if role == Qt.ItemDataRole.ToolTipRole and col == POINTS_COLUMN:
            return self._points_tip(it)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == POINTS_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                tip = it.text(self.lang)
                if it.evidence_hint:
                    tip += "\n" + it.evidence_hint
                return tip
            if col == 2:
                n = self.photo_counts.get(it.code, 0)
                if not n and it.photo_required:
                    return _tr("Tiêu chí này cần ảnh minh chứng; chưa có ảnh.")
                return _tr("%n ảnh", n) if n else None
            if col == 1 and a is not None and a.note:
                return a.note
        if role == Qt.ItemDataRole.ForegroundRole and col in (1, 2):
            if col == 2:
                return QBrush(FAILED) if not self.photo_counts.get(it.code) and it.photo_required else None
            if value is None:
                return QBrush(SUGGESTED) if a is not None and a.suggested is not None else None
            if value == "dat_mot_phan":
                return QBrush(PARTLY)
            if ans.is_failed(it, value):
                return QBrush(FAILED)
            if value in ("dat", "co"):
                return QBrush(GOOD)
            return None
        if role == Qt.ItemDataRole.FontRole and col == 1 and value is None and a is not None and a.suggested:
            f = QFont()
            f.setItalic(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return Qt.AlignmentFlag.AlignCenter
        if role == ItemRole:
            return it
        if role == AnswerRole:
            return a
        if role == CodeRole:
            return it.code
        if role == SearchRole:
            return fold(f"{it.code} {it.text_vi} {it.text_en} {a.note if a else ''}")
        return None

    def _points_text(self, it: cl.Item) -> str:
        if self.score is None or it.points is None:
            return ""
        pts = self.score.items.get(it.code)
        if pts is None:
            return "—"  # not applicable
        mark = "*" if it.code in self.score.overridden else ""
        if it.points_kind:  # bonus or penalty: the points it gives, signed
            return _signed(pts) + mark
        return f"{scoring.points_text(pts)}{mark}/{scoring.points_text(it.points)}"

    def _points_tip(self, it: cl.Item) -> str | None:
        if self.score is None or it.points is None:
            return None
        if it.code in self.score.overridden:
            return _tr("Điểm chấm tay: %s") % (self.score.overridden[it.code] or "")
        if self.score.items.get(it.code) is None:
            return _tr("Không áp dụng: không tính vào điểm tối đa")
        if it.points_kind == "bonus":
            return _tr("Điểm thưởng: đến %s điểm") % _signed(it.points)
        if it.points_kind == "penalty":
            return _tr("Điểm trừ: đến %s điểm") % _signed(it.points)
        return it.scoring or None


def _signed(x: float) -> str:
    """ "+2", "−3", "0"."""
    text = scoring.points_text(abs(x))
    return text if x == 0 else ("+" if x > 0 else "−") + text


class ChecklistFilter(QSortFilterProxyModel):
    """Show all items, only the unanswered, or only the failed; and items matching a search."""

    ALL, UNANSWERED, FAILED = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode = self.ALL
        self.words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        _refilter(self)

    def set_search(self, text: str) -> None:
        self.words = fold(text).split()
        _refilter(self)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not source_parent.isValid():
            return self.mode == self.ALL and not self.words
        model: ChecklistModel = self.sourceModel()  # type: ignore[assignment]
        idx = model.index(source_row, 0, source_parent)
        it: cl.Item = idx.data(ItemRole)
        if self.words:
            hay = idx.data(SearchRole)
            if not all(w in hay for w in self.words):
                return False
        a = model.answers.get(it.code)
        value = a.value if a else None
        if self.mode == self.UNANSWERED:
            return value is None
        if self.mode == self.FAILED:
            return ans.is_failed(it, value)
        return True
