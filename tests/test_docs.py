"""README tables and the top-level policies/ folder stay in step with the code."""

from __future__ import annotations

from conftest import ROOT

from formlint.docs import refresh
from formlint.policy import builtin_names


def test_readme_tables_are_generated_from_the_registries() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert refresh(readme) == readme, "run `python -m formlint.docs README.md`"


def test_top_level_policies_are_the_packaged_ones() -> None:
    top = sorted(p.stem for p in (ROOT / "policies").glob("*.yaml"))
    assert top == builtin_names() and "epidemic-registration" in top


def test_readme_documents_every_builtin_policy_and_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert all(f"`{name}`" in readme for name in builtin_names())
    for command in ("formlint check", "formlint classify", "formlint categories", "formlint rule", "formlint schema",
                    "formlint policies list", "formlint policies show", "formlint policies validate",
                    "formlint purposes", "formlint init"):
        assert command in readme


def test_every_data_file_in_the_package_is_installed_as_package_data() -> None:
    import fnmatch
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["formlint"]
    package = ROOT / "src" / "formlint"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert data and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in data), data
