"""Commands to carry data between laptops and the office: export, merge, conflicts, resolve, check."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from .. import sync
from ..errors import PackageRejected
from . import Context, cli, emit_json, json_option, pass_ctx


@cli.command()
@click.argument("inspection", required=False)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The package file to write (.cchc); default: a name of the inspection, this laptop and the "
    "time, in the current folder.",
)
@json_option
@pass_ctx
def export(ctx: Context, inspection: str | None, output: Path | None, as_json: bool) -> None:
    """Write a package (one file) with the changes and photos of an inspection, or of all.

    Example: inspector export 3f2a -o ninh-hoa.cchc
    """
    if output is None:
        output = Path.cwd() / sync.default_package_name(ctx.db, inspection)
    r = sync.export_package(ctx.db, output, inspection)
    if as_json:
        emit_json(
            {
                "path": str(r.path),
                "inspections": list(r.inspections),
                "events": r.events,
                "photos": r.photos,
                "size": r.size,
            }
        )
        return
    click.echo(
        f"Wrote {r.path}: {r.events} changes, {r.photos} photos ({r.size // 1024} KB) of " + "; ".join(r.inspections)
    )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@json_option
@pass_ctx
def merge(ctx: Context, files: tuple[Path, ...], as_json: bool) -> None:
    """Merge package files (any number, any order); a bad file is refused and changes nothing.

    Example: inspector merge lan.cchc minh.cchc
    """
    try:
        report = sync.merge_packages(ctx.db, files)
    except PackageRejected as exc:
        rejected = getattr(exc, "report", None)
        if rejected is not None and len(rejected.rejected) > 1:
            for f, reason in rejected.rejected[1:]:
                click.echo(f"Error: {f}: {reason}; nothing was changed", err=True)
        raise
    if as_json:
        emit_json(report.to_json())
    else:
        for p in report.packages:
            added = ", ".join(f"{v} {k}" for k, v in p.added.items() if v and k != "events")
            updated = ", ".join(f"{v} {k}" for k, v in p.updated.items() if v)
            again = f" (already merged {p.already_merged})" if p.already_merged else ""
            parts = [
                f"added {added}" if added else "",
                f"updated {updated}" if updated else "",
                f"{p.added['events']} new and {p.known_events} known changes",
            ]
            click.echo(f"{p.file}{again}: " + "; ".join(x for x in parts if x))
            for c in p.conflicts:
                click.echo(f"  conflict {c.id}  {c.label}: " + " | ".join(h["display"] for h in c.heads))
        for f, reason in report.rejected:
            click.echo(f"{f}: REJECTED, {reason}; nothing was changed", err=True)
        click.echo(report.summary())
    if report.rejected:
        raise click.ClickException(f"{len(report.rejected)} file(s) rejected, the others merged")


@cli.command()
@click.argument("inspection", required=False)
@json_option
@pass_ctx
def conflicts(ctx: Context, inspection: str | None, as_json: bool) -> None:
    """List conflicts: the same field changed on two laptops to different values.

    Example: inspector conflicts --json
    """
    insp = None
    if inspection:
        from ..inspections import get_inspection

        insp = get_inspection(ctx.db, inspection).id
    items = sync.conflicts(ctx.db, insp)
    if as_json:
        emit_json([asdict(c) | {"label": c.label} for c in items])
        return
    if not items:
        click.echo("No conflicts.")
        return
    for c in items:
        click.echo(f"{c.id}  {c.label}")
        for h in c.heads:
            click.echo(f"    {h['display']!s:30}  {h['author']} · máy {h['device'][:8]} · {h['time']}")
    click.echo(f"{len(items)} conflict(s); decide one with: inspector resolve ID VALUE")


@cli.command()
@click.argument("conflict")
@click.argument("value")
@click.option("--reason", help="Amendment reason, when the minutes of the visit were signed.")
@pass_ctx
def resolve(ctx: Context, conflict: str, value: str, reason: str | None) -> None:
    """Decide a conflict with VALUE (one of the values shown, or a new one); the decision syncs.

    Example: inspector resolve 1a2b3c4d dat
    """
    c = sync.find_conflict(ctx.db, conflict)
    sync.resolve(ctx.db, c.id, value, reason=reason)
    click.echo(f"Resolved {c.id} {c.label}")


@cli.command()
@json_option
@pass_ctx
def check(ctx: Context, as_json: bool) -> None:
    """Check the database: integrity, references and every photo's SHA-256.

    Example: inspector check
    """
    problems = sync.check_database(ctx.db)
    photos = ctx.db.execute("SELECT count(*) FROM photos").fetchone()[0]
    events = ctx.db.execute("SELECT count(*) FROM events").fetchone()[0]
    if as_json:
        emit_json({"ok": not problems, "problems": problems, "photos": photos, "events": events})
    elif problems:
        for p in problems:
            click.echo(p, err=True)
    else:
        click.echo(f"OK: integrity, references, {photos} photo(s) and {events} change(s) checked")
    if problems:
        raise click.ClickException(f"PROBLEMS: {len(problems)} problem(s) found in the database")


@cli.command(name="merge-log")
@json_option
@pass_ctx
def merge_log(ctx: Context, as_json: bool) -> None:
    """Show the packages merged into this database, newest first.

    Example: inspector merge-log
    """
    entries = sync.merge_log(ctx.db)
    if as_json:
        emit_json([asdict(e) for e in entries])
        return
    for e in entries:
        added = e.counts.get("added") or {}
        text = ", ".join(f"{v} {k}" for k, v in added.items() if v) or "nothing new"
        click.echo(f"{e.merged_at}  {e.file_name}  {e.sha256[:12]}  {text}")
