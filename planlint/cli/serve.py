"""`planlint serve`: the web pages and JSON API for people who do not use a terminal."""

from __future__ import annotations

import socket
import sys
from importlib import resources
from pathlib import Path

import click

from planlint.cli.options import EXIT_ERROR, EXIT_OK, fail, lang_option, run_options
from planlint.errors import PlanlintError
from planlint.i18n import Catalog
from planlint.web.limits import ServeLimits

DEFAULTS = ServeLimits()

T = Catalog(
    {
        "listening": (
            "planlint serve: lyssnar på {url} (regelpaket {pack}, {workers} arbetsprocesser). Ctrl+C avslutar.",
            "planlint serve: listening on {url} (rule pack {pack}, {workers} worker processes). Ctrl+C stops.",
        ),
        "config": ("Konfiguration: {path}", "Configuration: {path}"),
        "no_config": ("Konfiguration: planlints standardval", "Configuration: planlint's defaults"),
        "cannot_listen": (
            "kan inte lyssna på {host}:{port} ({reason}). Välj en annan adress med --host eller port med --port.",
            "cannot listen on {host}:{port} ({reason}). Choose another address with --host or port with --port.",
        ),
        "stopped": ("planlint serve: avslutad.", "planlint serve: stopped."),
    }
)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adressen servern lyssnar på.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Porten (0: valfri ledig)."
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Arbetsprocesser som granskar planer (standard: kärnorna, högst 4)."
)
@click.option(
    "--queue",
    type=click.IntRange(min=0),
    default=DEFAULTS.queue,
    show_default=True,
    help="Planer som får vänta på en arbetsprocess; fler ger svar 503.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=DEFAULTS.seconds,
    show_default=True,
    help="Sekunder för att granska en plan.",
)
@click.option(
    "--max-file-mb",
    type=click.IntRange(min=1),
    default=DEFAULTS.file_mb,
    show_default=True,
    help="Största fil som tas emot, MB.",
)
@click.option(
    "--max-request-mb",
    type=click.IntRange(min=1),
    default=DEFAULTS.request_mb,
    show_default=True,
    help="Största uppladdning på en gång, MB.",
)
@click.option(
    "--max-files",
    type=click.IntRange(min=1),
    default=DEFAULTS.files,
    show_default=True,
    help="Flest planer i en uppladdning.",
)
@run_options
@lang_option
def serve(
    host: str,
    port: int,
    workers: int | None,
    queue: int,
    time_limit: float,
    max_file_mb: int,
    max_request_mb: int,
    max_files: int,
    rules: Path | None,
    config: Path | None,
    lang: str,
) -> None:
    """Starta en webbsida där planer laddas upp och granskas, och ett JSON-API (POST /api/check, GET /healthz).

    Sidorna är på svenska (engelska med ?lang=en eller --lang en) och fungerar utan JavaScript. Konfigurationen
    och regelpaketet läses en gång när servern startar: --config, annars planlint.toml (eller pyproject.toml med
    [tool.planlint]) i mappen där servern startas eller ovanför. Uppladdade planer granskas i en tillfällig mapp
    som tas bort när svaret har skickats. Slutstatus: 0 servern avslutades, 2 fel i konfiguration eller adress.
    """
    import uvicorn

    from planlint.project.config import check_against_pack, find_config, load_config
    from planlint.project.runner import RunOptions, engine_for
    from planlint.web.app import Settings, create_app

    found = config or find_config(Path.cwd())
    chosen = found.resolve() if found else Path(str(resources.files("planlint.web").joinpath("defaults.toml")))
    try:
        loaded = load_config(chosen)
        pack = engine_for(rules or loaded.rules).pack
        check_against_pack(loaded, {r.id for r in pack.rules}, {c.id for c in pack.concepts})
    except PlanlintError as error:
        fail(error, lang)
    limits = ServeLimits(
        file_mb=max_file_mb,
        request_mb=max_request_mb,
        files=max_files,
        seconds=time_limit,
        queue=queue,
        **({"workers": workers} if workers else {}),
    )
    options = RunOptions(rules=rules.resolve() if rules else None, config=chosen, cache=False)  # nothing is stored
    settings = Settings(options, pack, loaded.fail_on or "error", limits, lang)
    try:
        listener = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        click.echo(f"planlint: {T('cannot_listen', lang, host=host, port=port, reason=exc.strerror or exc)}", err=True)
        sys.exit(EXIT_ERROR)
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        T("listening", lang, url=f"http://{shown}:{bound}", pack=f"{pack.name} {pack.version}", workers=limits.workers)
    )
    click.echo(T("config", lang, path=found.resolve()) if found else T("no_config", lang), nl=True)
    sys.stdout.flush()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings), log_level="warning", server_header=False, proxy_headers=False, lifespan="on"
        )
    )
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn shuts down on Ctrl+C, then passes the signal on
        pass
    click.echo(T("stopped", lang))
    sys.exit(EXIT_OK)


COMMANDS = [serve]
