"""The Starlette application behind `formlint serve`: one page, its script and
stylesheet, the sample forms, and POST /check, which reads the upload into memory
(never to disk: no multipart parser, the page sends the file as the request body)
and answers with the report or one error line. A form that cannot be checked is
an answer like any other (200 with `ok: false`), not a failed request."""

from __future__ import annotations

import threading
import webbrowser
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from formlint.i18n import LANGUAGES
from formlint.serve.checking import Pick, ServerSetup, check_upload, safe_name, sample_text, too_large
from formlint.serve.page import render_page

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
STATIC_TYPES = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}


def security_headers() -> dict[str, str]:
    from formlint.serve.page import page_csp

    return {"Content-Security-Policy": page_csp(), "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    return resources.files("formlint.serve").joinpath("static", name).read_text("utf-8")


def chosen_lang(request: Request, setup: ServerSetup) -> str:
    wanted = request.query_params.get("lang", setup.lang)
    return wanted if wanted in LANGUAGES else setup.lang


async def read_limited(request: Request, limit: int) -> tuple[bytes | None, int]:
    """The body, or None when it is over `limit` bytes; the rest is read and dropped
    so that the browser gets the answer instead of a broken connection."""
    kept: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= limit:
            kept.append(chunk)
    return (b"".join(kept) if size <= limit else None), size


def create_app(setup: ServerSetup, open_url: str | None = None, loopback_only: bool = True) -> Starlette:
    headers = security_headers()

    async def page(request: Request) -> Response:
        return HTMLResponse(render_page(setup, chosen_lang(request, setup)), headers=headers)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC_TYPES:
            return PlainTextResponse("not found", status_code=404, headers=headers)
        return Response(static_text(name), media_type=STATIC_TYPES[name], headers=headers)

    async def sample(request: Request) -> Response:
        text = sample_text(request.path_params["name"])
        if text is None:
            return PlainTextResponse("not found", status_code=404, headers=headers)
        return PlainTextResponse(text, headers=headers)

    async def check(request: Request) -> Response:
        params = request.query_params
        name = safe_name(params.get("name", ""))
        raw, size = await read_limited(request, setup.max_size)
        if raw is None:
            return JSONResponse({"ok": False, "error": too_large(name, size, setup.max_size, chosen_lang(request, setup))},
                                headers=headers)
        pick = Pick(name, params.get("policy", setup.default_policy), params.get("purpose", ""),
                        chosen_lang(request, setup))
        result = await run_in_threadpool(check_upload, raw, pick, setup)
        return JSONResponse(result, headers=headers)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if open_url:
            threading.Thread(target=webbrowser.open, args=(open_url,), daemon=True).start()
        yield

    routes = [Route("/", page), Route("/static/{name}", static), Route("/samples/{name}", sample),
              Route("/check", check, methods=["POST"])]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS)] if loopback_only else []
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
