"""A catalogue message by id with its parameters: what findings, errors, warnings and
the reasons `fix` gives carry, translated only where they are written (reporters,
the command line) into the run's language (formlint.i18n)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

@dataclass(frozen=True)
class Localised:
    """A policy's own text (a `source`) with the translations the policy gives:
    reporters show the one in the run's language, else `text`."""

    text: str
    translations: tuple[tuple[str, str], ...] = ()

    def in_lang(self, lang: str) -> str:
        return dict(self.translations).get(lang, self.text)


# A message parameter: text, a number, another message (translated too), a policy's own
# text with its translations, or a list of texts joined the way the language lists things.
Param = Union[str, int, "Message", Localised, tuple[Union[str, "Message"], ...]]


@dataclass(frozen=True)
class Message:
    """A catalogue message by id with its parameters. Rules say what to say;
    reporters translate it, once, into the run's language."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, message_id: str, **params: Param) -> Message:
        return cls(message_id, tuple(params.items()))


# The law behind a finding: citations (kept as written, in every language) and
# translated parts such as "purpose basis: ...", joined with "; ".
Law = tuple[Union[str, Message], ...]


def msg(message_id: str, **params: Param) -> Message:
    """The message `message_id` of the catalogues (formlint/i18n/*.yaml) with its parameters."""
    return Message.of(message_id, **params)
