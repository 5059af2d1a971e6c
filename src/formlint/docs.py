"""README tables generated from the same sources the CLI uses.

`python -m formlint.docs README.md` rewrites the blocks between
`<!-- NAME:start -->` and `<!-- NAME:end -->` markers; tests assert the README is
current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def rules_markdown() -> str:
    from formlint.rules import RULES, rule_summary

    rows = ["| code | name | severity | catches |", "|---|---|---|---|"]
    rows += [f"| {code} | {r.name} | {r.severity.value} | {rule_summary(code)} |" for code, r in RULES.items()]
    return "\n".join(rows)


def categories_markdown() -> str:
    from formlint.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    rows = ["| id | name | 名称 | sensitive under |", "|---|---|---|---|"]
    for cid in taxonomy.ids():
        c = taxonomy.get(cid)
        rows.append(f"| `{cid}` | {c.name.get('en', '')} | {c.name.get('zh', '')} | {', '.join(sorted(c.sensitive))} |")
    return "\n".join(rows)


BLOCKS = {"rules": rules_markdown, "categories": categories_markdown}


def refresh(text: str) -> str:
    for name, make in BLOCKS.items():
        # The block may be empty (start and end markers on adjacent lines).
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        text = pattern.sub(lambda m: m.group(1) + make() + "\n" + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    path.write_text(refresh(path.read_text("utf-8")), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
