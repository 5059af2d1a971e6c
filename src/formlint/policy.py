"""Policies: load, validate against the shipped schema, resolve `extends`, merge.

`--policy NAME` names a built-in policy (package data, also in policies/ at the
top of the repository); anything with a path separator or a .yaml/.yml suffix is a
file.

A policy file is read into a *layer*: its own data with every category pattern
already expanded, so errors point at the file and line that wrote them. The layers
of its `extends` chain are merged in order, the file itself last (README, "How
`extends` merges").
"""

from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any, Iterable, Mapping

from formlint.errors import PolicyError
from formlint.model import Policy, PolicyRef, Purpose, RecognitionCues
from formlint.schemas import validate
from formlint.source import Document, load_yaml, read_text
from formlint.taxonomy import GOVERNMENT_ID, Taxonomy, load_taxonomy
from formlint.message import Message, msg

DEFAULT_POLICY = "general"
DEFAULT_NOTICE = ("retention", "purpose", "controller")
BUILTIN_PREFIX = "<builtin>/"
# Purpose keys whose values merge key by key instead of being replaced.
_MAPPING_KEYS = ("severity", "sources", "titles")
_EDITABLE_KEYS = ("necessary", "optional")
_NOTHING: tuple[frozenset[str], frozenset[str], bool] = (frozenset(), frozenset(), True)
# How many policies deep `extends` may go: real ones are two or three deep.
MAX_EXTENDS_DEPTH = 32

Layer = dict[str, Any]


def builtin_names() -> list[str]:
    folder = resources.files("formlint").joinpath("policies")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _builtin_text(name: str) -> str:
    return resources.files("formlint").joinpath("policies", f"{name}.yaml").read_text("utf-8")


def is_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


def load_policy(ref: PolicyRef | None = None) -> Policy:
    """Load a built-in policy by name or a policy file by path, `extends` resolved.
    Several references are combined as if one policy extended them in order."""
    if isinstance(ref, tuple):
        return _combined(ref) if len(ref) > 1 else load_policy(ref[0] if ref else None)
    ref = ref or DEFAULT_POLICY
    if is_path(ref):
        return _resolve(ref, read_text(ref, error=PolicyError))
    if ref not in builtin_names():
        raise PolicyError(ref, _unknown_policy(ref))
    return _resolve(f"{BUILTIN_PREFIX}{ref}.yaml", _builtin_text(ref))


COMBINED = "<command line>"


def _combined(refs: tuple[str, ...]) -> Policy:
    """`--policy pipl --policy epidemic-registration`: a policy that extends each."""
    text = (f"id: command-line\ntitle: {json.dumps(' + '.join(refs), ensure_ascii=False)}\n"
            f"source: \"policies given with --policy\"\nextends: {json.dumps(list(refs), ensure_ascii=False)}\n")
    return _resolve(COMBINED, text)


def parse_policy(text: str, path: str) -> Policy:
    """A policy from text; relative `extends` paths resolve against `path`'s folder."""
    return _resolve(path, text)


def _unknown_policy(ref: str) -> Message:
    import difflib

    names = builtin_names()
    close = difflib.get_close_matches(ref, names, n=1)
    hint = msg("error.did_you_mean", name=close[0]) if close else ""
    return msg("error.unknown_policy", ref=ref, hint=hint, names=", ".join(names))


def _resolve(path: str, text: str) -> Policy:
    taxonomy = load_taxonomy()
    layers = _layers(path, text, taxonomy)
    merged: Layer = {}
    for layer in layers:
        merged = _merge_layers(merged, layer)
    return _build(merged, layers[-1], [layer["path"] for layer in layers[:-1]])


def _layers(path: str, text: str, taxonomy: Taxonomy) -> list[Layer]:
    """The layers of `path`'s whole extends graph, bases first, `path` last.

    Walked depth-first with an explicit stack, and each policy is read once: a
    diamond of bases (B and C both extending P) is P, B, C, not P, B, P, C, which
    would be exponential in the depth and re-apply P over B's edits. Chains deeper
    than MAX_EXTENDS_DEPTH are an error rather than a RecursionError."""
    order: list[Layer] = []
    done: set[str] = set()
    stack: list[tuple[Document, int]] = [(_policy_document(path, text), 0)]
    while stack:
        doc, index = stack[-1]
        bases = _as_list(doc.data.get("extends"))
        if index == len(bases):
            stack.pop()
            done.add(doc.path)
            order.append(_layer(doc, taxonomy))
            continue
        stack[-1] = (doc, index + 1)
        chain = tuple(d.path for d, _ in stack)
        base = _base_path(doc, bases[index], index, chain)
        if base not in done:
            _check_depth(doc, index, chain)
            stack.append((_policy_document(base, _base_text(base)), 0))
    return order


