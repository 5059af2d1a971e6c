"""What a folder walk reads: git's ignore rules, forms told from other JSON/YAML,
and files named on the command line (always read, unless --skip-unknown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES, cli_runner, run_formlint
from formlint.discovery import Walk, discover_named

FORM = (SAMPLES / "venue-check-in-minimal.yaml").read_text("utf-8")
SCHEMA = json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                     "properties": {"name": {"type": "string"}, "port": {"type": "integer"}}})


def walked(root: Path, walk: Walk | None = None) -> list[str]:
    return sorted(Path(path).relative_to(root).as_posix() for path, _ in discover_named([str(root)], walk=walk))


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def test_a_walk_honours_nested_gitignores_negation_and_info_exclude(tmp_path: Path) -> None:
    root = tree(tmp_path, {
        ".git/info/exclude": "local/\n",
        ".gitignore": "generated/\n*.draft.yaml\n",
        "forms/a.yaml": FORM, "forms/b.draft.yaml": FORM, "generated/c.yaml": FORM, "local/d.yaml": FORM,
        "forms/old/.gitignore": "*\n!keep.yaml\n", "forms/old/keep.yaml": FORM, "forms/old/drop.yaml": FORM,
    })
    assert walked(root) == ["forms/a.yaml", "forms/old/keep.yaml"]
    assert walked(root, Walk(gitignore=False)) == [
        "forms/a.yaml", "forms/b.draft.yaml", "forms/old/drop.yaml", "forms/old/keep.yaml", "generated/c.yaml",
        "local/d.yaml"]
    # Walking a subfolder still applies the rules above it.
    assert walked(root / "forms") == ["a.yaml", "old/keep.yaml"]


def test_no_ignore_walks_what_git_ignores(tmp_path: Path) -> None:
    root = tree(tmp_path, {".git/HEAD": "", ".gitignore": "skipped/\n", "skipped/form.yaml": FORM})
    assert "no forms found" in run_formlint("check", ".", cwd=root).stderr
    assert "Checked 1 form(s)" in run_formlint("check", "--no-ignore", ".", cwd=root).stdout


def test_a_walk_reads_json_schemas_only_when_they_say_they_are_forms(tmp_path: Path) -> None:
    marked = json.loads(SCHEMA) | {"x-formlint": {"purpose": "venue-check-in"}}
    root = tree(tmp_path, {"api/schema.json": SCHEMA, "forms/signup.json": json.dumps(marked),
                           "forms/rjsf.json": json.dumps(json.loads(SCHEMA) | {"uiSchema": {}})})
    result = run_formlint("check", "--output-format", "json", ".", cwd=root)
    assert result.stderr == ""  # rjsf.json names no purpose: read as a form and checked all the same
    assert [f["path"] for f in json.loads(result.stdout)["forms"]] == ["forms/rjsf.json", "forms/signup.json"]
    named = run_formlint("check", "api/schema.json", cwd=root)
    assert named.returncode in (0, 1) and "api/schema.json:1:1: DM100 [info] The form names no purpose" in named.stdout


def test_a_configured_forms_glob_claims_files_a_walk_would_skip(tmp_path: Path) -> None:
    root = tree(tmp_path, {"schemas/signup.json": SCHEMA, ".formlint.yaml": "forms: [schemas/*.json]\n"})
    result = run_formlint("check", ".", cwd=root)
    assert result.returncode == 1 and "schemas/signup.json:1:1: DM100 [info] The form names no purpose" in result.stdout


def test_checking_this_repository_does_not_read_its_schemas_as_forms() -> None:
    result = run_formlint("check", "--output-format", "json", ".", cwd=ROOT)
    assert "src/formlint/schemas/" not in result.stderr
    assert not [f for f in json.loads(result.stdout)["forms"] if f["path"].startswith("src/formlint/schemas/")]


def test_skip_unknown_reads_only_the_named_files_that_are_forms(tmp_path: Path) -> None:
    root = tree(tmp_path, {"README.md": "# Site\n", "package.json": '{"name": "site"}', "data.csv": "a,b\n1,2\n",
                           "schema.json": SCHEMA, "form.yaml": FORM, ".gitignore": "ignored.yaml\n",
                           ".git/HEAD": "", "ignored.yaml": FORM})
    names = ["README.md", "package.json", "data.csv", "schema.json", "form.yaml", "ignored.yaml"]
    result = run_formlint("check", "--skip-unknown", *names, cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    assert "Checked 1 form(s)" in result.stdout
    assert run_formlint("check", *names, cwd=root).returncode == 2  # named without it, each must be a form


@pytest.mark.parametrize("pattern, path, matches", [
    ("build", "x/build/form.yaml", True),
    ("forms/*.yaml", "forms/a.yaml", True),
    ("forms/*.yaml", "forms/sub/a.yaml", False),
    ("forms/**/*.yaml", "forms/sub/a.yaml", True),
    ("legacy/", "legacy", True),
    ("/top.yaml", "sub/top.yaml", False),
])
def test_configuration_globs_follow_gitignore_rules(pattern: str, path: str, matches: bool) -> None:
    from formlint.config import _glob

    assert _glob(path, pattern) is matches


def test_in_process_check_takes_no_ignore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from formlint.cli import app

    root = tree(tmp_path, {".git/HEAD": "", ".gitignore": "*.yaml\n", "form.yaml": FORM})
    monkeypatch.chdir(root)
    result = cli_runner().invoke(app, ["check", "--no-ignore", "--output-format", "json", "."])
    assert json.loads(result.stdout)["summary"]["forms"] == 1


def git_environment(monkeypatch: pytest.MonkeyPatch, home: Path, xdg: Path | None = None) -> None:
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))


def test_a_walk_honours_the_default_global_excludes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tree(tmp_path / "home", {".config/git/ignore": "scratch/\n"})
    git_environment(monkeypatch, home)
    root = tree(tmp_path / "repo", {".git/HEAD": "", "forms/a.yaml": FORM, "scratch/b.yaml": FORM})
    assert walked(root) == ["forms/a.yaml"]
    git_environment(monkeypatch, home, xdg=tmp_path / "elsewhere")  # XDG_CONFIG_HOME moves the default
    assert walked(root) == ["forms/a.yaml", "scratch/b.yaml"]


@pytest.mark.parametrize("config_name, line", [
    (".gitconfig", "[core]\n\texcludesFile = ~/my ignores # comment\n"),
    (".gitconfig", '[Core]\n  excludesfile = "~/my ignores" ; quoted\n'),
    (".config/git/config", "[user]\n\tname = x\n[core]\n\tEXCLUDESFILE = ~/my\\\n ignores\n"),
])
def test_a_walk_honours_core_excludes_file_from_the_user_configuration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config_name: str, line: str) -> None:
    home = tree(tmp_path / "home", {config_name: line, "my ignores": "*.draft.yaml\n",
                                    ".config/git/ignore": "forms/\n"})  # not read: the setting wins
    git_environment(monkeypatch, home)
    root = tree(tmp_path / "repo", {".git/HEAD": "", "forms/a.yaml": FORM, "forms/b.draft.yaml": FORM})
    assert walked(root) == ["forms/a.yaml"]


def test_repository_configuration_and_gitignore_take_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tree(tmp_path / "home", {".gitconfig": "[core]\nexcludesFile = ~/global\n", "global": "*.yaml\n",
                                    "local": "b.yaml\n"})
    git_environment(monkeypatch, home)
    root = tree(tmp_path / "repo", {".git/config": f"[core]\n\texcludesFile = {home / 'local'}\n",
                                    "a.yaml": FORM, "b.yaml": FORM, "c.yaml": FORM, ".gitignore": "!c.yaml\n"})
    assert walked(root) == ["a.yaml", "c.yaml"]


def test_a_linked_worktree_reads_the_main_repository_s_exclude_and_config(tmp_path: Path) -> None:
    main = tree(tmp_path / "main", {".git/info/exclude": "local/\n", ".git/worktrees/wt/commondir": "../..\n",
                                    ".git/config": "[core]\n\texcludesFile = ignores\n"})
    worktree = tree(tmp_path / "wt", {".git": f"gitdir: {main / '.git/worktrees/wt'}\n", "ignores": "*.tmp.yaml\n",
                                      "local/a.yaml": FORM, "b.yaml": FORM, "c.tmp.yaml": FORM})
    assert walked(worktree) == ["b.yaml"]


def test_check_and_classify_walk_the_same_files(tmp_path: Path) -> None:
    root = tree(tmp_path, {".git/HEAD": "", ".gitignore": "ignored/\n", ".formlint.yaml": "exclude: [old]\n"
                           "forms: [schemas/*.json]\n", "ignored/a.yaml": FORM, "old/b.yaml": FORM,
                           "forms/c.yaml": FORM, "schemas/d.json": SCHEMA, "api/e.json": SCHEMA})
    check = json.loads(run_formlint("check", "--output-format", "json", ".", cwd=root).stdout)
    classify = json.loads(run_formlint("classify", "--output-format", "json", ".", cwd=root).stdout)
    assert sorted(f["path"] for f in check["forms"]) == ["forms/c.yaml", "schemas/d.json"]
    assert sorted(f["path"] for f in classify["forms"]) == ["forms/c.yaml", "schemas/d.json"]
    unignored = json.loads(run_formlint("classify", "--no-ignore", "--output-format", "json", ".", cwd=root).stdout)
    assert sorted(f["path"] for f in unignored["forms"]) == ["forms/c.yaml", "ignored/a.yaml", "schemas/d.json"]


def test_fix_and_inventory_walk_as_check_does(tmp_path: Path) -> None:
    root = tree(tmp_path, {".git/HEAD": "", ".gitignore": "ignored/\n", "api/schema.json": SCHEMA,
                           "ignored/a.yaml": FORM, "forms/c.yaml": FORM})
    fixed = run_formlint("fix", "--output", "out", ".", cwd=root)
    assert "api/schema.json" not in fixed.stdout + fixed.stderr and "ignored/" not in fixed.stdout + fixed.stderr
    assert "forms/c.yaml" in fixed.stdout
    unignored = run_formlint("fix", "--no-ignore", "--output", "out2", ".", cwd=root)
    assert "ignored/a.yaml" in unignored.stdout
    listed = json.loads(run_formlint("inventory", "--output-format", "json", ".", cwd=root).stdout)
    assert [form["path"] for form in listed["forms"]] == ["forms/c.yaml"]
    listed = json.loads(run_formlint("inventory", "--no-ignore", "--output-format", "json", ".", cwd=root).stdout)
    assert [form["path"] for form in listed["forms"]] == ["forms/c.yaml", "ignored/a.yaml"]


def test_a_walk_says_how_many_files_it_skipped_as_not_forms(tmp_path: Path) -> None:
    (tmp_path / "form.yaml").write_text("title: T\nfields:\n  - {key: name, label: Name}\n", encoding="utf-8")
    (tmp_path / "api.schema.json").write_text('{"type": "object", "properties": {"id": {"type": "integer"}}}',
                                              encoding="utf-8")
    (tmp_path / "settings.yaml").write_text("debug: true\n", encoding="utf-8")
    text = run_formlint("check", "--isolated", "--output-format", "full", ".", cwd=tmp_path)
    assert "2 file(s) met in the walk do not look like forms and were skipped" in text.stdout, text
    data = run_formlint("check", "--isolated", "--output-format", "json", ".", cwd=tmp_path)
    summary = json.loads(data.stdout)["summary"]
    assert (summary["forms"], summary["skipped"], summary["errors"]) == (1, 2, 0)
    named = run_formlint("check", "--isolated", "--output-format", "json", "form.yaml", cwd=tmp_path)
    assert json.loads(named.stdout)["summary"]["skipped"] == 0
    zh = run_formlint("check", "--isolated", "--lang", "zh", ".", cwd=tmp_path)
    assert "2 个文件看起来不是表单" in zh.stdout, zh
