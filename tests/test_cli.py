import json

import click
import pytest

import inspector
from inspector.cli import cli, main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_ids(demo_path, capsys):
    code, out, _ = run(capsys, "--db", str(demo_path), "list", "--json")
    assert code == 0
    data = json.loads(out)
    return data[0]["id"], [v["id"] for v in data[0]["visits"]]


def test_demo_list_show_answer(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and "Ninh Xuân" in out
    code, out, _ = run(capsys, "--db", str(db_path), "list", "--json")
    data = json.loads(out)
    assert len(data) == 1 and len(data[0]["visits"]) == 5
    communes = {v["commune"] for v in data[0]["visits"]}
    assert {"Ninh Xuân", "Đồng Hóa", "Đại Cương"} <= communes
    visit = data[0]["visits"][0]["id"]
    code, out, _ = run(capsys, "--db", str(db_path), "answer", visit[:8], "b3", "dat", "--note", "Đã niêm yết đủ")
    assert code == 0
    named = inspector.open_db(db_path)
    inspector.db.set_author(named, "Lê Văn Tâm")  # as the window's settings do
    named.close()
    run(capsys, "--db", str(db_path), "answer", visit[:8], "b4", "khong_dat", "--note", "Chưa có")
    code, out, _ = run(capsys, "--db", str(db_path), "show", visit, "--json")
    shown = json.loads(out)
    b3 = next(a for a in shown["answers"] if a["item"] == "B3")
    assert (b3["value"], b3["note"], b3["display"]) == ("dat", "Đã niêm yết đủ", "Đạt")
    b4 = next(a for a in shown["answers"] if a["item"] == "B4")
    assert (b4["value"], b4["author"]) == ("khong_dat", "Lê Văn Tâm")  # who changed it last
    assert len(shown["answers"]) == 70


def test_env_var_gives_the_database(db_path, capsys, monkeypatch):
    monkeypatch.setenv("INSPECTOR_DB", str(db_path))
    assert run(capsys, "demo", "--communes", "3")[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)[0]["visits"]) == 3


def _everything(path) -> dict:
    """Every row of every table (and the schema), read without the app: the whole database state."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {
            "schema": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
            "user_version": conn.execute("PRAGMA user_version").fetchone(),
        }
        for t in tables:
            out[t] = sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


@pytest.mark.parametrize(
    "args, message",
    [
        (["answer", "{v}", "C7", "121/120"], "numerator is larger"),
        (["answer", "{v}", "B3", "tốt"], "not a valid answer"),
        (["answer", "{v}", "Z9", "dat"], "no checklist item"),
        (["answer", "nope", "B3", "dat"], "no visit matches 'nope'"),
        (["show", "nope"], "no visit matches"),
    ],
)
def test_errors_are_one_line_and_write_nothing(demo_path, demo_ids, capsys, args, message):
    visit = demo_ids[1][0]
    before = _everything(demo_path)
    assert before["events"] and before["answers"]
    code, out, err = run(capsys, "--db", str(demo_path), *[a.replace("{v}", visit) for a in args])
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    after = _everything(demo_path)
    changed = [t for t in before if before[t] != after.get(t)]
    assert changed == [], f"a refused command wrote to {changed}"
    assert after.keys() == before.keys()


def test_a_file_that_is_not_ours(tmp_path, capsys):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"x" * 200)
    code, _, err = run(capsys, "--db", str(bad), "list")
    assert code == 1 and "not an Inspector database" in err
    assert bad.read_bytes()[:4] == b"\xff\xd8\xff\xe0"


def test_checklist_command(db_path, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "checklist", "--json")
    assert code == 0 and len(json.loads(out)["items"]) == 70


def test_every_command_has_help():
    from click.testing import CliRunner

    runner = CliRunner()
    assert len(cli.commands) >= 5
    for name, cmd in cli.commands.items():
        assert cmd.help and "Example:" in cmd.help, name
        shown = runner.invoke(cli, [name, "--help"])
        assert shown.exit_code == 0 and "Example:" in shown.output, name
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                assert sub.help, f"{name} {sub.name}"
                assert runner.invoke(cli, [name, sub.name, "--help"]).exit_code == 0, f"{name} {sub.name}"


def test_checklist_load_checks_the_file(db_path, tmp_path, capsys):
    from inspector import checklist as cl

    data = dict(cl.default_checklist().data)
    data["id"] = "CCHC-XA-TEST.1"
    good = tmp_path / "mine.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "checklist", "--load", str(good))
    assert code == 0 and "CCHC-XA-TEST.1" in out
    data["items"] = data["items"] + [dict(data["items"][0])]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "checklist", "--load", str(bad))
    assert code == 1 and "duplicate code A1" in err


def test_every_command_module_of_the_cli_is_named():
    """The command line imports its modules by name (a bundle may hide its folder): none forgotten."""
    import pkgutil

    import inspector.cli as c

    assert sorted(c.COMMAND_MODULES) == sorted(m.name for m in pkgutil.iter_modules(c.__path__))
