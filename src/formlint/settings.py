"""A run's settings: the command line's options over the configuration files,
resolved once into one frozen `Settings`.

`Request` is what a command was given; `resolve` validates it, finds the
configuration, loads the run's policy (a bad policy or option stops here, once)
and chooses the language, the outputs and the failure threshold. Configuration
can differ between folders (the closest file wins) and a `policy-map` gives
forms their own policy and purpose, so `Settings.for_file` answers per form with
a `FileSettings`; policies are loaded once per reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from formlint.errors import UsageError
from formlint.model import MAX_FILE_SIZE, Severity
from formlint.message import msg

if TYPE_CHECKING:  # kept out of start-up: --help must stay fast
    from formlint.config import Config, Registries, Resolver
    from formlint.discovery import Walk
    from formlint.model import Policy, PolicyRef
    from formlint.reporters import RenderOptions

STDIN = "-"
DEFAULT_FAIL_ON = "warning"


@dataclass(frozen=True)
class Request:
    """A command's options as given on the command line; None means "not given"."""

    paths: list[str]
    policy: Optional["PolicyRef"] = None
    purpose: Optional[str] = None
    output_formats: tuple[str, ...] = ()
    output: Optional[str] = None
    fail_on: Optional[str] = None
    exit_zero: bool = False
    quiet: bool = False
    input_format: Optional[str] = None
    max_file_size: int = MAX_FILE_SIZE
    config: Optional[str] = None
    isolated: bool = False
    select: Optional[str] = None
    extend_select: Optional[str] = None
    ignore: Optional[str] = None
    show_suppressed: bool = False
    statistics: bool = False
    baseline: Optional[str] = None
    write_baseline: Optional[str] = None
    force: bool = False
    since: Optional[str] = None
    stdin_filename: Optional[str] = None
    lang: Optional[str] = None
    jobs: int = 0
    gitignore: bool = True
    skip_unknown: bool = False

    @property
    def reads_stdin(self) -> bool:
        return self.paths == [STDIN]


@dataclass(frozen=True)
class FileSettings:
    """What checking one form needs: its policy and purpose (a `policy-map` may give
    each form its own), how to read it and which rules run on it."""

    policy: Policy
    purpose: str | None = None
    input_format: str | None = None
    max_size: int = MAX_FILE_SIZE
    codes: frozenset[str] | None = None
    # Recognise the purpose of a form that declares one too: only some outputs (JSON)
    # show it, and a form without a declared purpose is always recognised.
    recognise_declared: bool = True


@dataclass(frozen=True)
class Settings:
    """One run's settings, resolved once. `policy` is the run's policy (--policy, else
    the configuration's); `outputs` pairs each output format with its file, None for
    the terminal."""

    request: Request
    policy: Policy
    lang: str
    fail_on: Severity
    outputs: tuple[tuple[str, str | None], ...]
    resolver: Resolver = field(repr=False, compare=False)

    @property
    def paths(self) -> list[str]:
        return self.request.paths

    @property
    def reads_stdin(self) -> bool:
        return self.request.reads_stdin

    @property
    def stdin_name(self) -> str:
        """The path a form read from stdin is reported under."""
        return self.request.stdin_filename or STDIN

    def for_file(self, path: str) -> FileSettings:
        """The settings of the configuration closest to `path`, the command line winning."""
        from formlint.rules import RULES

        config = self.resolver.for_path(path)
        mapped_policy, mapped_purpose = config.target(path)
        return FileSettings(policy=policy_for(self.request.policy or mapped_policy),
                            purpose=self.request.purpose or mapped_purpose,
                            input_format=self.request.input_format, max_size=self.request.max_file_size,
                            codes=config.enabled(path, tuple(RULES)))

    def excluded(self, path: str) -> bool:
        """Whether a folder or file met while walking is skipped (the project's configuration)."""
        return self.resolver.for_path(".").excluded(path)

    def walk(self) -> Walk:
        """How folders are walked and named files taken (the project's configuration)."""
        return walk_of(self.request, self.resolver)

    def render_options(self, color: bool = False) -> RenderOptions:
        """What reporters read: the run's policy and language, and how to show things."""
        from formlint.reporters import RenderOptions

        return RenderOptions(self.policy, color, self.request.quiet, self.fail_on, self.request.show_suppressed,
                             self.lang)


