"""One JSON object per line per finding (the `findings` items of the JSON format),
for log pipelines and `jq -c`."""

from __future__ import annotations

import json

from formlint.escape import json_text
from formlint.model import Report
from formlint.reporters import RenderOptions
from formlint.reporters.json_report import finding_dict

NAME = "json-lines"
DESCRIPTION = "one JSON finding per line (the JSON format's `findings` items)"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(json_text(json.dumps(finding_dict(f, options.lang), ensure_ascii=False)) + "\n"
                   for f in report.findings)
