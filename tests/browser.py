"""Headless Chromium for the browser tests: the distribution's `chromium` driven by
Playwright (never a browser Playwright downloads). Without one the tests skip with
the reason, except in CI (CI=true), where a missing browser is a failure."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import ROOT

ARTEFACTS = ROOT / "test-artefacts"
DOCS_IMAGES = ROOT / "docs" / "img"
LAUNCH_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    named = os.environ.get("FORMLINT_CHROMIUM")
    if named:
        return named
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        unavailable("no chromium found (apt-get install chromium, or set FORMLINT_CHROMIUM)")
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh temporary profile (--user-data-dir).
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_FLAGS)
        yield launched
        launched.close()


class Watched:
    """A page with every console error, uncaught exception, dialog and request kept."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, **context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.context.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


def screenshot(page: Any, name: str, **options: Any) -> Path:
    """Saved under test-artefacts/; with FORMLINT_UPDATE_SCREENSHOTS=1 also under
    docs/img/ for the documentation."""
    ARTEFACTS.mkdir(exist_ok=True)
    target = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(target), **options)
    if os.environ.get("FORMLINT_UPDATE_SCREENSHOTS"):
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, DOCS_IMAGES / f"{name}.png")
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`formlint serve` as a user starts it, on a free port; its output is kept in
    test-artefacts/serve.log."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    ARTEFACTS.mkdir(exist_ok=True)
    with open(ARTEFACTS / "serve.log", "w", encoding="utf-8") as log:
        process = subprocess.Popen([sys.executable, "-m", "formlint", "serve", "--port", str(port), "--no-browser"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=20)


def wait_for_port(port: int, process: subprocess.Popen[str], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"formlint serve exited; see {ARTEFACTS / 'serve.log'}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"formlint serve did not listen on port {port} within {seconds} s")
