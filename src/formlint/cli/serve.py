"""`formlint serve`: a local web page to check a form, for people without a terminal.

The web stack (Starlette, uvicorn) is the `serve` extra and is imported only here,
when the command runs, so `formlint --help` and `check` stay light.
"""

from __future__ import annotations

import ipaddress
from typing import Optional

import click

from formlint.cli.common import LANG_HELP, print_progress, print_warning, resolve_lang
from formlint.errors import UsageError
from formlint.message import msg

def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but a loopback address lets other computers use the page "
              "(a warning says so).")
@click.option("--policy", "-p", "policy", multiple=True, metavar="POLICY",
              help="Policy offered first on the page (name or file; repeat to combine). The built-in policies "
              "are offered too.")
@click.option("--lang", metavar="LANG", help=LANG_HELP)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse uploads larger than this many bytes.")
def serve(port: int, host: str, policy: tuple[str, ...], lang: Optional[str], no_browser: bool,
          max_file_size: int) -> None:
    """Start a local web page to check a form: upload, drop or paste it, read the report, download it."""
    try:
        import uvicorn

        from formlint.serve.app import create_app
    except ImportError:
        raise UsageError(msg("usage.serve_extra")) from None
    from formlint.serve.checking import server_setup

    setup = server_setup(policy, resolve_lang(lang), max_file_size)
    loopback = is_loopback(host)
    if not loopback:
        print_warning(msg("warning.not_loopback", host=host, port=port))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print_progress(msg("cli.serving", url=url))
    app = create_app(setup, open_url=None if no_browser else url, loopback_only=loopback)
    uvicorn.run(app, host=host, port=port, log_level="warning")
