"""The log file: rotation by size, one handler however often it is set up, no file when the
folder cannot be written to."""

from __future__ import annotations

import logging

import pytest

from inspector import logfile


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for h in root.handlers:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def test_the_log_rotates_by_size_and_keeps_only_its_backups(tmp_path):
    handler = logfile.RotatingLog(tmp_path / "x.log", max_bytes=1000, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("test.rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for i in range(100):  # 100 lines of 51 bytes: five files' worth
            log.warning("%03d %s", i, "x" * 46)
    finally:
        log.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["x.log", "x.log.1", "x.log.2"]
    sizes = [(tmp_path / n).stat().st_size for n in names]
    assert all(s <= 1000 + 51 for s in sizes), sizes
    # the newest lines are in x.log, the older ones in .1 then .2, and the oldest are gone
    last = (tmp_path / "x.log").read_text().splitlines()[-1]
    assert last.startswith("099 ")
    first_kept = int((tmp_path / "x.log.2").read_text().splitlines()[0][:3])
    assert first_kept > 0
    newest_of_1 = int((tmp_path / "x.log.1").read_text().splitlines()[-1][:3])
    oldest_of_0 = int((tmp_path / "x.log").read_text().splitlines()[0][:3])
    assert newest_of_1 + 1 == oldest_of_0


def test_no_backups_means_the_file_starts_again(tmp_path):
    handler = logfile.RotatingLog(tmp_path / "x.log", max_bytes=100, backups=0)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for i in range(10):
        handler.emit(logging.LogRecord("t", logging.INFO, __file__, 1, "%02d" + "y" * 30, (i,), None))
    handler.close()
    assert [p.name for p in tmp_path.iterdir()] == ["x.log"]
    assert (tmp_path / "x.log").stat().st_size <= 100 + 33


def test_to_file_adds_one_handler_and_writes_the_first_line(tmp_path, root_logger):
    target = logfile.to_file(tmp_path / "logs")
    assert target == (tmp_path / "logs" / logfile.LOG_FILE).absolute()
    assert logfile.to_file(tmp_path / "logs") == target
    mine = [h for h in root_logger.handlers if getattr(h, "baseFilename", None) == str(target)]
    assert len(mine) == 1
    mine[0].flush()
    assert "Inspector " in target.read_text(encoding="utf-8") and " started" in target.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_gives_no_file_and_no_error(tmp_path, root_logger):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    before = list(root_logger.handlers)
    assert logfile.to_file(blocker / "logs") is None
    assert root_logger.handlers == before
