"""Commands for inspections, visits and answers."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from .. import answers as ans
from .. import checklist as cl
from .. import demo as demomod
from .. import inspections as ins
from .. import scoring
from ..db import atomic
from . import Context, cli, emit_json, json_option, pass_ctx


def _visit_json(db, v: ins.Visit) -> dict:
    prog = ins.progress(db, v.id)
    done = sum(a for a, _ in prog.values())
    total = sum(b for _, b in prog.values())
    d = asdict(v)
    d["progress"] = {"answered": done, "total": total}
    return d


@cli.command()
@click.option("--communes", type=click.IntRange(1, 5), default=None, help="How many communes (default 5).")
@json_option
@pass_ctx
def demo(ctx: Context, communes: int | None, as_json: bool) -> None:
    """Create a demo inspection: a delegation, communes, answers and findings.

    Example: inspector demo
    """
    insp = demomod.create_demo(ctx.db, communes=communes)
    visits = ins.visits(ctx.db, insp.id)
    if as_json:
        emit_json({"inspection": asdict(insp), "visits": [_visit_json(ctx.db, v) for v in visits]})
        return
    click.echo(f"Created demo inspection {insp.id[:8]} {insp.title!r} with {len(visits)} visits:")
    for v in visits:
        click.echo(f"  {v.id[:8]}  {v.commune}, {v.province}  {v.date}")


@cli.command(name="list")
@json_option
@pass_ctx
def list_(ctx: Context, as_json: bool) -> None:
    """List inspections and their visits, with ids (a unique prefix of an id is enough).

    Example: inspector list --json
    """
    db = ctx.db
    out = []
    for insp in ins.list_inspections(db):
        d = asdict(insp)
        d["members"] = [asdict(m) for m in ins.members(db, insp.id)]
        d["visits"] = [_visit_json(db, v) for v in ins.visits(db, insp.id)]
        out.append(d)
    if as_json:
        emit_json(out)
        return
    if not out:
        click.echo("No inspections yet. Try: inspector demo")
    for d in out:
        click.echo(
            f"{d['id'][:8]}  {d['title']}  ({ins.KINDS.get(d['kind'], d['kind'])}"
            f"{', ' + d['decision_no'] if d['decision_no'] else ''})"
        )
        for v in d["visits"]:
            p = v["progress"]
            click.echo(
                f"  {v['id'][:8]}  {v['commune']:<20} {v['province']:<12} {v['date'] or '—':<10}  "
                f"{p['answered']}/{p['total']}  {v['status']}"
            )


@cli.command(context_settings={"ignore_unknown_options": False})
@click.argument("args", nargs=-1, metavar="[INSPECTION | export VERSION]")
@click.option("--version", "version_id", help="A checklist version id instead of an inspection's.")
@click.option(
    "--load",
    "load_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Check an office's own criteria set (Excel .xlsx, or JSON) and add it to the database.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="With export: the .xlsx file to write.")
@click.option("--list", "list_sets", is_flag=True, help="The sets in the database, their versions and use.")
@json_option
@pass_ctx
def checklist(
    ctx: Context,
    args: tuple[str, ...],
    version_id: str | None,
    load_file: str | None,
    output: str | None,
    list_sets: bool,
    as_json: bool,
) -> None:
    """Show the criteria of an inspection (or the default set), load a set, or export one to Excel.

    Example: inspector checklist --json
    Example: inspector checklist --load khanh-hoa-2026.xlsx
    Example: inspector checklist export CCHC-XA-2025.1 -o bo-tieu-chi.xlsx
    Example: inspector checklist --list
    """
    from .. import criteria_xlsx

    db = ctx.db
    if args and args[0] == "export":
        if len(args) > 2 or not output:
            raise click.UsageError("checklist export VERSION -o FILE.xlsx")
        c = cl.get(db, args[1] if len(args) > 1 else version_id)
        if not output.lower().endswith(".xlsx"):
            raise click.UsageError("the criteria set is written as an Excel file: -o NAME.xlsx")
        criteria_xlsx.write(c, output)
        if as_json:
            emit_json({"id": c.id, "file": str(output)})
        else:
            click.echo(f"Wrote {c.id} ({len(c.items)} criteria) to {output}")
        return
    if len(args) > 1:
        raise click.UsageError("one inspection at most")
    if list_sets:
        sets = cl.list_versions(db)
        if as_json:
            emit_json([asdict(v) for v in sets])
            return
        for v in sets:
            use = f"used by {v.inspections} inspection(s), locked" if v.locked else "not used yet"
            points = f", {v.points:g} points" if v.points else ""
            click.echo(f"{v.id:<24} {v.items:>3} criteria{points}  {use}  {v.title}")
        return
    if load_file:
        if load_file.lower().endswith((".xlsx", ".xlsm")):
            try:
                read = criteria_xlsx.read(load_file)
            except criteria_xlsx.CriteriaFileError as exc:
                if as_json:
                    emit_json({"file": exc.source, "problems": [asdict(p) for p in exc.problems]})
                    raise SystemExit(1) from None
                click.echo(f"{exc.source}: {len(exc.problems)} problem(s); nothing was loaded:", err=True)
                for problem in exc.problems:
                    click.echo(f"  {problem}", err=True)
                raise SystemExit(1) from None
        else:
            read = cl.load_file(load_file)
        loaded, note = cl.add_version(db, read)
        version_id = loaded.id
        if not as_json:
            click.echo(f"Loaded criteria set {loaded.id} ({len(loaded.items)} criteria){note}")
            return
    inspection = args[0] if args else None
    if inspection:
        version_id = ins.get_inspection(db, inspection).checklist_version
    c = cl.get(db, version_id)
    if as_json:
        emit_json(
            {
                "id": c.id,
                "title": c.title,
                "info": c.info,
                "classes": [{"name": n, "min": m} for n, m in c.classes],
                "groups": [asdict(g) for g in c.groups],
                "items": [asdict(i) for i in c.items],
            }
        )
        return
    click.echo(f"{c.title} ({c.id}), {len(c.items)} criteria")
    for g in c.groups:
        click.echo(f"\n{g.code}. {g.title_vi}")
        for it in (i for i in c.items if i.group == g.code):
            flag = " [ảnh]" if it.photo_required else ""
            points = f" ({it.points:g} đ)" if it.points is not None else ""
            click.echo(f"  {it.code:<4} {it.type:<10} {it.text_vi}{points}{flag}")


@cli.command()
@click.argument("visit")
@json_option
@pass_ctx
def show(ctx: Context, visit: str, as_json: bool) -> None:
    """Show a visit with its answers, findings and photos.

    Example: inspector show 3f2a --json
    """
    db = ctx.db
    v = ins.get_visit(db, visit)
    insp = ins.get_inspection(db, v.inspection_id)
    c = cl.get(db, v.checklist_version)
    answers = ans.answers_for_visit(db, v.id)
    score = scoring.score_visit(c, answers) if c.scored else None
    rows: list[dict[str, Any]] = []
    for it in c.items:
        a = answers.get(it.code)
        row: dict[str, Any] = {
            "item": it.code,
            "group": it.group,
            "type": it.type,
            "text": it.text_vi,
            "value": a.value if a else None,
            "display": ans.display(it, a.value if a else None),
            "note": a.note if a else "",
            "suggested": a.suggested if a else None,
            "author": a.author if a else "",
            "photo_required": it.photo_required,
        }
        if score is not None and it.points is not None:
            row |= {"points": score.items.get(it.code), "max_points": it.points}
            if it.code in score.overridden:
                row["points_reason"] = score.overridden[it.code]
        rows.append(row)
    findings = [asdict(f) for f in ins.findings(db, v.id)]
    photos = _photos_json(db, v.id)
    if as_json:
        d = _visit_json(db, v)
        d.update(
            inspection={"id": insp.id, "title": insp.title, "kind": insp.kind},
            checklist={"id": c.id, "title": c.title},
            score=score.to_json() if score is not None else None,
            answers=rows,
            findings=findings,
            photos=photos,
        )
        emit_json(d)
        return
    click.echo(f"{v.commune}, {v.province} — {v.date or 'chưa có ngày'} ({v.status})  [{v.id}]")
    click.echo(f"{insp.title} — bộ tiêu chí {c.id}")
    if score is not None:
        idx = "—" if score.index is None else f"{score.index:g}".replace(".", ",")
        click.echo(
            f"Điểm: {scoring.points_text(score.points)}/{scoring.points_text(score.maximum)}, chỉ số {idx}"
            + (f", xếp loại {score.klass}" if score.klass else "")
        )
    group = None
    for r in rows:
        if r["group"] != group:
            group = r["group"]
            gs = score.groups.get(group) if score is not None else None
            click.echo(f"\n{group}. {c.group_title(group)}" + (f" ({gs.label})" if gs and gs.items else ""))
        shown = r["display"] or (
            "(gợi ý: " + ans.display(c.item(r["item"]), r["suggested"]) + ")" if r["suggested"] else "—"
        )
        click.echo(f"  {r['item']:<4} {shown:<22} {r['text'][:70]}")
        if r["note"]:
            click.echo(f"       ghi chú: {r['note']}")
    for f in findings:
        click.echo(
            f"\n[{f['kind']}] {f['text']}" + (f" — {f['responsible']}, {f['deadline']}" if f["responsible"] else "")
        )
    if photos:
        click.echo(f"\n{len(photos)} ảnh")


def _photos_json(db, visit_id: str) -> list[dict]:
    try:
        from .. import photos as ph  # the photo module, when present
    except ImportError:
        return []
    return [ph.attachment_json(a) for a in ph.attachments(db, visit_id)]


@cli.command()
@click.argument("visit")
@click.argument("item")
@click.argument("value")
@click.option("--note", help="A note (ghi chú) for the answer.")
@click.option("--reason", help="Amendment reason, required once the minutes are signed.")
@json_option
@pass_ctx
def answer(
    ctx: Context, visit: str, item: str, value: str, note: str | None, reason: str | None, as_json: bool
) -> None:
    """Record an answer. VALUE by item type: dat | dat-mot-phan | khong-dat | khong-ap-dung,
    co | khong, a count (12), a ratio (118/120), text; "" clears it.

    Example: inspector answer 3f2a B3 dat --note "Đã cập nhật theo QĐ 1520"
    """
    a = ans.set_answer(ctx.db, visit, item.upper(), value, note=note, reason=reason)
    if as_json:
        emit_json(ans.to_json(a) if a else None)
        return
    v = ins.get_visit(ctx.db, visit)
    it = cl.get(ctx.db, v.checklist_version).item(item.upper())
    click.echo(
        f"{v.commune} {it.code}: {ans.display(it, a.value if a else None) or '—'}"
        + (f"  (ghi chú: {a.note})" if a and a.note else "")
    )


@cli.command()
@click.argument("visit")
@click.argument("item")
@click.argument("points")
@click.option("--reason", "why", help="Why the points differ from what the answer gives (required but for text items).")
@click.option("--amendment", help="Amendment reason, required once the minutes are signed.")
@json_option
@pass_ctx
def points(
    ctx: Context, visit: str, item: str, points: str, why: str | None, amendment: str | None, as_json: bool
) -> None:
    """Set an item's points by hand (a text item's, or an override with its reason); "" clears them.

    Example: inspector points 3f2a C1 1,5 --reason "Máy lấy số hỏng từ tháng 10"
    """
    a = ans.set_points(ctx.db, visit, item.upper(), points or None, reason=why, amendment=amendment)
    if as_json:
        emit_json(ans.to_json(a) if a else None)
        return
    if a is None or a.points is None:
        click.echo(f"{item.upper()}: the points follow the answer again")
    else:
        click.echo(
            f"{item.upper()}: {scoring.points_text(a.points)} điểm"
            + (f" ({a.points_reason})" if a.points_reason else "")
        )


_KIND_OPTION = {"kiem-tra": "kiem_tra", "giam-sat": "giam_sat", "kiem_tra": "kiem_tra", "giam_sat": "giam_sat"}


@cli.group()
def inspection() -> None:
    """Create or edit an inspection (đợt kiểm tra / giám sát) from the command line.

    Example: inspector inspection new --kind kiem-tra --title "Kiểm tra CCHC 2026" --checklist KH-2026.1 --commune "Ninh Xuân"
    """


def _inspection_fields(kind, title, checklist_version, decision, decision_date, agency, home_office) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if kind:
        fields["kind"] = _KIND_OPTION[kind]
    if title is not None:
        fields["title"] = title
    if checklist_version is not None:
        fields["checklist_version"] = checklist_version
    if decision is not None:
        fields["decision_no"] = decision
    if decision_date is not None:
        fields["decision_date"] = decision_date
    if agency is not None:
        fields["issuing_agency"] = agency
    if home_office is not None:
        fields["home_office"] = home_office
    return fields


def _inspection_options(f):
    for opt in reversed(
        [
            click.option("--kind", type=click.Choice(sorted(_KIND_OPTION)), help="kiem-tra (default) or giam-sat."),
            click.option("--title", help="The inspection's title."),
            click.option("--checklist", "checklist_version", help="The criteria set version (see checklist --list)."),
            click.option("--decision", help='The founding decision, e.g. "245/QĐ-UBND".'),
            click.option("--decision-date", help="Its date, YYYY-MM-DD."),
            click.option("--agency", help="The agency that carries out the inspection."),
            click.option("--home-office", help="The office the results go to."),
        ]
    ):
        f = opt(f)
    return f


@inspection.command("new")
@_inspection_options
@click.option("--commune", "communes", multiple=True, help="A commune visited (repeat the option for several).")
@click.option("--province", default="", help="The province of the communes.")
@json_option
@pass_ctx
def inspection_new(ctx: Context, communes: tuple[str, ...], province: str, as_json: bool, **opts: Any) -> None:
    """A new inspection with its communes; prints the new ids."""
    fields = _inspection_fields(**opts)
    title = fields.pop("title", None)
    if not title:
        raise click.UsageError("an inspection needs --title")
    version = fields.pop("checklist_version", None)
    with atomic(ctx.db):  # the inspection and its communes, or nothing
        insp = ins.create_inspection(ctx.db, title=title, checklist_version=version, **fields)
        visits = [ins.add_visit(ctx.db, insp.id, commune=c, province=province) for c in communes]
    if as_json:
        emit_json(
            {
                "id": insp.id,
                "checklist": insp.checklist_version,
                "visits": [{"id": v.id, "commune": v.commune} for v in visits],
            }
        )
        return
    click.echo(f"{insp.id}  {insp.title}  (bộ tiêu chí {insp.checklist_version})")
    for v in visits:
        click.echo(f"  {v.id}  {v.commune}")


@inspection.command("edit")
@click.argument("inspection_id", metavar="INSPECTION")
@_inspection_options
@json_option
@pass_ctx
def inspection_edit(ctx: Context, inspection_id: str, as_json: bool, **opts: Any) -> None:
    """Change an inspection's fields (those given)."""
    fields = _inspection_fields(**opts)
    insp = ins.update_inspection(ctx.db, inspection_id, **fields)
    if as_json:
        emit_json(asdict(insp))
        return
    click.echo(f"{insp.id}  {insp.title}  (bộ tiêu chí {insp.checklist_version})")


@cli.command(name="visit")
@click.argument("visit_id", metavar="VISIT")
@click.option(
    "--status",
    type=click.Choice(["planned", "in_progress", "done"]),
    help="done: the commune's inspection is finished (the summary counts it).",
)
@click.option("--date", help="The day of the visit, YYYY-MM-DD.")
@click.option("--province", help="The commune's province (it heads the minutes).")
@click.option("--reason", help="Amendment reason, required once the minutes are signed.")
@json_option
@pass_ctx
def visit_(
    ctx: Context,
    visit_id: str,
    status: str | None,
    date: str | None,
    province: str | None,
    reason: str | None,
    as_json: bool,
) -> None:
    """Change a visit's status, date or province.

    Example: inspector visit 3f2a --status done
    """
    fields = {k: v for k, v in (("status", status), ("date", date), ("province", province)) if v is not None}
    v = ins.update_visit(ctx.db, visit_id, reason=reason, **fields)
    if as_json:
        emit_json(_visit_json(ctx.db, v))
        return
    click.echo(f"{v.id[:8]}  {v.commune}  {v.date or '—'}  {v.status}")
