"""Language headers (`English (en)`, `中文`, `Spanish`) -> language codes for labels."""

from __future__ import annotations

import re
from functools import lru_cache

# ODK's convention: `English (en)`; the code in brackets wins over the name.
_WITH_CODE = re.compile(r"\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*\)\s*$")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from formlint.bundle import data_file
    from formlint.languages import header_names

    own = {str(k).casefold(): str(v) for k, v in data_file("formats/languages.yaml").items()}
    return {**header_names(), **own}


def language_code(header: str) -> str:
    """`English (en)` -> en, `English` -> en, `中文` -> zh; an unknown name stays as written."""
    header = header.strip()
    match = _WITH_CODE.search(header)
    if match:
        return match.group(1).lower()
    return _names().get(header.casefold(), header)


def guess_language(text: str) -> str:
    """For labels in no named language: the one their script and words say
    (`formlint.languages.detect`), zh for Chinese characters that say no more, else en."""
    from formlint.languages.detect import detect_language

    found = detect_language([text])
    if found is not None:
        return found
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
