"""Language packs: everything formlint knows about one language, in one folder.

`languages/<code>/pack.yaml` says what the language is called (in English, in itself and
in XLSForm/XForm headers), how it is written (its script), which Snowball stemmer fits
it, whether its words form compounds, its number, unit and hint words, and its commonest
short words, which tell its text from other languages' (`formlint.languages.detect`).
`languages/<code>/lexicon.yaml` maps taxonomy category ids to the phrases that name
them (`terms`), phrases that veto a category (`not`), phrases that only decide a short
label (`weak`) and choice labels that reveal what a question asks (`options`).
An optional `romanised.yaml`, generated at build time, spells a non-Latin lexicon's
phrases as keys write them (pinyin for zh: `xingming`, `xm` -> 姓名).

Adding a language is adding a folder: the loader lists the folders, nothing else names
them. Both files are validated by `schemas/language-pack.schema.json` and
`schemas/lexicon.schema.json` in the test suite; loading parses them only, once per
process, when the classifier first needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = [
    "LanguagePack",
    "header_names",
    "load_pack",
    "load_packs",
    "pack_codes",
    "raw_pack_text",
    "script_language",
]

PACK_FILE = "pack.yaml"
LEXICON_FILE = "lexicon.yaml"
ROMANISED_FILE = "romanised.yaml"

Phrases = Mapping[str, tuple[str, ...]]

# Unicode blocks of the scripts that name one pack's language by themselves.
_SCRIPT_RANGES: Mapping[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "hangul": (("\uac00", "\ud7af"), ("\u1100", "\u11ff"), ("\u3130", "\u318f")),
        "kana": (("\u3040", "\u30ff"),),
        "han": (("\u4e00", "\u9fff"), ("\u3400", "\u4dbf"), ("\uf900", "\ufaff")),
        "cyrillic": (("\u0400", "\u04ff"),),
        "arabic": (("\u0600", "\u06ff"), ("\u0750", "\u077f")),
        "devanagari": (("\u0900", "\u097f"),),
        "latin": (("A", "Z"), ("a", "z"), ("\u00c0", "\u024f")),
    }
)


@dataclass(frozen=True)
class LanguagePack:
    """One language's names, script, morphology settings and lexicon."""

    code: str
    name: str  # in English
    native: str  # in the language itself
    script: str
    header_names: tuple[str, ...]
    stemmer: str | None  # a snowballstemmer algorithm name
    compounds: bool  # joins words into compounds (de, nl, nordic, fi)
    numbers: tuple[str, ...]
    units: tuple[str, ...]
    example_markers: tuple[str, ...]
    function_words: tuple[str, ...]  # how its text is told from other Latin-script text
    terms: Phrases
    not_terms: Phrases
    weak: Phrases
    options: Phrases
    # spelling in Latin letters -> (category id, the phrase it spells)
    romanised: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # endings that inflect a word (-s, -ed, -ing); stems match only across them
    inflections: tuple[str, ...] = ()
    # what may follow a phrase inside an unbroken run of Han characters (名称, 号码, 吗)
    phrase_followers: tuple[str, ...] = ()
    # labels that follow up the question before ("If other, please specify")
    follow_ups: tuple[str, ...] = ()
    # openings and endings of a question that checks an answer or asks what is known
    check_openings: tuple[str, ...] = ()
    check_closings: tuple[str, ...] = ()
    # openings of a tick box's label that names a document to enclose (Copy of ...)
    enclosures: tuple[str, ...] = ()
    # choices that only say yes or no, or decline to answer
    yes_no: tuple[str, ...] = ()
    # choices that carry no answer (Don't know, Refused, No response, OK)
    non_answers: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def pack_codes() -> tuple[str, ...]:
    """Every shipped language, found by listing the package's folders."""
    root = resources.files(__package__)
    return tuple(
        sorted(
            entry.name
            for entry in root.iterdir()
            if entry.is_dir() and entry.joinpath(PACK_FILE).is_file()
        )
    )


