"""The `inspector` command: a thin layer over the core. Without a command it opens the GUI.

Each area keeps its commands in a module of this package (core, photos, documents, sync…);
every module found here is imported below and registers its commands on `cli`.
"""

from __future__ import annotations

import importlib
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import click

from .. import db as dbmod
from .. import version
from ..errors import InspectorError


class Context:
    """Lazily opened database, shared by the commands of one invocation."""

    def __init__(self, db_path: Path | None) -> None:
        self.db_path = db_path
        self._db = None

    @property
    def db(self):
        if self._db is None:
            self._db = dbmod.open_db(self.db_path)
        return self._db


pass_ctx = click.make_pass_decorator(Context)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")(f)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="INSPECTOR_DB",
    help="Database file (default: inspector.sqlite3 in the user's data folder; env INSPECTOR_DB).",
)
@click.version_option(version.describe(), message="Inspector %(version)s")  # no package metadata: a bundle has none
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """Inspector: administrative-reform inspections of commune offices.

    Without a command, the `inspector` program opens the window.

    Example: inspector --db test.sqlite3 demo
    """
    ctx.obj = Context(db_path)
    if ctx.invoked_subcommand is None:  # the window is started by the entry point (ui/launch.py)
        click.echo(ctx.get_help())


# Every module of this package registers its commands on import. Named here, not listed from the
# folder: a bundle (tools/build.py) keeps modules in an archive that a folder listing may not see;
# a test checks the names against the folder.
COMMAND_MODULES = ("core", "minutes", "photos", "summary", "sync")
for _module in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_module}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: errors become one readable line on stderr and exit status 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        cli.main(args=argv, prog_name="inspector", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except InspectorError as exc:
        click.echo(f"Error: {exc}", err=True)
        return 1
    except sqlite3.Error as exc:
        click.echo(f"Error: database: {exc}", err=True)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        click.echo(f"Error:{where}: {exc.strerror or exc}", err=True)
        return 1
    return 0
