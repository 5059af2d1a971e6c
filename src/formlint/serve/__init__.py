"""`formlint serve`: a local web page to check one form without a terminal.

`checking` does the work with no web framework in sight; `app` is the thin
Starlette layer (the `serve` extra). Uploads stay in memory and are never stored.
"""
