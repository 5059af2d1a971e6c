"""JSON Schemas shipped with formlint, and validation that reports file:line:col.

Documents are checked first with fastjsonschema, which compiles a schema into a
Python function and is some 25 times faster than jsonschema on valid input (the
functions of the schemas a run checks are generated beforehand, `validators/`); only
a document that fails is walked again by jsonschema, whose `best_match` gives the
most relevant error and its path. Both are imported only when something is
validated, so `formlint --help` and `--version` stay fast.
"""

from __future__ import annotations

import difflib
import importlib
import json
import zlib
from functools import lru_cache
from importlib import resources
from typing import Any

from formlint.errors import FormlintError
from formlint.source import Document
from formlint.message import Message, msg

SCHEMA_NAMES = ("form", "policy", "taxonomy", "config")
# The schemas whose validators are generated into validators/ (tools/build_validators.py).
GENERATED_VALIDATORS = ("form", "x-formlint", "config", "policy")


@lru_cache(maxsize=None)
def schema_text(name: str) -> str:
    return resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")


@lru_cache(maxsize=None)
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_text(name))
    return Draft202012Validator(schema)


def validator_module(name: str) -> str:
    return f"{__package__}.validators.{name.replace('-', '_')}"


@lru_cache(maxsize=None)
def _fast_validator(name: str) -> Any:
    """The schema's fastjsonschema function: the generated one while it was generated from
    this very schema, else compiled now."""
    text = schema_text(name)
    if name in GENERATED_VALIDATORS:
        try:
            module = importlib.import_module(validator_module(name))
        except ImportError:  # written by a fastjsonschema newer than the one installed
            module = None
        if module is not None and module.SCHEMA_CRC32 == zlib.crc32(text.encode("utf-8")):
            return module.validate
    import fastjsonschema

    return fastjsonschema.compile(json.loads(text))


def is_valid(data: Any, name: str) -> bool:
    from fastjsonschema import JsonSchemaException

    try:
        _fast_validator(name)(data)
    except JsonSchemaException:
        return False
    return True


def validate(doc: Document, name: str, error: type[FormlintError]) -> None:
    """Raise `error` for the most relevant schema violation in `doc`, if any."""
    if is_valid(doc.data, name):
        return
    from jsonschema.exceptions import best_match

    validator = _validator(name)
    problem = best_match(validator.iter_errors(doc.data))
    if problem is None:
        return
    pointer = "".join(f"/{_escape(p)}" for p in problem.absolute_path)
    where = doc.location(_precise_pointer(problem, pointer))
    raise error(doc.path, _describe(problem, pointer), where.line, where.column)


def _precise_pointer(problem: Any, pointer: str) -> str:
    """Point at the first unknown key itself rather than at its parent."""
    if problem.validator != "additionalProperties" or not isinstance(problem.instance, dict):
        return pointer
    allowed = problem.schema.get("properties", {})
    unknown = [k for k in problem.instance if k not in allowed]
    return f"{pointer}/{_escape(unknown[0])}" if unknown else pointer


def _escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def _describe(problem: Any, pointer: str) -> Message:
    at = msg("error.at_pointer", pointer=pointer) if pointer else ""
    if problem.validator == "additionalProperties":
        return _unknown_keys(problem, at)
    if problem.validator == "enum":
        return _bad_choice(problem, at)
    if problem.validator == "required":
        return msg("error.schema_missing", key=problem.message.split(" is a required")[0], at=at)
    return msg("error.schema_problem", problem=problem.message, at=at)


def _unknown_keys(problem: Any, at: Message | str) -> Message:
    allowed = sorted(problem.schema.get("properties", {}))
    unknown = sorted(set(problem.instance) - set(allowed))
    parts: list[Message] = []
    for key in unknown:
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = msg("error.did_you_mean", name=close[0]) if close else ""
        parts.append(msg("error.schema_unknown_key", key=repr(key), hint=hint))
    return msg("error.schema_unknown_keys", keys=tuple(parts), at=at, allowed=", ".join(allowed))


def _bad_choice(problem: Any, at: Message | str) -> Message:
    choices = [str(c) for c in problem.validator_value]
    close = difflib.get_close_matches(str(problem.instance), choices, n=1)
    hint = msg("error.did_you_mean", name=close[0]) if close else ""
    return msg("error.schema_choice", value=repr(problem.instance), choices=", ".join(choices), hint=hint, at=at)
