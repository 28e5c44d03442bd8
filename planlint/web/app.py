"""The ASGI application: routes, the private folder of each request, and the answers to what goes wrong.

Each request that sends plans gets a folder of its own (mode 0700) inside the server's temporary folder; the
folder is deleted before the answer leaves, whatever happens. Every answer carries a strict
Content-Security-Policy and is never cached; the pages load nothing from anywhere else.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planlint import __version__
from planlint.project.diff import compare, diff_dict
from planlint.project.runner import RunOptions
from planlint.reporters import json_report, sarif
from planlint.reporters.html.render import CSP as REPORT_CSP
from planlint.result import RunResult
from planlint.rulepack.pack import Pack
from planlint.web import jobs
from planlint.web.limits import ServeLimits
from planlint.web.pages import T, compare_page, diff_page, language, message_page, report_page, upload_page
from planlint.web.pool import Busy, PlanPool
from planlint.web.service import Service
from planlint.web.uploads import BadUpload, TooLarge, declared_too_large, receive

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": PAGE_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}
STATIC = {  # name -> (package, resource, media type)
    "report.css": ("planlint.reporters.html", "templates/report.css", "text/css; charset=utf-8"),
    "site.css": ("planlint.web", "static/site.css", "text/css; charset=utf-8"),
    "upload.js": ("planlint.web", "static/upload.js", "text/javascript; charset=utf-8"),
}
DOWNLOADS = {  # the upload form's buttons: (renderer, media type, file name)
    "json": (json_report.render, "application/json", "planlint.json"),
    "sarif": (sarif.render, "application/sarif+json", "planlint.sarif"),
}
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Settings:
    options: RunOptions  # the configuration and rule pack, resolved once when the server starts
    pack: Pack
    fail_on: str = "error"
    limits: ServeLimits = ServeLimits()
    lang: str = "sv"  # the pages' language when the address does not ask for another


def create_app(settings: Settings) -> ASGIApp:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        limits = settings.limits
        pool = PlanPool(limits.workers, limits.queue, limits.seconds, jobs.warm, (settings.options,))
        root = Path(tempfile.mkdtemp(prefix="planlint-serve-"))
        try:
            await pool.start()
            app.state.service = Service(pool, settings.options, settings.fail_on)
            app.state.root = root
            yield
        finally:
            pool.close()
            shutil.rmtree(root, ignore_errors=True)

    app = Starlette(
        routes=[
            Route("/", upload, methods=["GET"]),
            Route("/granska", check_plans, methods=["POST"]),
            Route("/jamfor", compare_form, methods=["GET"]),
            Route("/jamfor", compare_plans, methods=["POST"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/static/{name}", static, methods=["GET"]),
            Route("/favicon.ico", no_icon, methods=["GET"]),
        ],
        exception_handlers=HANDLERS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    return SecurityHeaders(app)


class SecurityHeaders:
    """Adds the security headers to every answer that does not set its own."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _service(request: Request) -> Service:
    return request.app.state.service


def _lang(request: Request) -> str:
    return language(request.query_params.get("lang"), _settings(request).lang)


