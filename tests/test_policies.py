"""Built-in policies, `extends` merging, and the policies/purposes/init commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLES as SAMPLES_DIR, run_formlint

from formlint.pipeline import check_form
from formlint.settings import FileSettings
from formlint.errors import PolicyError
from formlint.formats import load_form
from formlint.policy import builtin_names, load_policy

POLICY_FIXTURES = FIXTURES / "policies"
# Each built-in policy: the findings its failing fixture form must produce (CODE@line).
FAILS = {
    "cac-2020-epidemic": ["EX402@5", "DM105@18"],
    "ccpa": ["NT303@5", "NT305@5", "DM102@16"],
    "china-app-necessary-pi": ["DM101@12"],
    "epidemic-registration": ["DM102@18", "DM105@21"],
    "gdpr": ["NT303@5", "NT305@5", "DM102@16", "NT304@16"],
    "general": ["DM102@25", "NT304@25"],
    "pipl": ["NT303@5", "NT305@5", "DM102@18", "NT304@18"],
    "venue-check-in-australia": ["DM101@20"],
    "venue-check-in-england": ["DM106@24"],
    "venue-check-in-germany-berlin": ["RT203@5"],
    "venue-check-in-new-zealand": ["DM106@20"],
    "venue-check-in-singapore-safeentry": ["DM106@12"],
}


def findings(policy: str, form: Path) -> list[str]:
    result = check_form(load_form(str(form)), FileSettings(policy=load_policy(policy)))
    return [f"{f.code}@{f.line}" for f in result.findings]


def fixture_policy(name: str) -> str:
    """Packs have no purposes, so their fixtures are checked through a wrapper that extends them."""
    wrapper = POLICY_FIXTURES / name / "policy.yaml"
    return str(wrapper) if wrapper.exists() else name


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, "utf-8")
    return str(folder / name)


def test_every_builtin_policy_has_a_fixture_entry() -> None:
    assert sorted(FAILS) == builtin_names()


@pytest.mark.parametrize("name", sorted(FAILS))
def test_builtin_policy_passes_its_pass_form(name: str) -> None:
    assert findings(fixture_policy(name), POLICY_FIXTURES / name / "pass.yaml") == []


@pytest.mark.parametrize("name", sorted(FAILS))
def test_builtin_policy_fails_its_fail_form(name: str) -> None:
    assert findings(fixture_policy(name), POLICY_FIXTURES / name / "fail.yaml") == FAILS[name]


@pytest.mark.parametrize("name", sorted(FAILS))
def test_every_necessary_list_and_cap_cites_a_source(name: str) -> None:
    policy = load_policy(name)
    assert policy.source
    for purpose in policy.purposes.values():
        assert purpose.source, purpose.id
        assert purpose.max_days is None or purpose.retention_source, purpose.id


def test_policies_show_prints_every_source() -> None:
    out = run_formlint("policies", "show", "venue-check-in-singapore-safeentry").stdout
    policy = load_policy("venue-check-in-singapore-safeentry")
    purpose = policy.purposes["venue-check-in"]
    cited = [*policy.source, *purpose.source, *purpose.retention_source, *purpose.sources["identity.government_id"]]
    assert all(text in out for text in cited)
    assert "retention: at most 25 days" in out and "government ID: partial" in out


def test_china_app_catalogue_has_the_types_that_need_nothing() -> None:
    purposes = load_policy("china-app-necessary-pi").purposes
    empty = {pid for pid, p in purposes.items() if not p.necessary and not p.alternatives}
    assert {"news", "browser", "input-method", "short-video", "fitness"} <= empty and len(empty) == 13
    assert len(purposes) >= 15
    assert purposes["map-navigation"].necessary == {"location.precise"}


def test_epidemic_registration_keeps_its_purposes_and_gains_the_cac_rules() -> None:
    policy = load_policy("epidemic-registration")
    assert list(policy.purposes) == ["return-to-community", "venue-check-in", "health-declaration",
                                     "pharmacy-purchase", "public-transport", "office-entry", "supermarket-entry"]
    assert policy.rules == {"EX402", "DM105"} and policy.bases == ("<builtin>/cac-2020-epidemic.yaml",)


def test_the_default_policy_is_general_with_every_regime_and_the_epidemic_purposes_unchanged() -> None:
    general, epidemic = load_policy(), load_policy("epidemic-registration")
    assert general.id == "general" and general.regimes == ("gdpr", "pipl", "ccpa")
    assert len(general.purposes) >= 30
    for pid, purpose in epidemic.purposes.items():
        kept = general.purposes[pid]
        assert (kept.necessary, kept.optional, kept.alternatives, kept.max_days) == (
            purpose.necessary, purpose.optional, purpose.alternatives, purpose.max_days)
    assert all(p.domain in general.domains for p in general.purposes.values())
    assert all(p.title_in("zh") != p.title for p in general.purposes.values())
    assert all(set(titles) >= {"en", "zh"} for titles in general.domains.values())


@pytest.mark.parametrize("pid", ["account-signup", "newsletter", "contact-enquiry", "complaint",
                                 "event-registration", "venue-check-in", "visitor-registration",
                                 "appointment-booking", "delivery-checkout", "membership", "job-application",
                                 "employee-onboarding", "school-enrolment", "student-register",
                                 "patient-registration", "clinical-intake", "vaccination-record",
                                 "research-survey", "household-survey", "benefit-application",
                                 "grant-application", "volunteer-signup", "insurance-claim",
                                 "health-declaration", "return-to-community", "pharmacy-purchase"])
def test_general_has_the_common_purposes_with_cues_and_a_named_source(pid: str) -> None:
    purpose = load_policy("general").purposes[pid]
    assert purpose.source and purpose.recognition.terms
    assert purpose.necessary or purpose.alternatives or purpose.optional


def test_a_purpose_naming_an_undeclared_domain_is_a_policy_error(tmp_path: Path) -> None:
    path = write(tmp_path, "p.yaml", "id: p\ntitle: P\nsource: s\ndomains: {work: {en: Work}}\npurposes:\n"
                 "  a: {title: A, source: s, domain: schools, necessary: [identity.name]}\n")
    with pytest.raises(PolicyError, match="purpose 'a' names domain 'schools'.*declared: work"):
        load_policy(path)


# ------------------------------------------------------------------ extends semantics

BASE = """id: base
title: Base
source: "base law"
regimes: [gdpr]
severity: {social.education: "off", identity.age: info}
purposes:
  visit:
    title: Visit
    source: "base basis"
    necessary: [identity.name, contact.phone, event.visit_time]
    optional: [event.party_size]
    retention: {max_days: 21, source: "base cap"}