def raw_pack_text(code: str, file_name: str) -> str:
    return resources.files(__package__).joinpath(code, file_name).read_text("utf-8")


@lru_cache(maxsize=None)
def load_pack(code: str) -> LanguagePack:
    """One pack, parsed once per process. KeyError for a language not shipped."""
    if code not in pack_codes():
        raise KeyError(f"no language pack {code!r}")
    romanised = resources.files(__package__).joinpath(code, ROMANISED_FILE)
    return parse_pack(
        pack_data(code, PACK_FILE),
        pack_data(code, LEXICON_FILE),
        pack_data(code, ROMANISED_FILE) if romanised.is_file() else None,
    )


@lru_cache(maxsize=1)
def load_packs() -> Mapping[str, LanguagePack]:
    return MappingProxyType({code: load_pack(code) for code in pack_codes()})


def parse_pack(
    pack: Mapping[str, Any],
    lexicon: Mapping[str, Any],
    romanised: Mapping[str, Any] | None = None,
) -> LanguagePack:
    """A pack from already schema-valid data."""
    spellings = (romanised or {}).get("spellings") or {}
    return LanguagePack(
        code=pack["code"],
        name=pack["name"],
        native=pack["native"],
        script=pack["script"],
        header_names=_strings(pack.get("header_names")),
        stemmer=pack.get("stemmer"),
        compounds=bool(pack.get("compounds", False)),
        numbers=_strings(pack.get("numbers")),
        units=_strings(pack.get("units")),
        example_markers=_strings(pack.get("example_markers")),
        function_words=_strings(pack.get("function_words")),
        terms=_phrases(lexicon.get("terms")),
        not_terms=_phrases(lexicon.get("not")),
        weak=_phrases(lexicon.get("weak")),
        options=_phrases(lexicon.get("options")),
        romanised=MappingProxyType(
            {str(k): (str(v[0]), str(v[1])) for k, v in spellings.items()}
        ),
        inflections=_strings(pack.get("inflections")),
        phrase_followers=_strings(pack.get("phrase_followers")),
        follow_ups=_strings(pack.get("follow_ups")),
        check_openings=_strings(pack.get("check_openings")),
        check_closings=_strings(pack.get("check_closings")),
        enclosures=_strings(pack.get("enclosures")),
        yes_no=_strings(pack.get("yes_no")),
        non_answers=_strings(pack.get("non_answers")),
    )


@lru_cache(maxsize=1)
def header_names() -> Mapping[str, str]:
    """Casefolded language names as form headers write them -> language code."""
    return MappingProxyType(
        {
            name.casefold(): pack.code
            for pack in load_packs().values()
            for name in (pack.name, pack.native, *pack.header_names)
        }
    )


def script_language(text: str) -> str | None:
    """The language a text's script names by itself (Hangul -> ko, kana -> ja), or
    None for scripts several packs share (Latin) or none uses."""
    counts: dict[str, int] = {}
    for char in text:
        script = _script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    if "kana" in counts:  # Japanese mixes kana with kanji
        return _only_pack_written_in("kana")
    return _only_pack_written_in(max(counts, key=counts.__getitem__))


def _script_of(char: str) -> str | None:
    for script, ranges in _SCRIPT_RANGES.items():
        if any(low <= char <= high for low, high in ranges):
            return script
    return None


def _only_pack_written_in(script: str) -> str | None:
    codes = [p.code for p in load_packs().values() if p.script == script]
    return codes[0] if len(codes) == 1 else None


def pack_data(code: str, file_name: str) -> Mapping[str, Any]:
    """One file of a pack, parsed (`formlint.bundle`); an empty file is an empty mapping."""
    from formlint.bundle import data_file

    data: Mapping[str, Any] = data_file(f"languages/{code}/{file_name}") or {}
    return data


def _strings(items: Iterable[Any] | None) -> tuple[str, ...]:
    return tuple(str(item) for item in items or ())


def _phrases(raw: Mapping[str, Iterable[str]] | None) -> Phrases:
    return MappingProxyType({key: tuple(items) for key, items in (raw or {}).items()})