def resolve(request: Request, lang: str | None = None) -> Settings:
    """The one Settings of a run; `lang` is an already chosen language (commands that
    resolve it earlier), else --lang, the configuration's `lang` or the locale."""
    from formlint.config import Resolver
    _check(request)
    resolver = Resolver(cli_config(request), registries(), request.config, request.isolated)
    project = resolver.for_path((request.stdin_filename or ".") if request.reads_stdin else ".")
    outputs = output_plan(request, project)
    policy = policy_for(request.policy or project.target(".")[0])  # a bad policy stops here, once
    if request.policy and not policy.purposes:
        from formlint.policy import purposes_hint

        raise UsageError(purposes_hint(policy))
    fail_on = Severity(request.fail_on or project.fail_on or DEFAULT_FAIL_ON)
    return Settings(request, policy, lang or resolve_lang(request.lang or project.lang), fail_on, outputs, resolver)


def resolve_lang(option: str | None) -> str:
    """--lang (or a configuration's `lang`), else the environment's locale."""
    from formlint.i18n import LANGUAGES, language_from_environment

    lang = option or language_from_environment()
    if lang not in LANGUAGES:
        raise UsageError(msg("usage.unknown_lang", value=lang, choices=", ".join(LANGUAGES)))
    return lang


def walk_of(request: Request, resolver: Resolver | None = None) -> Walk:
    """How a command walks folders and takes named files: the project configuration's
    `exclude` and `forms`, git's ignore files unless --no-ignore, --skip-unknown.
    Every command that reads forms from folders (check, classify, inventory) walks so."""
    from formlint.config import Resolver
    from formlint.discovery import Walk

    resolver = resolver or Resolver(cli_config(request), registries(), request.config, request.isolated)
    project = resolver.for_path(".")
    return Walk(project.excluded, request.gitignore, project.declared_form, request.skip_unknown)


def check_input_format(name: str | None) -> None:
    """--input-format names a format formlint reads (or is not given)."""
    from formlint.formats import FORMATS

    if name is not None and name not in FORMATS:
        raise UsageError(msg("usage.unknown_input_format", name=name, choices=", ".join(FORMATS)))


def _check(request: Request) -> None:
    check_input_format(request.input_format)
    if STDIN in request.paths and not request.reads_stdin:
        raise UsageError(msg("usage.stdin_with_paths"))
    if request.reads_stdin and not (request.stdin_filename or request.input_format):
        # The format is told by a file name; stdin has none.
        raise UsageError(msg("usage.stdin_needs_name"))
    if request.stdin_filename and not request.reads_stdin:
        raise UsageError(msg("usage.stdin_filename_alone"))


def registries() -> Registries:
    """The rule codes and output formats a configuration file may name."""
    from formlint.config import Registries
    from formlint.reporters import format_names
    from formlint.rules import RULES

    return Registries(tuple(RULES), tuple(format_names()))


def codes_option(value: str | None, option: str) -> tuple[str, ...]:
    """A comma-separated --select/--ignore value; a code that starts no rule code is a usage error."""
    from formlint.config import unknown_selector
    from formlint.rules import RULES

    codes = tuple(c.strip().upper() for c in (value or "").split(",") if c.strip())
    for code in codes:
        problem = unknown_selector(code, RULES)
        if problem:
            raise UsageError(msg("usage.option_problem", option=option, problem=problem))
    return codes


def cli_config(request: Request) -> Config:
    """The command-line options as a Config laid over each discovered file."""
    from formlint.config import Config

    return Config(policy=request.policy, purpose=request.purpose,
                  select=codes_option(request.select, "--select") if request.select is not None else None,
                  extend_select=codes_option(request.extend_select, "--extend-select"),
                  ignore=codes_option(request.ignore, "--ignore"), fail_on=request.fail_on)


_POLICIES: dict[object, Policy] = {}


def policy_for(ref: PolicyRef | None) -> Policy:
    """The policy a reference names, loaded once per process."""
    from formlint.policy import load_policy

    if ref not in _POLICIES:
        _POLICIES[ref] = load_policy(ref)
    return _POLICIES[ref]


def forget_policies() -> None:
    """Drop loaded policies (a long-lived process whose policy files change)."""
    _POLICIES.clear()


def output_plan(request: Request, project: Config) -> tuple[tuple[str, str | None], ...]:
    """(format, file or None for the terminal) pairs. Without a bare format the
    terminal shows `full`; --statistics replaces the terminal output."""
    from formlint.reporters import format_names

    entries = list(request.output_formats) or list(project.output_format or ())
    plan: list[tuple[str, str | None]] = []
    for entry in entries:
        name, _, path = entry.partition(":")
        if name not in format_names():
            raise UsageError(msg("usage.unknown_output_format", name=name, choices=", ".join(format_names())))
        plan.append((name, path or None))
    terminal = [name for name, path in plan if path is None]
    if len(terminal) > 1:
        raise UsageError(msg("usage.one_terminal_output", formats=", ".join(terminal)))
    if not terminal:
        plan.insert(0, ("full", None))
    return tuple(("statistics" if request.statistics else n, request.output) if p is None else (n, p)
                 for n, p in plan)
