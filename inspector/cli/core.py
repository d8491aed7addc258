"""Commands for inspections, visits and answers."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click

from .. import answers as ans
from .. import checklist as cl
from .. import demo as demomod
from .. import inspections as ins
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


@cli.command()
@click.argument("inspection", required=False)
@click.option("--version", "version_id", help="A checklist version id instead of an inspection's.")
@click.option(
    "--load",
    "load_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Check an office's own checklist file (JSON) and add it to the database.",
)
@json_option
@pass_ctx
def checklist(
    ctx: Context, inspection: str | None, version_id: str | None, load_file: str | None, as_json: bool
) -> None:
    """Show the checklist items of an inspection (or the default checklist), or load a new version.

    Example: inspector checklist --json
    Example: inspector checklist --load khanh-hoa-2026.json
    """
    db = ctx.db
    if load_file:
        loaded = cl.load_file(load_file)
        cl.install(db, loaded)
        version_id = loaded.id
        if not as_json:
            click.echo(f"Loaded checklist {loaded.id} ({len(loaded.items)} items)")
            return
    if inspection:
        version_id = ins.get_inspection(db, inspection).checklist_version
    c = cl.get(db, version_id)
    if as_json:
        emit_json(
            {
                "id": c.id,
                "title": c.title,
                "groups": [asdict(g) for g in c.groups],
                "items": [asdict(i) for i in c.items],
            }
        )
        return
    click.echo(f"{c.title} ({c.id}), {len(c.items)} items")
    for g in c.groups:
        click.echo(f"\n{g.code}. {g.title_vi}")
        for it in (i for i in c.items if i.group == g.code):
            flag = " [ảnh]" if it.photo_required else ""
            click.echo(f"  {it.code:<4} {it.type:<10} {it.text_vi}{flag}")


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
    rows: list[dict[str, Any]] = []
    for it in c.items:
        a = answers.get(it.code)
        rows.append(
            {
                "item": it.code,
                "group": it.group,
                "type": it.type,
                "text": it.text_vi,
                "value": a.value if a else None,
                "display": ans.display(it, a.value if a else None),
                "note": a.note if a else "",
                "suggested": a.suggested if a else None,
                "photo_required": it.photo_required,
            }
        )
    findings = [asdict(f) for f in ins.findings(db, v.id)]
    photos = _photos_json(db, v.id)
    if as_json:
        d = _visit_json(db, v)
        d.update(
            inspection={"id": insp.id, "title": insp.title, "kind": insp.kind},
            answers=rows,
            findings=findings,
            photos=photos,
        )
        emit_json(d)
        return
    click.echo(f"{v.commune}, {v.province} — {v.date or 'chưa có ngày'} ({v.status})  [{v.id}]")
    click.echo(f"{insp.title}")
    group = None
    for r in rows:
        if r["group"] != group:
            group = r["group"]
            click.echo(f"\n{group}. {c.group_title(group)}")
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
