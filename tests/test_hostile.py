"""Hostile input: every reader turns a broken file into one located error line.

Each fixture form (and sample form, policy, config and baseline) is broken in many
deterministic ways (tests/mutations.py); every variant must either load and check,
or raise a FormlintError whose text is one `path:line:col: error: ...` line. Any
other exception is a bug in the reader that let the input through.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Callable

import pytest

from conftest import FIXTURES, SAMPLES, run_formlint
from mutations import mutants
from formlint.baseline import load_baseline
from formlint.settings import registries
from formlint.config import load_config
from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.errors import FormlintError
from formlint.formats import load_form
from formlint.policy import load_policy, parse_policy
from formlint.taxonomy import load_taxonomy

FORM_SUFFIXES = {".yaml", ".json", ".xml", ".csv", ".md", ".xlsx", ".erb", ".php"}
FORMS = sorted(
    p for p in [*FIXTURES.rglob("*"), *SAMPLES.glob("*")]
    if p.suffix in FORM_SUFFIXES and p.name != "policy.yaml" and "expected" not in p.parent.name
    and p.name != "cases.yaml"
)
POLICIES = sorted(FIXTURES.glob("policies/**/policy.yaml")) + sorted(FIXTURES.glob("policies/*.yaml"))
MUTANTS_PER_FORM = 16
# Thousands of variants: `pytest -m "not slow"` leaves the sweep out of the edit-test loop; CI runs it.
pytestmark = pytest.mark.slow
ONE_LINE = r"{path}:[1-9][0-9]*:[1-9][0-9]*: error: [^\n]+"


def _seed(path: Path) -> int:
    return zlib.crc32(path.name.encode("utf-8"))


def _error_line(path: str, read: Callable[[], object]) -> str | None:
    """None when `read` succeeds; the error's line when it raises FormlintError."""
    try:
        read()
    except FormlintError as exc:
        assert re.fullmatch(ONE_LINE.format(path=re.escape(path)), str(exc)), str(exc)
        return str(exc)
    return None


@pytest.fixture(scope="module")
def options() -> FileSettings:
    # --purpose set, so forms without one still reach the rules.
    return FileSettings(policy=load_policy(None), purpose="return-to-community")


@pytest.mark.parametrize("seed", FORMS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_broken_form_loads_or_gives_one_error_line(seed: Path, tmp_path: Path, options: FileSettings) -> None:
    taxonomy = load_taxonomy()
    path = str(tmp_path / seed.name)
    errors = 0
    for index, raw in enumerate(mutants(seed.name, seed.read_bytes(), MUTANTS_PER_FORM, _seed(seed))):
        try:
            line = _error_line(path, lambda: check_form(load_form(path, raw=raw), options, taxonomy))
        except Exception as exc:  # noqa: BLE001 -- the failure names the mutant to reproduce
            raise AssertionError(f"mutant {index} of {seed.name}: {type(exc).__name__}: {exc}") from exc
        errors += line is not None
    assert errors > 0, "no mutant was refused: the mutations do not reach this reader"


def test_cli_reports_each_broken_file_on_one_line(tmp_path: Path) -> None:
    """A sample of the mutants through the real command: exit 2, one line per bad file."""
    written = []
    for seed in FORMS[::6]:
        for index, raw in enumerate(mutants(seed.name, seed.read_bytes(), 3, _seed(seed))):
            target = tmp_path / f"{index}-{seed.name}"
            target.write_bytes(raw)
            written.append(target)
    result = run_formlint("check", "--purpose", "return-to-community", *(p.name for p in written), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors and all(re.fullmatch(ONE_LINE.format(path=r"[^:]+"), line) for line in errors), errors
    assert {line.split(":")[0] for line in errors} <= {p.name for p in written}


@pytest.mark.parametrize("seed", POLICIES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_broken_policy_loads_or_gives_one_error_line(seed: Path, tmp_path: Path) -> None:
    path = str(tmp_path / "policy.yaml")
    outcomes = [_error_line(path, lambda: parse_policy(raw.decode("utf-8", "replace"), path))
                for raw in mutants(seed.name, seed.read_bytes(), 40, _seed(seed))]
    assert any(outcomes)


CONFIGS = {
    ".formlint.yaml": b"policy: epidemic-registration\npurpose: return-to-community\nignore: [DM1]\n"
                      b"per-file-ignores:\n  'legacy/*.yaml': [DM]\npolicy-map:\n  '*/x.yaml': {purpose: a}\n"
                      b"output-format: [text, sarif:out.sarif]\nexclude: [build]\nlang: zh\nfail-on: warning\n",
    "formlint.toml": b'policy = "epidemic-registration"\nselect = ["DM", "RT201"]\n[per-file-ignores]\n'
                     b'"legacy/*.yaml" = ["DM"]\n[policy-map]\n"*/*.yaml" = {policy = "pipl"}\n',
    "pyproject.toml": b'[project]\nname = "x"\n[tool.formlint]\npolicy = "pipl"\nextend-exclude = ["a"]\n'
                      b'[tool.formlint.policy-map."b/*.yaml"]\npurpose = "p"\n',
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_broken_config_loads_or_gives_one_error_line(name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    outcomes = []
    for raw in mutants(name, CONFIGS[name], 100, _seed(Path(name))):
        target.write_bytes(raw)
        outcomes.append(_error_line(str(target), lambda: load_config(target, registries())))
    assert any(outcomes) and not all(outcomes)


def test_broken_baseline_loads_or_gives_one_error_line(tmp_path: Path) -> None:
    baseline = {"version": 1, "findings": [{"code": "DM101", "path": "a.yaml", "field": "x", "count": 2},
                                           {"code": "RT201", "path": "b.yaml", "count": 1}]}
    target = tmp_path / "baseline.json"
    outcomes = []
    for raw in mutants("baseline.json", json.dumps(baseline).encode(), 200, 7):
        target.write_bytes(raw)
        outcomes.append(_error_line(str(target), lambda: load_baseline(str(target))))
    assert any(outcomes) and not all(outcomes)
