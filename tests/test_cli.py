import json

import click
import pytest

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
    code, out, _ = run(capsys, "--db", str(db_path), "show", visit, "--json")
    shown = json.loads(out)
    b3 = next(a for a in shown["answers"] if a["item"] == "B3")
    assert (b3["value"], b3["note"], b3["display"]) == ("dat", "Đã niêm yết đủ", "Đạt")
    assert len(shown["answers"]) == 70


def test_env_var_gives_the_database(db_path, capsys, monkeypatch):
    monkeypatch.setenv("INSPECTOR_DB", str(db_path))
    assert run(capsys, "demo", "--communes", "3")[0] == 0
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)[0]["visits"]) == 3


@pytest.mark.parametrize("args, message", [
    (["answer", "{v}", "C7", "121/120"], "numerator is larger"),
    (["answer", "{v}", "B3", "tốt"], "not a valid answer"),
    (["answer", "{v}", "Z9", "dat"], "no checklist item"),
    (["answer", "nope", "B3", "dat"], "no visit matches 'nope'"),
    (["show", "nope"], "no visit matches"),
])
def test_errors_are_one_line_and_write_nothing(demo_path, demo_ids, capsys, args, message):
    visit = demo_ids[1][0]
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "--db", str(demo_path), *[a.replace("{v}", visit) for a in args])
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, _ = run(capsys, "--db", str(demo_path), "show", visit, "--json")
    c7 = next(a for a in json.loads(out)["answers"] if a["item"] == "C7")
    assert c7["value"] != "121/120"


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
    ctx = click.Context(cli)
    for name, cmd in cli.commands.items():
        assert cmd.help and "Example:" in cmd.help, name
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                assert sub.help, f"{name} {sub.name}"
    assert ctx


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
