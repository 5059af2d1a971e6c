"""`extends` graphs stay cheap and bounded: each policy file is read once however
many paths lead to it, and a chain too deep is one clear error, not a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

import formlint.policy as policy_module
from formlint.errors import PolicyError
from formlint.policy import MAX_EXTENDS_DEPTH, load_policy


def write_policy(folder: Path, name: str, bases: list[str], purposes: str = "") -> Path:
    path = folder / f"{name}.yaml"
    extends = f"extends: [{', '.join(f'{b}.yaml' for b in bases)}]\n" if bases else ""
    path.write_text(f'id: {name}\ntitle: {name}\nsource: "test"\n{extends}{purposes}', "utf-8")
    return path


def diamond(folder: Path, levels: int) -> Path:
    """top extends [l0b, l0c]; l(k)b and l(k)c both extend l(k+1)a; l(k)a extends [l(k)b, l(k)c]."""
    write_policy(folder, f"l{levels}a", [], "purposes:\n  signup:\n    title: Sign-up\n    source: \"x\"\n"
                                           "    necessary: [identity.name]\n")
    for level in reversed(range(levels)):
        write_policy(folder, f"l{level}b", [f"l{level + 1}a"])
        write_policy(folder, f"l{level}c", [f"l{level + 1}a"])
        write_policy(folder, f"l{level}a", [f"l{level}b", f"l{level}c"])
    return folder / "l0a.yaml"


def test_a_diamond_of_bases_reads_each_policy_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    levels = (MAX_EXTENDS_DEPTH - 2) // 2
    top = diamond(tmp_path, levels)
    reads: list[str] = []
    original = policy_module._policy_document

    def counted(path: str, text: str):  # type: ignore[no-untyped-def]
        reads.append(path)
        return original(path, text)

    monkeypatch.setattr(policy_module, "_policy_document", counted)
    policy = load_policy(str(top))
    assert len(reads) == len(set(reads)) == 3 * levels + 1
    assert list(policy.purposes) == ["signup"] and "identity.name" in policy.purposes["signup"].necessary
    assert len(policy.bases) == 3 * levels


def test_a_deep_diamond_is_a_depth_error_not_a_hang(tmp_path: Path) -> None:
    top = diamond(tmp_path, 22)
    with pytest.raises(PolicyError, match=f"extends chain deeper than {MAX_EXTENDS_DEPTH} policies"):
        load_policy(str(top))


def test_a_1200_long_chain_is_one_error_line(tmp_path: Path) -> None:
    from conftest import run_formlint

    write_policy(tmp_path, "p1200", [])
    for n in reversed(range(1200)):
        write_policy(tmp_path, f"p{n}", [f"p{n + 1}"])
    result = run_formlint("policies", "validate", str(tmp_path / "p0.yaml"))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert f"error: extends chain deeper than {MAX_EXTENDS_DEPTH} policies" in line and "p0.yaml" in line


def test_a_base_reached_twice_is_applied_once_before_both_heirs(tmp_path: Path) -> None:
    """top extends [left, right], both extend root: right's edit of root's purpose
    survives, because root is not applied again after left."""
    write_policy(tmp_path, "root", [], "purposes:\n  signup:\n    title: Sign-up\n    source: \"x\"\n"
                                       "    necessary: [identity.name, contact.phone]\n")
    write_policy(tmp_path, "left", ["root"])
    write_policy(tmp_path, "right", ["root"], "purposes:\n  signup:\n    necessary: {remove: [contact.phone]}\n")
    write_policy(tmp_path, "top", ["right", "left"])
    policy = load_policy(str(tmp_path / "top.yaml"))
    assert "contact.phone" not in policy.purposes["signup"].necessary


def test_a_cycle_is_still_reported_with_its_chain(tmp_path: Path) -> None:
    write_policy(tmp_path, "a", ["b"])
    write_policy(tmp_path, "b", ["a"])
    with pytest.raises(PolicyError, match="extends cycle"):
        load_policy(str(tmp_path / "a.yaml"))