def _policy_document(path: str, text: str) -> Document:
    """A policy file read and checked against the policy schema. The built-in policies
    are package data that the test suite validates; checking them again on every run
    would cost more start-up than reading them (compiling the schema's validator)."""
    doc = load_yaml(text, path, PolicyError)
    if not isinstance(doc.data, dict):
        raise PolicyError(path, msg("error.policy_shape"))
    if not path.startswith(BUILTIN_PREFIX):
        validate(doc, "policy", PolicyError)
    return doc


def _check_depth(doc: Document, index: int, chain: tuple[str, ...]) -> None:
    if len(chain) < MAX_EXTENDS_DEPTH:
        return
    where = doc.location("/extends" if isinstance(doc.data["extends"], str) else f"/extends/{index}")
    shown = " → ".join((*chain[:2], "…", *chain[-2:]))
    raise PolicyError(doc.path, msg("error.extends_depth", limit=MAX_EXTENDS_DEPTH, chain=shown),
                      where.line, where.column)


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _base_path(doc: Document, ref: str, index: int, chain: tuple[str, ...]) -> str:
    """Where a base lives; unknown bases and cycles are errors showing the chain."""
    pointer = "/extends" if isinstance(doc.data["extends"], str) else f"/extends/{index}"
    where = doc.location(pointer)
    if is_path(ref):
        folder = "" if doc.path.startswith(BUILTIN_PREFIX) else os.path.dirname(doc.path)
        base = os.path.normpath(os.path.join(folder, ref))
        found = os.path.isfile(base)
    else:
        base = f"{BUILTIN_PREFIX}{ref}.yaml"
        found = ref in builtin_names()
    shown = " → ".join((*chain, base))
    if base in chain:
        raise PolicyError(doc.path, msg("error.extends_cycle", chain=shown), where.line, where.column)
    if not found:
        kind = msg("error.no_policy_file", path=repr(base)) if is_path(ref) else _unknown_policy(ref)
        raise PolicyError(doc.path, msg("error.extends_unknown", kind=kind, chain=shown),
                          where.line, where.column)
    return base


def _base_text(base: str) -> str:
    if base.startswith(BUILTIN_PREFIX):
        return _builtin_text(base[len(BUILTIN_PREFIX): -len(".yaml")])
    return read_text(base, error=PolicyError)


def _layer(doc: Document, taxonomy: Taxonomy) -> Layer:
    """One file's data with category patterns expanded and sources as tuples."""
    data: dict[str, Any] = doc.data
    layer: Layer = {k: data[k] for k in ("id", "title", "description", "default_purpose") if k in data}
    layer["path"] = doc.path
    layer["source"] = _sources(data["source"])
    layer["source_in"] = _translations(data)
    layer["titles"] = dict(data.get("titles", {}))  # with `title`, which every policy file sets
    layer["regimes"] = list(data.get("regimes", []))
    required = data.get("notice", {}).get("require")
    layer["notice"] = None if required is None else list(required)
    layer["rules"] = _enabled_rules(doc, data.get("rules", {}).get("enable", []))
    layer["severity"] = _severities(doc, taxonomy, data.get("severity", {}), "/severity")
    layer["domains"] = {key: dict(titles) for key, titles in data.get("domains", {}).items()}
    layer["purposes"] = {pid: _purpose_layer(doc, taxonomy, pid, spec)
                         for pid, spec in data.get("purposes", {}).items()}
    if "default_purpose" in data:
        layer["default_at"] = (doc.path, doc.location("/default_purpose"))
    return layer


def _enabled_rules(doc: Document, codes: list[str]) -> list[str]:
    from formlint.rules import FORMERLY_OPT_IN, OPT_IN

    for index, code in enumerate(codes):
        if code not in OPT_IN and code not in FORMERLY_OPT_IN:
            where = doc.location(f"/rules/enable/{index}")
            raise PolicyError(doc.path, msg("error.not_opt_in", code=repr(code), rules=", ".join(OPT_IN)),
                              where.line, where.column)
    return list(codes)


