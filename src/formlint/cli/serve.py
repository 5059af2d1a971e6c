"""`formlint serve`: a local web page to check a form, for people without a terminal.

The web stack (Starlette, uvicorn) is the `serve` extra and is imported only here,
when the command runs, so `formlint --help` and `check` stay light.
"""

from __future__ import annotations

import ipaddress
from typing import List, Optional

import typer

from formlint.cli.common import LANG_HELP, print_error, print_warning, resolve_lang
from formlint.errors import UsageError

EXTRA_HINT = "formlint serve needs the web extra: pip install 'formlint[serve]'"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    port: int = typer.Option(8765, "--port", help="Port to listen on.", min=1, max=65535),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Anything but a loopback "
                             "address lets other computers use the page (a warning says so)."),
    policy: Optional[List[str]] = typer.Option(None, "--policy", "-p", help="Policy offered first on the page "
                                               "(name or file; repeat to combine). The built-in policies are offered too."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open the page in a browser."),
    max_file_size: int = typer.Option(10 * 1024 * 1024, "--max-file-size", help="Refuse uploads larger than this many bytes.", min=1),
) -> None:
    """Start a local web page to check a form: upload, drop or paste it, read the report, download it."""
    try:
        import uvicorn

        from formlint.serve.app import create_app
    except ImportError:
        raise UsageError(EXTRA_HINT) from None
    from formlint.serve.checking import load_settings

    settings = load_settings(tuple(policy or ()), resolve_lang(lang), max_file_size)
    loopback = is_loopback(host)
    if not loopback:
        print_warning(f"--host {host} is not a loopback address: anyone who can reach this computer "
                      f"on port {port} can use the page")
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print_error(f"formlint: serving {url} (press Ctrl+C to stop)")
    app = create_app(settings, open_url=None if no_browser else url, loopback_only=loopback)
    uvicorn.run(app, host=host, port=port, log_level="warning")