"""


def test_extends_edits_lists_merges_severity_and_unions_regimes(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", BASE)
    child = write(tmp_path, "child.yaml", """id: child
title: Child
source: "child law"
extends: [base.yaml, pipl]
severity: {identity.age: warning}
purposes:
  visit:
    necessary: {add: [contact.email], remove: [contact.phone]}
    optional: [event.visit_details]
""")
    policy = load_policy(child)
    visit = policy.purposes["visit"]
    assert visit.necessary == {"identity.name", "contact.email", "event.visit_time"}
    assert visit.optional == {"event.visit_details"}  # a plain list replaces
    assert (visit.max_days, visit.retention_source, visit.source) == (21, ("base cap",), ("base basis",))
    assert policy.regimes == ("gdpr", "pipl") and policy.rules == {"NT303", "NT304", "NT305"}
    assert policy.severity["identity.age"] == "warning" and policy.severity["social.education"] == "off"
    assert policy.severity["identity.government_id"] == "warning"  # from pipl
    assert (policy.id, policy.source) == ("child", ("child law",))


def test_later_base_wins_for_the_same_purpose(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", BASE)
    write(tmp_path, "other.yaml", BASE.replace("id: base", "id: other").replace("max_days: 21", "max_days: 7"))
    child = write(tmp_path, "child.yaml", "id: child\ntitle: C\nsource: s\nextends: [base.yaml, other.yaml]\n")
    assert load_policy(child).purposes["visit"].max_days == 7


def test_extends_cycle_is_an_error_showing_the_chain(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "id: a\ntitle: A\nsource: s\nextends: [b.yaml]\n")
    b = write(tmp_path, "b.yaml", "id: b\ntitle: B\nsource: s\nextends:\n  - a.yaml\n")
    with pytest.raises(PolicyError) as caught:
        load_policy(a)
    assert (caught.value.path, caught.value.line, caught.value.column) == (b, 5, 5)
    assert caught.value.message == f"extends cycle: {a} → {b} → {a}"


def test_unknown_base_is_an_error_at_the_extends_entry(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "id: a\ntitle: A\nsource: s\nextends: [pipx]\n")
    result = run_formlint("policies", "validate", a)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{a}:4:11: error: unknown base in extends: no built-in policy named 'pipx' (did you mean 'pipl'?)")
    assert "Traceback" not in result.stderr


def test_government_id_setting_must_match_the_purpose_lists(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", BASE.replace("    retention:", "    government_id: partial\n    retention:"))
    with pytest.raises(PolicyError, match="government_id: partial.*must list identity.government_id"):
        load_policy(bad)


def test_rules_enable_accepts_only_opt_in_rules(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.yaml", BASE + "rules:\n  enable: [DM101]\n")
    with pytest.raises(PolicyError) as caught:
        load_policy(bad)
    assert caught.value.line == 14 and "'DM101' is not an opt-in rule" in caught.value.message


def test_a_pack_alone_cannot_check_a_form() -> None:
    result = run_formlint("check", "--policy", "pipl", str(POLICY_FIXTURES / "pipl" / "pass.yaml"))
    assert result.returncode == 2
    assert "policy 'pipl' has no purposes of its own: use a policy that extends it" in result.stderr


# ------------------------------------------------------------------ commands

def test_policies_list_names_every_builtin() -> None:
    out = run_formlint("policies", "list").stdout
    assert [line.split()[0] for line in out.splitlines() if not line.startswith(" ")] == builtin_names()


def test_policies_validate_reports_ok_per_file() -> None:
    path = str(POLICY_FIXTURES / "gdpr" / "policy.yaml")
    result = run_formlint("policies", "validate", path)
    assert (result.returncode, result.stdout) == (0, f"{path}: ok: policy 'gdpr-fixture', 1 purpose(s)\n")


def test_policies_list_and_validate_speak_the_chosen_language(tmp_path: Path) -> None:
    listed = run_formlint("policies", "list", "--lang", "zh").stdout
    pipl = load_policy("pipl")
    assert "个目的" in listed and "purpose(s)" not in listed
    assert pipl.title_in("zh") in listed and pipl.title_in("zh") != pipl.title_in("en")
    path = str(POLICY_FIXTURES / "gdpr" / "policy.yaml")
    result = run_formlint("policies", "validate", "--lang", "zh", path)
    assert (result.returncode, result.stdout) == (0, f"{path}: 有效：策略 'gdpr-fixture'，1 个目的\n")
    bad = write(tmp_path, "bad.yaml", "x: 1\n")
    refused = run_formlint("policies", "validate", "--lang", "zh", bad)
    assert refused.returncode == 2 and refused.stderr.startswith(f"{bad}:1:1: error: ") and "缺少" in refused.stderr


def test_purposes_lists_needs_and_retention() -> None:
    out = run_formlint("purposes", "--policy", "venue-check-in-germany-berlin").stdout
    assert out.startswith("venue-check-in: Attendance record at a Berlin venue\n"
                          "  needs: contact.phone, event.visit_details, event.visit_time, identity.name; "
                          "one of contact.address | contact.email\n  keep: 28 days\n"
                          "  source: Berlin Infektionsschutzmaßnahmenverordnung 2020: ")


def test_purposes_groups_the_default_policy_by_domain_in_english_and_chinese() -> None:
    english = run_formlint("purposes").stdout
    chinese = run_formlint("purposes", "--lang", "zh").stdout
    headings = [line for line in english.splitlines() if line.startswith("[")]
    assert headings[0] == "[Accounts, shops and customer service]" and "[Epidemic prevention]" in headings
    assert english.count("\n  source: ") >= 30
    assert english.index("[Health care]") < english.index("patient-registration: Patient registration")
    assert "[医疗卫生]" in chinese and "patient-registration: 患者建档登记" in chinese
    shown = run_formlint("policies", "show", "--lang", "zh", "general").stdout
    assert "[教育]" in shown and "用途 school-enrolment：入学、入园登记" in shown


def test_init_writes_config_and_policy_that_check_can_use(tmp_path: Path) -> None:
    result = run_formlint("init", "--yes", "--pack", "pipl", "--purpose", "return-registration", "--dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".formlint.yaml").read_text("utf-8").splitlines()[1:] == [
        "policy: .formlint-policy.yaml", "purpose: return-registration"]
    policy = load_policy(str(tmp_path / ".formlint-policy.yaml"))
    assert policy.bases == ("<builtin>/pipl.yaml",) and list(policy.purposes) == ["return-registration"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".formlint-policy.yaml", ".formlint.yaml"]


def test_init_keeps_an_inherited_purpose_without_redefining_it(tmp_path: Path) -> None:
    run_formlint("init", "--yes", "--pack", "venue-check-in-england", "--dir", str(tmp_path))
    policy = load_policy(str(tmp_path / ".formlint-policy.yaml"))
    assert list(policy.purposes) == ["venue-check-in"] and policy.purposes["venue-check-in"].max_days == 21


def test_init_asks_when_not_given_yes(tmp_path: Path) -> None:
    result = run_formlint("init", "--dir", str(tmp_path), stdin="gdpr\nnewsletter\nnewsletter\n")
    assert result.returncode == 0, result.stderr
    assert "purpose: newsletter" in (tmp_path / ".formlint.yaml").read_text("utf-8")
    assert "extends: [gdpr]" in (tmp_path / ".formlint-policy.yaml").read_text("utf-8")
    written = load_policy(str(tmp_path / ".formlint-policy.yaml")).purposes["newsletter"]
    assert written.alternatives == load_policy("general").purposes["newsletter"].alternatives


def test_init_lists_the_policies_and_purposes_it_asks_about(tmp_path: Path) -> None:
    result = run_formlint("init", "--dir", str(tmp_path), stdin="general\nclinical-intake\n")
    assert result.returncode == 0, result.stderr
    menu, asked = result.stdout.split("Policy to build on", 1)
    assert all(f"  {name} " in menu for name in builtin_names())
    assert "  [Health care]\n" in asked and "    clinical-intake " in asked and "    newsletter " in asked


@pytest.mark.parametrize("purpose", ["clinical-intake", "newsletter", "school-enrolment"])
def test_init_writes_the_chosen_purposes_own_lists(tmp_path: Path, purpose: str) -> None:
    result = run_formlint("init", "--dir", str(tmp_path), stdin=f"general\n{purpose}\n")
    assert result.returncode == 0, result.stderr
    written = load_policy(str(tmp_path / ".formlint-policy.yaml")).purposes[purpose]
    shipped = load_policy("general").purposes[purpose]
    assert (written.necessary, written.optional, written.alternatives) == (
        shipped.necessary, shipped.optional, shipped.alternatives)
    text = (tmp_path / ".formlint-policy.yaml").read_text("utf-8")
    assert f"necessary: [{', '.join(sorted(shipped.necessary))}]" in text


def test_init_answers_differ_by_purpose(tmp_path: Path) -> None:
    lists = set()
    for purpose in ("clinical-intake", "newsletter", "job-application"):
        folder = tmp_path / purpose
        folder.mkdir()
        run_formlint("init", "--yes", "--pack", "general", "--purpose", purpose, "--dir", str(folder))
        lists.add((folder / ".formlint-policy.yaml").read_text("utf-8").split("purposes:", 1)[1])
    assert len(lists) == 3


def test_init_asks_again_after_a_wrong_answer(tmp_path: Path) -> None:
    answers = "nope\ngeneral\nNot An Id\nmy-intake\nno-such-purpose\nclinical-intake\n"
    result = run_formlint("init", "--dir", str(tmp_path), stdin=answers)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Error: ") == 3 and "no built-in policy named 'nope'" in result.stdout
    assert "general has no purpose 'no-such-purpose'" in result.stdout
    policy = load_policy(str(tmp_path / ".formlint-policy.yaml"))
    assert policy.purposes["my-intake"].necessary == load_policy("general").purposes["clinical-intake"].necessary
    assert policy.default_purpose == "my-intake"


def test_init_with_input_ending_early_is_one_error_and_writes_nothing(tmp_path: Path) -> None:
    result = run_formlint("init", "--dir", str(tmp_path), stdin="nope\n")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["formlint: error: init: the input ended before every question was answered"]
    assert list(tmp_path.iterdir()) == []


def test_init_without_a_purpose_leaves_each_form_its_own(tmp_path: Path) -> None:
    result = run_formlint("init", "--dir", str(tmp_path), stdin="general\n\n")
    assert result.returncode == 0, result.stderr
    assert "purpose" not in yaml_config(tmp_path)
    assert load_policy(str(tmp_path / ".formlint-policy.yaml")).default_purpose is None


def test_init_asks_in_chinese(tmp_path: Path) -> None:
    result = run_formlint("init", "--lang", "zh", "--dir", str(tmp_path), stdin="general\nclinical-intake\n")
    assert result.returncode == 0, result.stderr
    assert "[医疗卫生]" in result.stdout and "要继承的策略" in result.stdout


def yaml_config(folder: Path) -> dict[str, str]:
    import yaml

    data: dict[str, str] = yaml.safe_load((folder / ".formlint.yaml").read_text("utf-8"))
    return data


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / ".formlint.yaml").write_text("mine\n", "utf-8")
    result = run_formlint("init", "--yes", "--dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / '.formlint.yaml'}:1:1: error: already exists; pass --force to overwrite it\n"
    assert (tmp_path / ".formlint.yaml").read_text("utf-8") == "mine\n"
    assert not (tmp_path / ".formlint-policy.yaml").exists()
    assert run_formlint("init", "--yes", "--force", "--dir", str(tmp_path)).returncode == 0
    assert (tmp_path / ".formlint.yaml").read_text("utf-8") != "mine\n"


def test_check_json_names_the_policy_used_through_extends() -> None:
    path = str(POLICY_FIXTURES / "pipl" / "policy.yaml")
    result = run_formlint("check", "--format", "json", "--policy", path, str(POLICY_FIXTURES / "pipl" / "fail.yaml"))
    data = json.loads(result.stdout)
    assert data["policy"] == {"id": "pipl-fixture", "path": path}
    assert [f["code"] for f in data["findings"]] == ["NT303", "NT305", "DM102", "NT304"]


def test_worked_example_in_the_docs_shows_the_real_findings() -> None:
    from conftest import ROOT

    result = run_formlint("check", "-q", "--policy", "examples/neighbourhood-committee.yaml",
                          "sample_forms/beijing-wechat-group-return.yaml")
    firsts = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [line.split()[1] for line in firsts] == ["EX401", "NT303", "NT305", "RT202", "DM102", "NT304", "DM103", "DM107"]
    page = (ROOT / "docs" / "writing-a-policy.md").read_text("utf-8")
    assert all(line.split(" is sensitive under")[0] in page for line in firsts)


def test_repeated_policy_options_combine_like_extends() -> None:
    from conftest import SAMPLES, run_formlint

    form = str(SAMPLES / "qingdao-property-return.yaml")
    combined = run_formlint("check", "--output-format", "json", "--policy", "pipl", "--policy", "epidemic-registration", form)
    data = __import__("json").loads(combined.stdout)
    codes = sorted({f["code"] for f in data["findings"]})
    assert data["policy"]["id"] == "command-line" and combined.returncode == 1
    # pipl adds its opt-in notice rules on top of the epidemic purposes' minimisation findings.
    assert {"DM101", "DM102", "RT201"} <= set(codes) and "NT305" in codes
    alone = run_formlint("check", "--policy", "pipl", form)
    assert alone.returncode == 2 and "--policy pipl --policy epidemic-registration" in alone.stderr


def test_every_builtin_policy_gives_its_sources_and_titles_in_chinese() -> None:
    for name in builtin_names():
        policy = load_policy(name)
        assert policy.title_in("zh") != policy.title
        assert policy.source_in("zh") != policy.source and len(policy.source_in("zh")) == len(policy.source)
        for purpose in policy.purposes.values():
            assert purpose.source_in("zh") != purpose.source, (name, purpose.id)
            assert purpose.title_in("zh") != purpose.title, (name, purpose.id)
            if purpose.retention_source:
                assert purpose.retention_source_in("zh") != purpose.retention_source, (name, purpose.id)
            for category, cited in purpose.sources.items():
                assert purpose.sources_in(category, "zh") != cited, (name, purpose.id, category)


def test_a_new_source_drops_the_translation_of_the_one_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('id: mine\ntitle: Mine\nsource: "ours"\nextends: [general]\npurposes:\n'
                    '  newsletter:\n    source: "our members list rules"\n'
                    '  complaint:\n    source: "our complaints procedure"\n    source_in: {zh: "本会投诉程序"}\n', "utf-8")
    policy = load_policy(str(path))
    assert policy.source_in("zh") == ("ours",)
    assert policy.purposes["newsletter"].source_in("zh") == ("our members list rules",)
    assert policy.purposes["complaint"].source_in("zh") == ("本会投诉程序",)
    assert policy.purposes["donation"].source_in("zh") == load_policy("general").purposes["donation"].source_in("zh")


def test_a_categorys_new_source_drops_the_translation_of_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('id: mine\ntitle: Mine\nsource: "ours"\nextends: [general]\npurposes:\n  school-enrolment:\n'
                    '    sources: {health.condition: "our nurse\'s list"}\n', "utf-8")
    purpose = load_policy(str(path)).purposes["school-enrolment"]
    shipped = load_policy("general").purposes["school-enrolment"]
    assert purpose.sources_in("health.condition", "zh") == ("our nurse's list",)
    assert purpose.sources_in("health.vaccination", "zh") == shipped.sources_in("health.vaccination", "zh") != (
        shipped.sources["health.vaccination"])


def test_law_lines_give_the_purpose_basis_in_the_run_language() -> None:
    form = str(SAMPLES_DIR / "pharmacy-real-name.yaml")
    english = run_formlint("check", "--policy", "epidemic-registration", form).stdout
    chinese = run_formlint("check", "--lang", "zh", "--policy", "epidemic-registration", form).stdout
    assert "cap basis: PIPL Art. 19; formlint default of two 14-day incubation periods" in english
    assert "期限依据：《个人信息保护法》第十九条；formlint 默认取两个14天潜伏期" in chinese
    assert "用途依据：中央网信办2020年2月9日通知；《个人信息保护法》第六条、第十三条第一款第（四）项" in chinese


@pytest.mark.parametrize("name", sorted(FAILS))
def test_builtin_policy_is_valid_against_the_policy_schema(name: str) -> None:
    """Loading trusts the shipped policies (it skips the schema check to start faster),
    so each is checked here, as any policy file is checked when loaded."""
    from formlint.policy import _builtin_text
    from formlint.schemas import validate
    from formlint.source import load_yaml

    validate(load_yaml(_builtin_text(name), f"{name}.yaml", PolicyError), "policy", PolicyError)


def test_a_policy_file_is_still_checked_against_the_schema(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", "id: mine\ntitle: Mine\nsource: test\nextends: general\nbogus: 1\n")
    with pytest.raises(PolicyError, match="unknown key 'bogus'"):
        load_policy(path)