def _purpose_layer(doc: Document, taxonomy: Taxonomy, pid: str, spec: Mapping[str, Any]) -> Layer:
    at = f"/purposes/{pid}"
    layer: Layer = {k: spec[k] for k in ("title", "description", "government_id", "domain") if k in spec}
    layer["titles"] = dict(spec.get("titles", {}))
    if "recognition" in spec:
        layer["recognition"] = _cues(doc, taxonomy, spec["recognition"], f"{at}/recognition")
    if "source" in spec:
        layer["source"] = _sources(spec["source"])
    if "source" in spec or "source_in" in spec:  # a new source drops the base's translations
        layer["source_in"] = _translations(spec)
    for key in _EDITABLE_KEYS:
        if key in spec:
            layer[key] = _edit(doc, taxonomy, spec[key], f"{at}/{key}")
    if "alternatives" in spec:
        layer["alternatives"] = tuple(_expand(doc, taxonomy, group, f"{at}/alternatives/{i}")
                                      for i, group in enumerate(spec["alternatives"]))
    if "retention" in spec:
        retention = spec["retention"]
        layer["retention"] = (retention["max_days"], _sources(retention.get("source")), _translations(retention))
    layer["severity"] = _severities(doc, taxonomy, spec.get("severity", {}), f"{at}/severity")
    layer["sources"] = {cid: _sources(cited) for pattern, cited in spec.get("sources", {}).items()
                        for cid in _resolve_pattern(doc, taxonomy, pattern, f"{at}/sources/{pattern}")}
    layer["sources_in"] = {lang: {cid: _sources(cited) for pattern, cited in by_category.items()
                                  for cid in _resolve_pattern(doc, taxonomy, pattern, f"{at}/sources_in/{lang}/{pattern}")}
                           for lang, by_category in spec.get("sources_in", {}).items()}
    return layer


def _cues(doc: Document, taxonomy: Taxonomy, spec: Mapping[str, Any], pointer: str) -> RecognitionCues:
    terms = tuple(dict.fromkeys(term for phrases in spec.get("terms", {}).values() for term in phrases))
    return RecognitionCues(terms, _expand(doc, taxonomy, spec.get("categories", []), f"{pointer}/categories"))


