"""Small pieces shared by the window and the dialogs: a tree filter that ignores diacritics
("ninh xuan" finds "Ninh Xuân"), roomy tab bars, the item data roles."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTabWidget

from inspector.text import fold

KeyRole = Qt.ItemDataRole.UserRole + 1  # the stored key of a choice cell, or a row's id
FoldRole = Qt.ItemDataRole.UserRole + 2


# Vietnamese capitals carry marks above the cap height ("Ả", "Ổ"); the default style draws an
# unselected tab's text low enough to cut them off, so tab bars get room above the text. Set on
# the tab bar alone: a style sheet on the application restyles every widget (12 ms at start-up).
TAB_STYLE = "QTabBar::tab { padding: 5px 12px 4px 12px; }"


def roomy_tabs(tabs: QTabWidget) -> QTabWidget:
    tabs.tabBar().setStyleSheet(TAB_STYLE)
    return tabs


def _refilter(proxy: QSortFilterProxyModel) -> None:
    """Re-run filterAcceptsRow on every row after the filter's settings changed."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # Qt < 6.10
        proxy.invalidateRowsFilter()


class FoldFilter(QSortFilterProxyModel):
    """Tree filter on the display text, without diacritics; parents of matches and children
    of a matching parent stay visible."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_text(self, text: str) -> None:
        self.words = fold(text).split()
        _refilter(self)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.words:
            return True
        idx = self.sourceModel().index(source_row, 0, source_parent)
        hay = idx.data(FoldRole)
        if hay is None:
            hay = fold(idx.data(Qt.ItemDataRole.DisplayRole) or "")
        return all(w in hay for w in self.words)


def fit_to_screen(window, width: int, height: int, *, maximize_when_small: bool = False) -> None:
    """Size a window to width × height, but never beyond the screen's available area (the task
    bar and the title bar take their share): on a 1366×768 laptop every button stays visible.
    With maximize_when_small, a window that would not fit opens maximized instead."""
    screen = window.screen() if hasattr(window, "screen") and window.screen() else None
    if screen is None:
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    frame = 40  # the window manager's title bar and borders, outside the geometry we set
    w, h = min(width, area.width() - 16), min(height, area.height() - frame)
    window.resize(max(w, 200), max(h, 150))
    if maximize_when_small and (width > area.width() or height + frame > area.height()):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:  # centred in the available area
        window.move(
            area.x() + (area.width() - window.width()) // 2,
            area.y() + max(0, (area.height() - window.height() - frame) // 2),
        )
