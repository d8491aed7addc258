import pytest


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory):
    """Window settings (language, last folder, chosen template) go to a test folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
