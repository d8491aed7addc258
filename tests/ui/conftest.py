import pytest


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory):
    """Window settings (language, last folder, chosen template) go to a test folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _vietnamese_messages():
    """A test that switched the window to English leaves the next one in Vietnamese."""
    yield
    from ui import errors

    errors.LANG = "vi"
