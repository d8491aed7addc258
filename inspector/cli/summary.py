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
@json_option
@pass_ctx
def summary(ctx: Context, inspection: str, output: Path | None, as_json: bool) -> None:
    """Summarise an inspection across its communes: Excel matrix, Word report, or totals here.

    Example: inspector summary 7b1c -o tong-hop.xlsx
    """
    insp = ins.get_inspection(ctx.db, inspection)
    if output:
        written = sm.write(ctx.db, insp.id, output)
        if as_json:
            emit_json({"file": str(written)})
        else:
            click.echo(str(written))
        return
    m = sm.matrix(ctx.db, insp.id)
    common = m.common_shortcomings()
    if as_json:
        emit_json(
            {
                "inspection": insp.id,
                "communes": [v.commune for v in m.visits],
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
    click.echo(f"{insp.title}: {len(m.visits)} xã")
    for t in common:
        click.echo(f"  {t.item.code:<4} {t.sentence}")