@asynccontextmanager
async def _received(request: Request):
    """The request's form, saved in a private folder that is removed when the block ends."""
    limits = _settings(request).limits
    if declared_too_large(request, limits):
        raise TooLarge("request")
    if _service(request).pool.full:
        raise Busy
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=request.app.state.root))
    try:
        yield folder, await receive(request, folder, limits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def upload(request: Request) -> Response:
    settings = _settings(request)
    return HTMLResponse(upload_page(_lang(request), settings.limits, settings.pack.report))


async def compare_form(request: Request) -> Response:
    settings = _settings(request)
    return HTMLResponse(compare_page(_lang(request), settings.limits, settings.pack.report))


async def check_plans(request: Request) -> Response:
    """The upload form: the report, the commented copies, JSON or SARIF."""
    lang, service = _lang(request), _service(request)
    async with _received(request) as (folder, form):
        names = form.plans("plan")
        if not names:
            return _message(request, 400, "bad_request_title", [T("no_plan", lang)])
        choice = form.fields.get("result", "report")
        with service.pool.reserve(len(names)):
            if choice == "docx":
                return _copies(request, await service.copies(folder, names, lang))
            outcome = await service.check(folder, names)
    if not outcome.results:
        return _errors(request, outcome)
    if choice in DOWNLOADS:
        renderer, media_type, filename = DOWNLOADS[choice]
        return _download(await run_in_threadpool(renderer, outcome, lang), media_type, filename)
    page = await run_in_threadpool(report_page, outcome, lang)
    return HTMLResponse(page, headers={"content-security-policy": f"{REPORT_CSP}; frame-ancestors 'none'"})


async def compare_plans(request: Request) -> Response:
    """The compare form: two versions of a plan, as `planlint diff` compares them."""
    lang, service = _lang(request), _service(request)
    async with _received(request) as (folder, form):
        old, new = form.plans("old"), form.plans("new")
        if len(old) != 1 or len(new) != 1:
            return _message(request, 400, "bad_request_title", [T("no_pair", lang)], back="/jamfor")
        with service.pool.reserve(2):
            outcome = await service.check(folder, [*old, *new])
    if outcome.errors:
        return _errors(request, outcome, back="/jamfor")
    diff = compare(*outcome.results)
    if form.fields.get("result") == "json":
        data = json.dumps(diff_dict(diff, lang), ensure_ascii=False, indent=2)
        return _download(data, "application/json", "planlint-jamforelse.json")
    return HTMLResponse(await run_in_threadpool(diff_page, diff, lang))


async def api_check(request: Request) -> Response:
    """POST /api/check: the plans in the form field `plan`, answered with `check --format json`'s JSON."""
    lang, service = _lang(request), _service(request)
    async with _received(request) as (folder, form):
        names = form.plans("plan")
        if not names:
            return _api_error(400, "no_plan", T("no_plan", lang))
        with service.pool.reserve(len(names)):
            outcome = await service.check(folder, names)
    data = await run_in_threadpool(json_report.report_dict, outcome, lang)
    return JSONResponse(data, headers={"content-disposition": "inline"})


async def healthz(request: Request) -> Response:
    settings, pool = _settings(request), _service(request).pool
    alive = pool.alive()
    return JSONResponse(
        {
            "status": "ok" if alive else "unavailable",
            "version": __version__,
            "pack": {"name": settings.pack.name, "version": settings.pack.version},
            "workers": {"configured": pool.workers, "alive": alive},
            "queue": {"pending": pool.pending, "capacity": pool.capacity},
        },
        status_code=200 if alive else 503,
    )


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        raise HTTPException(404)
    package, resource, media_type = STATIC[name]
    body = resources.files(package).joinpath(resource).read_bytes()
    return Response(body, media_type=media_type, headers={"cache-control": "public, max-age=3600"})


async def no_icon(request: Request) -> Response:
    """Browsers ask for an icon; the site has none, and says so without an error."""
    return Response(status_code=204)


def _copies(request: Request, copies) -> Response:
    if copies.errors or not copies.files:
        return _errors(request, RunResult(errors=copies.errors))
    if len(copies.files) == 1:
        name, data = copies.files[0]
        return _download(data, WORD_TYPE, name)
    return _download(copies.archive(), "application/zip", "planlint-granskade.zip")


def _download(body: str | bytes, media_type: str, filename: str) -> Response:
    return Response(body, media_type=media_type, headers={"content-disposition": _disposition(filename)})


def _disposition(filename: str) -> str:
    """An attachment header that survives any file name: an ASCII fallback and the name in UTF-8."""
    fallback = "".join(ch if ch.isascii() and ch.isalnum() or ch in "-_." else "_" for ch in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def _errors(request: Request, outcome: RunResult, back: str = "/") -> Response:
    """The page for plans none of which could be used: each plan's message, as on the command line."""
    title = "errors_title" if len(outcome.errors) > 1 else "error_title"
    return _message(request, 422, title, [e.message(_lang(request)) for e in outcome.errors], back)


def _message(
    request: Request,
    status: int,
    title: str,
    messages: list[str],
    back: str = "/",
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A page with a title and messages, in the request's language, under the server's pack's words."""
    lang = _lang(request)
    page = message_page(lang, T(title, lang), messages, _settings(request).pack.report, back)
    return HTMLResponse(page, status_code=status, headers=headers)


def _api_error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def too_large(request: Request, exc: TooLarge) -> Response:
    lang, limits = _lang(request), _settings(request).limits
    text = T(f"too_large_{exc.what}", lang, file_mb=limits.file_mb, request_mb=limits.request_mb, files=limits.files)
    headers = {"connection": "close"}
    if _is_api(request):
        return _api_error(413, "too_large", text, headers)
    return _message(request, 413, "too_large_title", [text], headers=headers)


async def bad_upload(request: Request, exc: BadUpload) -> Response:
    lang = _lang(request)
    if _is_api(request):
        return _api_error(400, "bad_form", T("bad_form", lang))
    return _message(request, 400, "bad_request_title", [T("bad_form", lang)])


async def busy(request: Request, exc: Busy) -> Response:
    lang, seconds = _lang(request), _settings(request).limits.retry_after
    headers = {"retry-after": str(seconds)}
    if _is_api(request):
        return _api_error(503, "busy", T("busy", lang, seconds=seconds), headers)
    return _message(request, 503, "busy_title", [T("busy", lang, seconds=seconds)], headers=headers)


async def http_error(request: Request, exc: HTTPException) -> Response:
    lang = _lang(request)
    key = "not_found" if exc.status_code == 404 else "method" if exc.status_code == 405 else "server_error"
    if _is_api(request):
        return _api_error(exc.status_code, key, T(key, lang))
    return _message(request, exc.status_code, f"{key}_title", [T(key, lang)], headers=exc.headers)


async def server_error(request: Request, exc: Exception) -> Response:
    lang = _lang(request)
    if _is_api(request):
        return _api_error(500, "server_error", T("server_error", lang))
    return _message(request, 500, "server_error_title", [T("server_error", lang)])


# Each handler takes its own exception type, which Starlette's annotation (any Exception) cannot say.
HANDLERS: dict[Any, Any] = {
    TooLarge: too_large,
    BadUpload: bad_upload,
    Busy: busy,
    HTTPException: http_error,
    Exception: server_error,
}
