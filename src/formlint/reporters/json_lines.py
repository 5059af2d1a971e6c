"""One JSON object per line per finding (the `findings` items of the JSON format),
for log pipelines and `jq -c`."""

from __future__ import annotations

import json

from typing import TextIO

from formlint.escape import json_text
from formlint.model import Report
from formlint.reporters import RenderOptions, rendered
from formlint.reporters.json_report import finding_dict

NAME = "json-lines"
DESCRIPTION = "one JSON finding per line (the JSON format's `findings` items)"


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    for result in report.results:
        for item in result.findings:
            out.write(json_text(json.dumps(finding_dict(item, options.lang), ensure_ascii=False)) + "\n")


def render(report: Report, options: RenderOptions) -> str:
    return rendered(write, report, options)