def _edit(doc: Document, taxonomy: Taxonomy, value: Any, pointer: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(add, remove, replace): a plain list replaces the base's list."""
    if isinstance(value, list):
        return _expand(doc, taxonomy, value, pointer), frozenset(), True
    return (_expand(doc, taxonomy, value.get("add", []), f"{pointer}/add"),
            _expand(doc, taxonomy, value.get("remove", []), f"{pointer}/remove"), False)


def _merge_layers(base: Layer, over: Layer) -> Layer:
    """`over` on top of `base`: scalars replace, lists union, purposes merge by id."""
    merged = {**base, **{k: v for k, v in over.items() if k not in ("purposes", "severity", "domains")}}
    for key in ("regimes", "rules"):
        merged[key] = _union(base.get(key), over.get(key))
    notices = (base.get("notice"), over.get("notice"))
    merged["notice"] = None if notices == (None, None) else _union(*notices)
    merged["severity"] = {**base.get("severity", {}), **over.get("severity", {})}
    merged["domains"] = {**base.get("domains", {}), **over.get("domains", {})}
    purposes = dict(base.get("purposes", {}))
    for pid, spec in over.get("purposes", {}).items():
        purposes[pid] = _merge_purpose(purposes.get(pid, {}), spec)
    merged["purposes"] = purposes
    return merged


def _union(first: list[str] | None, second: list[str] | None) -> list[str]:
    return list(dict.fromkeys([*(first or []), *(second or [])]))


def _merge_purpose(base: Layer, over: Layer) -> Layer:
    merged = {**base, **over}
    for key in _MAPPING_KEYS:
        merged[key] = {**base.get(key, {}), **over.get(key, {})}
    # A category's new source drops the base's translations of the old one.
    replaced = set(over.get("sources", {}))
    merged["sources_in"] = {lang: {**{c: s for c, s in base.get("sources_in", {}).get(lang, {}).items()
                                      if c not in replaced}, **over.get("sources_in", {}).get(lang, {})}
                            for lang in {*base.get("sources_in", {}), *over.get("sources_in", {})}}
    for key in _EDITABLE_KEYS:
        if key in over:
            add, remove, replace = over[key]
            start = frozenset() if replace else base.get(key, _NOTHING)[0]
            merged[key] = ((start | add) - remove, frozenset(), True)
    return merged


def _build(merged: Layer, top: Layer, bases: list[str]) -> Policy:
    purposes = {pid: _purpose(top["path"], pid, spec) for pid, spec in merged["purposes"].items()}
    _check_domains(top["path"], purposes, merged["domains"])
    default = merged.get("default_purpose")
    if default is not None and default not in purposes:
        path, where = merged["default_at"]
        raise PolicyError(path, msg("error.default_purpose", purpose=repr(default)),
                          where.line, where.column)
    return Policy(
        id=merged["id"],
        title=merged["title"],
        path=top["path"],
        source=merged["source"],
        purposes=purposes,
        regimes=tuple(merged["regimes"]),
        required_notice=DEFAULT_NOTICE if merged["notice"] is None else tuple(merged["notice"]),
        severity=merged["severity"],
        default_purpose=default,
        rules=frozenset(merged["rules"]),
        bases=tuple(bases),
        description=merged.get("description", ""),
        domains=merged["domains"],
        source_translations=merged["source_in"],
        titles=merged["titles"],
    )


def _check_domains(path: str, purposes: Mapping[str, Purpose], domains: Mapping[str, Any]) -> None:
    """Every purpose's `domain` is one the policy (or a base) declares."""
    for purpose in purposes.values():
        if purpose.domain is not None and purpose.domain not in domains:
            known = ", ".join(domains) or "-"
            raise PolicyError(path, msg("error.purpose_domain", purpose=repr(purpose.id), domain=repr(purpose.domain),
                                        known=known))


def _purpose(path: str, pid: str, spec: Layer) -> Purpose:
    max_days, retention_source, retention_translations = spec.get("retention", (None, (), {}))
    purpose = Purpose(
        id=pid,
        title=spec.get("title", pid),
        description=spec.get("description", ""),
        source=spec.get("source", ()),
        necessary=spec.get("necessary", _NOTHING)[0],
        optional=spec.get("optional", _NOTHING)[0],
        alternatives=spec.get("alternatives", ()),
        max_days=max_days,
        retention_source=retention_source,
        severity=spec.get("severity", {}),
        sources=spec.get("sources", {}),
        government_id=spec.get("government_id"),
        domain=spec.get("domain"),
        titles=spec.get("titles", {}),
        recognition=spec.get("recognition", RecognitionCues()),
        source_translations=spec.get("source_in", {}),
        sources_translations=spec.get("sources_in", {}),
        retention_source_translations=retention_translations,
    )
    _check_government_id(path, purpose)
    return purpose


def _check_government_id(path: str, purpose: Purpose) -> None:
    """`government_id: none` must not allow the category; partial and full must."""
    if purpose.government_id is None or (purpose.government_id == "none") != purpose.allows(GOVERNMENT_ID):
        return
    wanted = "error.government_id_unlisted" if purpose.government_id == "none" else "error.government_id_listed"
    raise PolicyError(path, msg(wanted, purpose=repr(purpose.id), value=purpose.government_id, category=GOVERNMENT_ID))


def _sources(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _translations(spec: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """`source_in: {zh: ...}`: the source in other languages, each a text or a list."""
    return {lang: _sources(text) for lang, text in spec.get("source_in", {}).items()}


def _expand(doc: Document, taxonomy: Taxonomy, patterns: Iterable[str], pointer: str) -> frozenset[str]:
    ids: set[str] = set()
    for index, pattern in enumerate(patterns):
        ids.update(_resolve_pattern(doc, taxonomy, pattern, f"{pointer}/{index}"))
    return frozenset(ids)


def _resolve_pattern(doc: Document, taxonomy: Taxonomy, pattern: str, pointer: str) -> tuple[str, ...]:
    try:
        return taxonomy.expand(pattern)
    except KeyError:
        where = doc.location(pointer)
        close = taxonomy.suggest(pattern)
        hint = msg("error.did_you_mean", name=close) if close else ""
        raise PolicyError(doc.path, msg("error.unknown_category", category=repr(pattern), hint=hint),
                          where.line, where.column) from None


def _severities(doc: Document, taxonomy: Taxonomy, spec: Mapping[str, str], pointer: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for pattern, level in spec.items():
        for cid in _resolve_pattern(doc, taxonomy, pattern, f"{pointer}/{pattern}"):
            result[cid] = level
    return result


def purposes_hint(policy: Policy) -> Message:
    """What a policy without purposes (a regime pack) is for, and how to use it."""
    return msg("error.policy_without_purposes", policy=policy.id)
