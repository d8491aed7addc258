"""The home office's summary across the communes of an inspection."""

from __future__ import annotations

from pathlib import Path

import click

from .. import inspections as ins
from .. import summary as sm
from . import Context, cli, emit_json, json_option, pass_ctx


@cli.command()
@click.argument("inspection")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.xlsx (communes × items) or FILE.docx (report); without it, totals are printed.",
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An office's own report template (.docx, see docs/template-fields.md); for FILE.docx only.",
)
@json_option
@pass_ctx
def summary(ctx: Context, inspection: str, output: Path | None, template: Path | None, as_json: bool) -> None:
    """Summarise an inspection across its communes: Excel matrix, Word report, or totals here.

    Example: inspector summary 7b1c -o tong-hop.xlsx
    """
    insp = ins.get_inspection(ctx.db, inspection)
    if template and (output is None or output.suffix.lower() != ".docx"):
        raise click.UsageError("--template is for the Word report: give -o FILE.docx")
    if output:
        written = sm.write(ctx.db, insp.id, output, **({"template": template} if template else {}))
        if as_json:
            emit_json({"file": str(written)})
        else:
            click.echo(str(written))
        return
    m = sm.matrix(ctx.db, insp.id)
    common = m.common_shortcomings()
    ranking = [
        {
            "visit": v.id,
            "commune": v.commune,
            "rank": m.ranks[v.id],
            **{k: m.scores[v.id].to_json()[k] for k in ("points", "maximum", "bonus", "index", "class", "groups")},
        }
        for v in m.ranking()
        if v.id in m.scores
    ]
    if as_json:
        emit_json(
            {
                "inspection": insp.id,
                "checklist": {"id": m.checklist.id, "title": m.checklist.title},
                "communes": [v.commune for v in m.visits],
                "ranking": ranking,
                "areas": {
                    code: {"title": m.checklist.group_title(code), "mean": round(pts, 2), "maximum": round(mx, 2)}
                    for code, (pts, mx) in m.area_averages().items()
                },
                "shortcomings": [
                    {
                        "item": t.item.code,
                        "failed": t.failed,
                        "answered": t.answered,
                        "communes": t.failed_communes,
                        "text": t.sentence,
                    }
                    for t in common
                ],
            }
        )
        return
    click.echo(f"{insp.title}: {len(m.visits)} xã (bộ tiêu chí {m.checklist.id})")
    for r in ranking:
        idx = "—" if r["index"] is None else f"{r['index']:g}".replace(".", ",")
        click.echo(f"  {r['rank']:>3}. {r['commune']:<24} {idx:>5}  {r['class']}")
    for t in common:
        click.echo(f"  {t.item.code:<4} {t.sentence}")
