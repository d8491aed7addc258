def test_qt_calls_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a Qt method that
    returns nothing, so a window session ended in "Fatal Python error: none_dealloc". The pinned
    version must not do that."""
    import sys

    from PySide6.QtWidgets import QWidget

    w = QWidget()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(2000):
        w.resize(10, 10)
        w.setWindowTitle("x")
    assert sys.getrefcount(None) - before > -50
