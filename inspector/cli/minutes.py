"""Commands for the minutes (biên bản) of a visit: write them, make a PDF, mark them signed."""

from __future__ import annotations

from pathlib import Path

import click

from .. import inspections as ins
from .. import minutes as mn
from . import Context, cli, emit_json, json_option, pass_ctx


@cli.command()
@click.argument("visit")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .docx to write (default: BB_<commune>_<date>.docx here).",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An office's own template (.docx with fields, see docs/template-fields.md).",
)
@click.option(
    "--layout",
    type=click.Choice(["areas", "tables"]),
    default="areas",
    show_default=True,
    help="areas: a short account of each area in the body, the full sheet as Phụ lục I; "
    "tables: the full result tables in the body.",
)
@click.option("--pdf", is_flag=True, help="Also make a PDF beside it (needs LibreOffice, or Word on Windows).")
@json_option
@pass_ctx
def minutes(
    ctx: Context, visit: str, output: Path | None, template: Path | None, layout: str, pdf: bool, as_json: bool
) -> None:
    """Write the minutes (biên bản) of a visit as a Word document, in the official format.

    Example: inspector minutes 3f2a -o BB_Ninh-Xuan_2026-11-23.docx --pdf
    """
    v = ins.get_visit(ctx.db, visit)
    essential = mn.gaps(ctx.db, v.id).essential
    if essential:  # an official header without its name is sent back: refused, nothing written
        missing = ", ".join(mn.SECTION_WORDS[x][1] for x in essential)
        raise click.ClickException(f"the minutes need {missing}: inspector visit {v.id[:8]} --province NAME")
    out = output or Path(mn.default_filename(v))
    written = mn.write_minutes(ctx.db, v.id, out, template=template, layout=layout)
    pdf_path = mn.to_pdf(written) if pdf else None
    if as_json:
        emit_json(
            {
                "docx": str(written),
                "pdf": str(pdf_path) if pdf_path else None,
                "version_code": mn.version_code(ctx.db, v.id),
            }
        )
        return
    click.echo(str(written))
    if pdf_path:
        click.echo(str(pdf_path))


@cli.command()
@click.argument("visit")
@json_option
@pass_ctx
def sign(ctx: Context, visit: str, as_json: bool) -> None:
    """Mark a visit's minutes as signed: later changes need an amendment reason (--reason), and the
    code printed in the footer is kept to match paper to record.

    Example: inspector sign 3f2a
    """
    v = mn.sign_visit(ctx.db, ins.get_visit(ctx.db, visit).id)
    if as_json:
        emit_json({"visit": v.id, "status": v.status, "signed_at": v.signed_at, "version_code": v.version_code})
        return
    click.echo(f"{v.commune}: đã ký biên bản ({v.signed_at}), mã đối chiếu {v.version_code}")
