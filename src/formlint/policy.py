"""Policies: load, validate against the shipped schema, resolve category patterns.

`--policy NAME` names a built-in policy (package data, also in policies/ at the
top of the repository); anything with a path separator or a .yaml/.yml suffix is a
file.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from formlint.errors import PolicyError
from formlint.model import Policy, Purpose
from formlint.schemas import validate
from formlint.source import Document, load_yaml, read_text
from formlint.taxonomy import Taxonomy, load_taxonomy

DEFAULT_POLICY = "epidemic-registration"


def builtin_names() -> list[str]:
    folder = resources.files("formlint").joinpath("policies")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _builtin_text(name: str) -> str:
    return resources.files("formlint").joinpath("policies", f"{name}.yaml").read_text("utf-8")


def is_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


def load_policy(ref: str | None = None) -> Policy:
    """Load a built-in policy by name or a policy file by path."""
    ref = ref or DEFAULT_POLICY
    if is_path(ref):
        return parse_policy(read_text(ref, error=PolicyError), ref)
    if ref not in builtin_names():
        raise PolicyError(ref, _unknown_policy(ref))
    return parse_policy(_builtin_text(ref), f"<builtin>/{ref}.yaml")


def _unknown_policy(ref: str) -> str:
    import difflib

    names = builtin_names()
    close = difflib.get_close_matches(ref, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"no built-in policy named {ref!r}{hint}; built-in: {', '.join(names)}; or give a file path"


def parse_policy(text: str, path: str) -> Policy:
    doc = load_yaml(text, path, PolicyError)
    if not isinstance(doc.data, dict):
        raise PolicyError(path, "a policy must be a mapping with `id`, `title`, `source` and `purposes`")
    validate(doc, "policy", PolicyError)
    taxonomy = load_taxonomy()
    data: dict[str, Any] = doc.data
    purposes = {pid: _purpose(doc, taxonomy, pid, spec) for pid, spec in data["purposes"].items()}
    default = data.get("default_purpose")
    if default is not None and default not in purposes:
        where = doc.location("/default_purpose")
        raise PolicyError(path, f"default_purpose {default!r} is not one of the policy's purposes",
                          where.line, where.column)
    return Policy(
        id=data["id"],
        title=data["title"],
        path=path,
        source=_sources(data["source"]),
        purposes=purposes,
        regimes=tuple(data.get("regimes", ())),
        required_notice=tuple(data.get("notice", {}).get("require", ("retention", "purpose", "controller"))),
        severity=_severities(doc, taxonomy, data.get("severity", {}), "/severity"),
        default_purpose=default,
    )


def _sources(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _purpose(doc: Document, taxonomy: Taxonomy, pid: str, spec: Mapping[str, Any]) -> Purpose:
    at = f"/purposes/{pid}"
    retention = spec.get("retention", {})
    return Purpose(
        id=pid,
        title=spec.get("title", pid),
        description=spec.get("description", ""),
        source=_sources(spec.get("source")),
        necessary=_expand(doc, taxonomy, spec.get("necessary", []), f"{at}/necessary"),
        optional=_expand(doc, taxonomy, spec.get("optional", []), f"{at}/optional"),
        alternatives=tuple(_expand(doc, taxonomy, group, f"{at}/alternatives/{i}")
                           for i, group in enumerate(spec.get("alternatives", []))),
        max_days=retention.get("max_days"),
        retention_source=_sources(retention.get("source")),
        severity=_severities(doc, taxonomy, spec.get("severity", {}), f"{at}/severity"),
    )


def _expand(doc: Document, taxonomy: Taxonomy, patterns: Iterable[str], pointer: str) -> frozenset[str]:
    ids: set[str] = set()
    for index, pattern in enumerate(patterns):
        ids.update(_resolve(doc, taxonomy, pattern, f"{pointer}/{index}"))
    return frozenset(ids)


def _resolve(doc: Document, taxonomy: Taxonomy, pattern: str, pointer: str) -> tuple[str, ...]:
    try:
        return taxonomy.expand(pattern)
    except KeyError:
        where = doc.location(pointer)
        close = taxonomy.suggest(pattern)
        hint = f" (did you mean {close!r}?)" if close else ""
        raise PolicyError(doc.path, f"unknown category {pattern!r}{hint}; `formlint categories` lists them",
                          where.line, where.column) from None


def _severities(doc: Document, taxonomy: Taxonomy, spec: Mapping[str, str], pointer: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for pattern, level in spec.items():
        for cid in _resolve(doc, taxonomy, pattern, f"{pointer}/{pattern}"):
            result[cid] = level
    return result
