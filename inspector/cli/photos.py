"""Commands for photos: add to a visit or an item, list, get the stored picture."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import files
from .. import inspections as ins
from .. import photos as ph
from ..errors import CannotWrite
from . import Context, cli, emit_json, json_option, pass_ctx


@cli.group()
def photo() -> None:
    """Photos of a visit (evidence for checklist items).

    Example: inspector photo add 3f2a --item B5 IMG_0042.HEIC
    """


@photo.command("add")
@click.argument("visit")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--item", "item", help="The checklist item the photos show (e.g. B5).")
@click.option("--caption", help="Caption for every photo added (default: item and time taken).")
@click.option("--keep-original", is_flag=True, help="Also keep the camera's original file bytes.")
@click.option(
    "--max-edge",
    type=click.IntRange(320, 10000),
    default=ph.MAX_EDGE,
    show_default=True,
    help="Longest edge of the stored picture, in pixels.",
)
@click.option("--reason", help="Amendment reason, required once the minutes are signed.")
@json_option
@pass_ctx
def photo_add(
    ctx: Context,
    visit: str,
    files: tuple[Path, ...],
    item: str | None,
    caption: str | None,
    keep_original: bool,
    max_edge: int,
    reason: str | None,
    as_json: bool,
) -> None:
    """Import photos (files or folders; JPEG, PNG, HEIC/HEIF, TIFF, WebP) into a visit.

    Bad files are listed with their reason and the others are imported; the exit status is 1
    when any file was refused.

    Example: inspector photo add 3f2a --item B7 ~/DCIM/100APPLE
    """
    v = ins.get_visit(ctx.db, visit)
    workers = min(2, os.cpu_count() or 1)
    report = ph.import_files(
        ctx.db,
        v.id,
        list(files),
        item_code=item.upper() if item else None,
        caption=caption,
        workers=workers,
        keep_original=keep_original,
        max_edge=max_edge,
        reason=reason,
    )
    if as_json:
        emit_json(report.to_json())
    else:
        where = f"{v.commune}" + (f", {item.upper()}" if item else "")
        click.echo(
            f"{len(report.imported)} ảnh đã thêm vào {where}"
            + (f" ({report.reused} ảnh đã có sẵn, không lưu lại)" if report.reused else "")
            + (f"; {len(report.duplicates)} ảnh đã gắn từ trước" if report.duplicates else "")
        )
        for name, _code, text in report.rejected:
            click.echo(f"Refused: {name}: {text}", err=True)
    if report.rejected:
        sys.exit(1)


@photo.command("list")
@click.argument("visit")
@click.option("--item", help="Only the photos of this item.")
@json_option
@pass_ctx
def photo_list(ctx: Context, visit: str, item: str | None, as_json: bool) -> None:
    """List a visit's photos: id, sha256, size, item, caption, time taken, GPS, source file,
    and evidence warnings (taken on another day, far from the other photos).

    Example: inspector photo list 3f2a --json
    """
    v = ins.get_visit(ctx.db, visit)
    atts = ph.attachments(ctx.db, v.id) if item is None else ph.attachments(ctx.db, v.id, item.upper())
    if as_json:
        emit_json([ph.attachment_json(a) for a in atts])
        return
    for a in atts:
        warn = (
            (
                " ["
                + ", ".join({"date": "khác ngày làm việc", "gps": "xa vị trí các ảnh khác"}[f] for f in a.flags)
                + "]"
            )
            if a.flags
            else ""
        )
        click.echo(
            f"{a.id[:8]}  {a.item_code or '—':<4} {a.width}×{a.height}  {a.taken_at or '':19}  {a.caption}{warn}"
        )
    if not atts:
        click.echo("Chưa có ảnh.")


@photo.command("get")
@click.argument("photo_id")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Where to write the JPEG."
)
@click.option("--original", is_flag=True, help="The camera's original bytes, when they were kept.")
@pass_ctx
def photo_get(ctx: Context, photo_id: str, output: Path, original: bool) -> None:
    """Write a stored photo (by the id or sha256 shown by `photo list`, or a prefix) to a file.

    Example: inspector photo get 9c1e77d0 -o bien-hieu.jpg
    """
    sha = ph.find_photo(ctx.db, photo_id)
    data = ph.original_bytes(ctx.db, sha) if original else ph.photo_bytes(ctx.db, sha)
    if data is None:
        raise click.ClickException("the original of this photo was not kept")
    try:  # a temporary name beside the target, flushed and renamed: never a half-written photo
        files.write_bytes(output, data)
    except OSError as exc:  # CannotWrite (disk full, read-only…), or the target held by another program
        plain = files.write_error(exc, output)
        raise click.ClickException(str(plain or exc)) from None
    except CannotWrite as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(str(output))
