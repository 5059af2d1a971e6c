"""Notice analysis: retention grading, purpose, controller and recipient detection."""

from __future__ import annotations

import pytest

from formlint.languages import notice as langs
from formlint.model import Notice
from formlint.notice import RetentionFact, analyse_notice, parse_retention

# (text, found, days, vague, kind)
RETENTION_CASES = [
    # English periods, digits and words
    ("Your answers will be kept for 30 days.", True, 30, False, "period"),
    ("We retain your details for 21 days.", True, 21, False, "period"),
    ("Records are held for four weeks.", True, 28, False, "period"),
    ("Records are held for 4 weeks.", True, 28, False, "period"),
    ("Data is stored for 6 months.", True, 180, False, "period"),
    ("Data is stored for six months.", True, 180, False, "period"),
    ("We keep the log for 1 year.", True, 365, False, "period"),
    ("We keep the log for one year.", True, 365, False, "period"),
    ("We keep the log for two years.", True, 730, False, "period"),
    ("We keep the log for a year.", True, 365, False, "period"),
    ("A 90-day retention period applies.", True, 90, False, "period"),
    ("Sign-in sheets are stored for 21 days.", True, 21, False, "period"),
    ("Your details are kept for 28 days after your visit.", True, 28, False, "period"),
    ("All answers are deleted after 60 days.", True, 60, False, "period"),
    ("Records are erased within 30 days.", True, 30, False, "period"),
    ("We retain it for twenty-one days.", True, 21, False, "period"),
    ("Stored for one hundred and eighty days.", True, 180, False, "period"),
    ("We keep the data for half a year.", True, 182, False, "period"),
    ("Camera footage is deleted after 48 hours.", True, 2, False, "period"),
    ("Kept for 14 days, then destroyed; backups are kept for 90 days.", True, 90, False, "period"),
    # Chinese (simplified) periods
    ("信息保存21天。", True, 21, False, "period"),
    ("信息保存21日。", True, 21, False, "period"),
    ("登记信息保存三十日。", True, 30, False, "period"),
    ("登记信息保存三十天。", True, 30, False, "period"),
    ("数据保留两周。", True, 14, False, "period"),
    ("数据保留2周。", True, 14, False, "period"),
    ("信息存储六个月。", True, 180, False, "period"),
    ("信息存储6个月。", True, 180, False, "period"),
    ("信息保存一年。", True, 365, False, "period"),
    ("信息保存半年。", True, 182, False, "period"),
    ("信息保存十四天。", True, 14, False, "period"),
    ("保存期限为30日。", True, 30, False, "period"),
    ("本表21天后删除。", True, 21, False, "period"),
    ("纸质登记表21天后销毁。", True, 21, False, "period"),
    ("数据留存一百八十天。", True, 180, False, "period"),
    ("记录保存二十一天。", True, 21, False, "period"),
    ("档案保存两千天。", True, 2000, False, "period"),
    ("资料存放一〇五天。", True, 105, False, "period"),
    ("数据保存１５个工作日。", True, 15, False, "period"),
    # Chinese (traditional) periods
    ("資料將儲存21天。", True, 21, False, "period"),
    ("個人資料保存期限為三十日。", True, 30, False, "period"),
    ("資料將於兩週後刪除。", True, 14, False, "period"),
    ("登記表六個月後銷毀。", True, 180, False, "period"),
    # Vague and indefinite wording (OPP-115 "as long as necessary" / indefinite)
    ("We keep your data as long as necessary.", True, None, True, "vague"),
    ("Data is stored for as long as we need it.", True, None, True, "vague"),
    ("Records are retained until no longer needed.", True, None, True, "vague"),
    ("Forms will be destroyed at the end of the epidemic.", True, None, True, "vague"),
    ("Data is kept until the epidemic ends.", True, None, True, "vague"),
    (
        "Your data will be stored for a period of time after the epidemic.",
        True,
        None,
        True,
        "vague",
    ),
    ("Your information will be kept permanently.", True, None, True, "indefinite"),
    ("We retain records indefinitely.", True, None, True, "indefinite"),
    ("Data is stored forever.", True, None, True, "indefinite"),
    ("疫情结束后销毁。", True, None, True, "vague"),
    ("信息将在疫情防控结束后删除。", True, None, True, "vague"),
    ("信息保存一段时间。", True, None, True, "vague"),
    ("信息在实现目的所必要的期限内保存。", True, None, True, "vague"),
    ("您的信息将被长期保存。", True, None, True, "indefinite"),
    ("您的信息将被永久保存。", True, None, True, "indefinite"),
    ("資料將永久儲存。", True, None, True, "indefinite"),
    ("疫情結束後銷毀。", True, None, True, "vague"),
    # Criteria (OPP-115 "stated with criteria")
    ("Records are deleted when you leave the venue.", True, None, False, "criteria"),
    ("We retain data as required by law.", True, None, False, "criteria"),
    ("We will permanently delete your data once the event is over.", True, None, False, "criteria"),
    ("活动结束后删除全部信息。", True, None, False, "criteria"),
    ("处理目的实现后删除。", True, None, False, "criteria"),
    ("登记表于2022年3月1日前销毁。", True, None, False, "criteria"),
    # A definite period wins over vague wording elsewhere in the notice
    ("Kept for 30 days or as long as necessary.", True, 30, False, "period"),
    ("保存30天，疫情结束后销毁。", True, 30, False, "period"),
    # Nothing about retention
    ("", False, None, False, None),
    ("We collect your name and phone number for contact tracing.", False, None, False, None),
]

FALSE_POSITIVES = [
    "We store your 14-day travel history securely.",
    "We store the places you visited in the past 14 days.",
    "We keep a note of whether you were tested within 14 days of symptoms.",
    "Please list your travel in the last two weeks; we store it securely.",
    "请如实填写近14天行程，信息将妥善保存。",
    "请填写14天内行程并保存。",
    "存储您14天内的体温。",
    "请填写近十四天是否去过中高风险地区，信息妥善保存。",
    "隔离14天的人员信息须保存。",
    "永久居民身份证号码将被保存。",
    "满18周岁的居民信息保存在社区。",
    "Please fill in your 14-day travel history.",
    "近14天内是否有发热症状？",
]


@pytest.mark.parametrize(("text", "found", "days", "vague", "kind"), RETENTION_CASES)
def test_parse_retention_grades_phrase(
    text: str, found: bool, days: int | None, vague: bool, kind: str | None
) -> None:
    fact = parse_retention(text)
    assert (fact.found, fact.days, fact.vague, fact.kind) == (found, days, vague, kind)
    assert fact.source == ("text" if found else "")


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_look_back_durations_are_not_retention(text: str) -> None:
    assert parse_retention(text).found is False


def test_evidence_is_the_phrase_as_written() -> None:
    assert parse_retention("Data Is Kept For Four Weeks.").evidence == "Four Weeks"
    assert parse_retention("信息保存三十日。").evidence == "三十日"
    assert parse_retention("Destroyed at the end of the epidemic.").evidence == (
        "at the end of the epidemic"
    )


def test_dates_are_not_periods() -> None:
    assert parse_retention("请于2022年3月前保存好您的凭证。").days is None
    assert parse_retention("登记表于3月21日保存。").days is None


def test_number_without_retention_word_is_not_a_period() -> None:
    assert parse_retention("The event lasts 30 days.").found is False


def test_assume_context_reads_bare_durations() -> None:
    fact = parse_retention("30 days", assume_context=True)
    assert (fact.found, fact.days, fact.kind) == (True, 30, "period")


def test_longest_of_several_periods_is_reported() -> None:
    fact = parse_retention("Forms are kept for 21 days. Backups are deleted after 3 months.")
    assert (fact.days, fact.evidence) == (90, "3 months")


# --- structured items win over the text -------------------------------------------


def test_structured_retention_wins_over_text() -> None:
    facts = analyse_notice(Notice(text="Data is kept permanently.", retention="30 days"))
    assert facts.retention == RetentionFact(True, 30, False, "period", "30 days", "structured")


def test_structured_vague_retention_is_vague() -> None:
    fact = analyse_notice(Notice(text="Kept for 21 days.", retention="疫情结束后销毁")).retention
    assert (fact.kind, fact.vague, fact.source) == ("vague", True, "structured")


def test_unrecognised_structured_retention_counts_as_criteria() -> None:
    fact = analyse_notice(Notice(retention="Per the county records schedule")).retention
    assert fact == RetentionFact(
        True, None, False, "criteria", "Per the county records schedule", "structured"
    )


def test_blank_structured_retention_falls_back_to_text() -> None:
    fact = analyse_notice(Notice(text="Kept for 21 days.", retention="  ")).retention
    assert (fact.days, fact.source) == (21, "text")


def test_text_retention_is_marked_text() -> None:
    fact = analyse_notice(Notice(text="信息保存21天。")).retention
    assert (fact.days, fact.source) == (21, "text")


def test_structured_recipients_win_over_text() -> None:
    notice = Notice(text="Answers are shared with the police.", recipients=("County CDC",))
    assert analyse_notice(notice).recipients == ("County CDC",)


def test_structured_empty_recipients_mean_nobody() -> None:
    notice = Notice(text="Answers are shared with the police.", recipients=())
    assert analyse_notice(notice).recipients == ()


# --- purpose ---------------------------------------------------------------------

PURPOSE_CASES = [
    ("Your details are used for contact tracing.", "used for contact tracing"),
    ("Purpose: contact tracing.", "Purpose: contact tracing"),
    ("We collect your phone number so that we can reach you.", "so that we can reach you"),
    (
        "We collect your name to trace close contacts.",
        "We collect your name to trace close contacts",
    ),
    ("收集目的：疫情防控。", "目的：疫情防控"),
    ("您的信息仅用于疫情防控，不会用于其他用途。", "仅用于疫情防控"),
    ("為了疫情防控，請填寫以下資料。", "為了疫情防控"),
]


@pytest.mark.parametrize(("text", "expected"), PURPOSE_CASES)
def test_purpose_phrase_is_found(text: str, expected: str) -> None:
    assert analyse_notice(Notice(text=text)).purpose == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please fill in every field.",
        "请如实填写。",
        "Your data will not be used for any other purpose.",
    ],
)
def test_no_purpose_statement(text: str) -> None:
    assert analyse_notice(Notice(text=text)).purpose is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your data will not be used for any other purpose.", True),
        ("We won't use your answers for other purposes.", True),
        ("Answers are only used for contact tracing.", True),
        ("不会用于其他用途。", True),
        ("信息仅用于疫情防控。", True),
        ("資料僅用於疫情防控。", True),
        ("信息不作他用。", True),
        ("Answers are used for contact tracing.", False),
        ("信息用于疫情防控。", False),
    ],
)
def test_no_other_use_promise(text: str, expected: bool) -> None:
    assert analyse_notice(Notice(text=text)).no_other_use is expected


# --- controller -------------------------------------------------------------------

CONTROLLER_CASES = [
    ("The data controller is Riverside Council.", "data controller is Riverside Council"),
    ("This form is collected by Harbour Café Ltd.", "collected by Harbour Café Ltd"),
    ("Questions? Contact us at privacy@example.org.", "Contact us at privacy@example.org"),
    ("Questions: privacy@example.org", "privacy@example.org"),
    ("Call +44 20 7946 0958 with questions.", "+44 20 7946 0958"),
    ("Our DPO can help.", "DPO can help"),
    ("收集单位：朝阳区某某社区居委会。", "收集单位：朝阳区某某社区居委会"),
    ("联系电话：010-12345678", "联系电话：010-12345678"),
    ("如有疑问请拨打13812345678。", "13812345678"),
    ("本表由某某物业公司收集。", "由某某物业公司收集"),
    ("聯繫人：王先生", "聯繫人：王先生"),
]


@pytest.mark.parametrize(("text", "expected"), CONTROLLER_CASES)
def test_controller_phrase_is_found(text: str, expected: str) -> None:
    assert analyse_notice(Notice(text=text)).controller == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please fill in your name.",
        "Updated 2022-03-21.",
        "体温37.2度以下方可进入。",
        "The dpo field is optional.",
        # A heading with nothing after it names nobody.
        "联系电话：。数据保存14天后删除。",
        "联系人：\n数据保存14天后删除。",
        "This form is collected by. Thank you.",
        "Contact:   \nWe keep your answers for 14 days.",
        "Responsable du traitement : .",
    ],
)
def test_no_controller(text: str) -> None:
    assert analyse_notice(Notice(text=text)).controller is None


# --- recipients -------------------------------------------------------------------

RECIPIENT_CASES = [
    ("Answers are shared with the local health department.", ("the local health department",)),
    ("We may share your data with the county CDC for tracing.", ("the county CDC",)),
    ("Records are disclosed to the police on request.", ("the police",)),
    ("The list is reported to the CDC by email.", ("the CDC",)),
    ("Lists are passed on to the district office, daily.", ("the district office",)),
    ("The list is sent to the health bureau.", ("the health bureau",)),
    ("Data is transferred to servers in Singapore.", ("servers in Singapore",)),
    ("信息将提供给街道办事处。", ("街道办事处",)),
    ("信息将报送区卫健委、疾控中心。", ("区卫健委", "疾控中心")),
    ("資料將提供給衛生署。", ("衛生署",)),
    ("Data will not be shared with anyone.", ()),
    ("Your answers are not disclosed to third parties.", ()),
    ("No third party receives your answers.", ()),
    ("我们不会提供给任何第三方。", ()),
    ("信息不向第三方提供。", ()),
    ("信息不对外提供。", ()),
    ("Data will not be shared with anyone except the county CDC.", ("the county CDC",)),
    ("信息除疾控中心外不对外提供。", ("疾控中心",)),
    ("Shared with the CDC. Not disclosed to anyone else.", ("the CDC",)),
    ("We collect your name and phone number.", None),
    ("请如实上报您的体温。", None),
    ("A reminder is sent to you by SMS.", None),
    ("We do not sell your data.", None),
]


@pytest.mark.parametrize(("text", "expected"), RECIPIENT_CASES)
def test_recipients_from_text(text: str, expected: tuple[str, ...] | None) -> None:
    assert analyse_notice(Notice(text=text)).recipients == expected


def test_silent_notice_has_no_facts() -> None:
    facts = analyse_notice(Notice())
    assert (facts.retention.found, facts.purpose, facts.controller, facts.recipients) == (
        False,
        None,
        None,
        None,
    )
    assert facts.no_other_use is False


@pytest.mark.parametrize("text", [
    "为做好疫情防控工作，请如实填写以下信息。",
    "For epidemic prevention and control, owners must fill in the following.",
    "We collect your name only for NHS Test and Trace contact tracing.",
])
def test_purpose_phrases_from_the_samples_are_found(text: str) -> None:
    assert analyse_notice(Notice(text=text)).purpose is not None


@pytest.mark.parametrize("text, days, vague, kind", [
    ("本信息保存30天", 30, False, "period"),
    ("登记信息保存21日后删除", 21, False, "period"),
    ("信息保存2周", 14, False, "period"),
    ("数据保存六个月", 180, False, "period"),
    ("记录保存1年", 365, False, "period"),
    ("所填信息疫情结束后销毁", None, True, "vague"),
    ("信息将在疫情防控结束后删除", None, True, "vague"),
    ("信息将长期保存", None, True, "indefinite"),
    ("信息永久保存", None, True, "indefinite"),
])
def test_chinese_retention_phrases_from_real_forms(text: str, days: int | None, vague: bool, kind: str) -> None:
    fact = analyse_notice(Notice(text=text)).retention
    assert (fact.found, fact.days, fact.vague, fact.kind) == (True, days, vague, kind)


@pytest.mark.parametrize("text", ["信息不会用于其他用途。", "仅用于疫情防控。"])
def test_chinese_no_other_use_phrases(text: str) -> None:
    assert analyse_notice(Notice(text=text)).no_other_use


# (text, rights statement found) — PIPL Art. 17(1)(3), GDPR Art. 13(2)(b)
RIGHTS_CASES = [
    ("You have the right to access and correct your data.", "right to access"),
    ("You can ask us to delete your record.", "ask us to delete"),
    ("To withdraw your consent, write to privacy@example.org.", "withdraw your consent"),
    ("您可以查阅、复制、更正您的信息。", "查阅"),
    ("您可以撤回同意。", "撤回同意"),
    ("您有权要求删除您的信息。", "有权要求删除"),
    ("We keep the record for 21 days and then delete it.", None),
    ("信息保存21天后删除。", None),
    ("We collect your name for contact tracing.", None),
]


@pytest.mark.parametrize(("text", "expected"), RIGHTS_CASES)
def test_rights_statement(text: str, expected: str | None) -> None:
    assert analyse_notice(Notice(text=text)).rights == expected


# (text, publication statement found) — CAC notice 2020-02-09, PIPL Art. 25
PUBLICATION_CASES = [
    ("The list of visitors will be posted on the notice board.", "posted on"),
    ("Your name will be published.", "published"),
    ("登记名单将在小区公示。", "公示"),
    ("确诊人员信息将予以公布。", "公布"),
    ("Your details will not be published.", None),
    ("信息不会公开。", None),
    ("未经本人同意不得公布姓名。", None),
]


@pytest.mark.parametrize(("text", "expected"), PUBLICATION_CASES)
def test_publication_statement(text: str, expected: str | None) -> None:
    assert analyse_notice(Notice(text=text)).publication == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("收集健康信息前将征得您的单独同意。", "单独同意"),
    ("We ask for your explicit consent to record your temperature.", "explicit consent"),
    ("I have read and agree.", None),
])
def test_separate_consent_statement(text: str, expected: str | None) -> None:
    assert analyse_notice(Notice(text=text)).separate_consent == expected


# --- Spanish, Portuguese, French and German ------------------------------------------
# (text, fact, expected); "retention" compares (kind, days), the rest the fact itself.

SPANISH_CASES = [
    ("Conservamos sus datos durante 21 días.", "retention", ("period", 21)),
    ("Sus datos se eliminarán a los 28 dias.", "retention", ("period", 28)),
    ("Los datos se conservarán durante dos semanas.", "retention", ("period", 14)),
    ("Los registros se guardan seis meses.", "retention", ("period", 180)),
    ("Conservaremos la información un año.", "retention", ("period", 365)),
    ("Plazo de conservación: veintiún días.", "retention", ("period", 21)),
    ("Borraremos las hojas tras treinta días.", "retention", ("period", 30)),
    ("Los datos se conservarán mientras sea necesario.", "retention", ("vague", None)),
    ("Conservamos los datos el tiempo necesario.", "retention", ("vague", None)),
    ("Los datos se suprimirán hasta el fin de la pandemia.", "retention", ("vague", None)),
    ("Las hojas se destruyen al final de la pandemia.", "retention", ("vague", None)),
    ("Los datos se conservarán indefinidamente.", "retention", ("indefinite", None)),
    ("Los datos se almacenan permanentemente.", "retention", ("indefinite", None)),
    ("Los datos se eliminarán permanentemente al terminar el evento.", "retention", ("criteria", None)),
    ("Guardamos los lugares visitados en los últimos 14 días.", "retention", (None, None)),
    ("Conservamos si tuvo síntomas hace 14 días.", "retention", (None, None)),
    ("Se guardan los datos de mayores de 18 años.", "retention", (None, None)),
    ("El evento dura 30 días.", "retention", (None, None)),
    ("Finalidad: rastreo de contactos.", "purpose", "Finalidad: rastreo de contactos"),
    ("Sus datos se utilizarán únicamente para el rastreo.", "purpose", "se utilizarán únicamente para el rastreo"),
    ("Recogemos su nombre con el fin de avisarle.", "purpose", "con el fin de avisarle"),
    ("Los datos no se utilizarán para otros fines.", "purpose", None),
    ("Los datos no se utilizarán para otros fines.", "no_other_use", True),
    ("Responsable del tratamiento: Café Central S.L.", "controller", "Responsable del tratamiento: Café Central S.L"),
    ("Contacto: privacidad@cafecentral.es", "controller", "Contacto: privacidad@cafecentral.es"),
    ("Guarde sus datos de contacto.", "controller", None),
    ("Los datos se comunicarán a las autoridades sanitarias si lo solicitan.", "recipients", ("las autoridades sanitarias",)),
    ("Los datos no se cederán a terceros.", "recipients", ()),
    ("No se comunicarán a terceros, salvo a la Consejería de Sanidad.", "recipients", ("la Consejería de Sanidad",)),
    ("Tiene derecho de acceso, rectificación y supresión.", "rights", "derecho de acceso"),
    ("Puede retirar su consentimiento en cualquier momento.", "rights", "retirar su consentimiento"),
    ("Pedimos su consentimiento explícito.", "separate_consent", "consentimiento explícito"),
    ("La lista se publicará en la web.", "publication", "se publicará"),
    ("Sus datos no se publicarán.", "publication", None),
]

PORTUGUESE_CASES = [
    ("Os dados são conservados por 30 dias.", "retention", ("period", 30)),
    ("Os dados serão apagados após duas semanas.", "retention", ("period", 14)),
    ("Os registos são armazenados durante seis meses.", "retention", ("period", 180)),
    ("Mantemos os dados por um ano.", "retention", ("period", 365)),
    ("Os dados serão excluídos após vinte e um dias.", "retention", ("period", 21)),
    ("Prazo de conservação: 21 dias.", "retention", ("period", 21)),
    ("Os dados serão conservados enquanto for necessário.", "retention", ("vague", None)),
    ("Os dados são guardados pelo tempo necessário.", "retention", ("vague", None)),
    ("Os dados são apagados no fim da pandemia.", "retention", ("vague", None)),
    ("Os dados são armazenados indefinidamente.", "retention", ("indefinite", None)),
    ("Armazenamos os locais visitados nos últimos 14 dias.", "retention", (None, None)),
    ("Guardamos se teve sintomas há 14 dias.", "retention", (None, None)),
    ("Finalidade: rastreio de contactos.", "purpose", "Finalidade: rastreio de contactos"),
    ("Os dados são tratados para fins de rastreamento.", "purpose", "tratados para fins de rastreamento"),
    ("Os dados não serão utilizados para outros fins.", "no_other_use", True),
    ("Responsável pelo tratamento: Padaria Lisboa Lda.", "controller", "Responsável pelo tratamento: Padaria Lisboa Lda"),
    ("Contato: privacidade@padaria.com.br", "controller", "Contato: privacidade@padaria.com.br"),
    ("Os dados serão compartilhados com a Secretaria de Saúde.", "recipients", ("a Secretaria de Saúde",)),
    ("Os dados não serão compartilhados.", "recipients", ()),
    ("Tem o direito de acesso aos seus dados.", "rights", "direito de acesso"),
    ("Pode revogar o seu consentimento.", "rights", "revogar o seu consentimento"),
    ("Pedimos o seu consentimento explícito.", "separate_consent", "consentimento explícito"),
    ("A lista será publicada no mural.", "publication", "publicada"),
    ("Os dados não serão publicados.", "publication", None),
]

FRENCH_CASES = [
    ("Vos données sont supprimées après 4 semaines.", "retention", ("period", 28)),
    ("Vos données sont conservées 21 jours.", "retention", ("period", 21)),
    ("Les fiches sont détruites après quatre semaines.", "retention", ("period", 28)),
    ("Les données sont conservées six mois.", "retention", ("period", 180)),
    ("Durée de conservation : un an.", "retention", ("period", 365)),
    ("Les données sont effacées au bout de vingt et un jours.", "retention", ("period", 21)),
    ("Les données sont conservées aussi longtemps que nécessaire.", "retention", ("vague", None)),
    ("Les données sont conservées pour la durée nécessaire.", "retention", ("vague", None)),
    ("Les fiches seront détruites jusqu’à la fin de l’epidemie.", "retention", ("vague", None)),
    ("Les fiches sont détruites à la fin de l'épidémie.", "retention", ("vague", None)),
    ("Les données sont conservées indéfiniment.", "retention", ("indefinite", None)),
    ("Les données sont conservées définitivement.", "retention", ("indefinite", None)),
    ("Les données sont supprimées définitivement après l'événement.", "retention", ("criteria", None)),
    ("Nous conservons les lieux visités au cours des 14 derniers jours.", "retention", (None, None)),
    ("Nous conservons les lieux visités ces derniers 14 jours.", "retention", (None, None)),
    ("Finalité : suivi des contacts.", "purpose", "Finalité : suivi des contacts"),
    ("Vos données sont utilisées uniquement pour le suivi des contacts.", "purpose",
     "utilisées uniquement pour le suivi des contacts"),
    ("Vos données ne seront pas utilisées à d'autres fins.", "no_other_use", True),
    ("Responsable du traitement : Musée du Lac.", "controller", "Responsable du traitement : Musée du Lac"),
    ("Les données sont transmises à l'Agence régionale de santé.", "recipients", ("l'Agence régionale de santé",)),
    ("Vos données ne seront pas transmises à des tiers.", "recipients", ()),
    ("Vous disposez d'un droit d'accès et de rectification.", "rights", "droit d'accès"),
    ("Nous demandons votre consentement explicite.", "separate_consent", "consentement explicite"),
    ("La liste des visiteurs sera publiée.", "publication", "publiée"),
    ("Vos données ne seront pas publiées.", "publication", None),
    ("Santé publique France est informée.", "publication", None),
]

GERMAN_CASES = [
    ("Ihre Daten werden nach 21 Tagen gelöscht.", "retention", ("period", 21)),
    ("Ihre Daten werden nach 21 Tagen geloescht.", "retention", ("period", 21)),
    ("Die Daten werden vier Wochen aufbewahrt.", "retention", ("period", 28)),
    ("Speicherdauer: sechs Monate.", "retention", ("period", 180)),
    ("Aufbewahrungsfrist: ein Jahr.", "retention", ("period", 365)),
    ("Die Daten werden einundzwanzig Tage gespeichert.", "retention", ("period", 21)),
    ("Die Liste wird nach dreißig Tagen vernichtet.", "retention", ("period", 30)),
    ("Die Daten werden ein halbes Jahr gespeichert.", "retention", ("period", 182)),
    ("Die Daten werden so lange wie nötig gespeichert.", "retention", ("vague", None)),
    ("Die Daten werden bis zum Ende der Pandemie gespeichert.", "retention", ("vague", None)),
    ("Die Daten werden am Ende der Pandemie gelöscht.", "retention", ("vague", None)),
    ("Die Daten werden unbefristet gespeichert.", "retention", ("indefinite", None)),
    ("Die Daten werden dauerhaft gespeichert.", "retention", ("indefinite", None)),
    ("Die Daten werden nach der Veranstaltung dauerhaft gelöscht.", "retention", ("criteria", None)),
    ("Wir speichern die Orte, die Sie in den letzten 14 Tagen besucht haben.", "retention", (None, None)),
    ("Die Daten von Personen ab 18 Jahren werden gespeichert.", "retention", (None, None)),
    ("Zweck: Kontaktnachverfolgung.", "purpose", "Zweck: Kontaktnachverfolgung"),
    ("Die Daten werden ausschließlich zur Kontaktnachverfolgung verwendet.", "purpose",
     "ausschließlich zur Kontaktnachverfolgung verwendet"),
    ("Die Daten werden nicht für andere Zwecke verwendet.", "no_other_use", True),
    ("Die Daten werden nur für 21 Tage gespeichert.", "no_other_use", False),
    ("Verantwortlicher: Gemeinde Bergdorf, Hauptstraße 1.", "controller", "Verantwortlicher: Gemeinde Bergdorf"),
    ("Wir nehmen Kontakt mit Ihnen auf.", "controller", None),
    ("Die Daten werden auf Anforderung an das Gesundheitsamt übermittelt.", "recipients", ("das Gesundheitsamt",)),
    ("Die Daten werden weitergegeben an das Gesundheitsamt.", "recipients", ("das Gesundheitsamt",)),
    ("Ihre Daten werden nicht an Dritte weitergegeben.", "recipients", ()),
    ("Sie haben das Recht auf Auskunft, Berichtigung und Löschung.", "rights", "Recht auf Auskunft"),
    ("Sie können Ihre Einwilligung jederzeit widerrufen.", "rights", "Einwilligung jederzeit widerrufen"),
    ("Wir bitten um Ihre ausdrückliche Einwilligung.", "separate_consent", "ausdrückliche Einwilligung"),
    ("Die Liste wird veröffentlicht.", "publication", "veröffentlicht"),
    ("Ihre Daten werden nicht veröffentlicht.", "publication", None),
]


def _fact(text: str, fact: str) -> object:
    facts = analyse_notice(Notice(text=text))
    if fact == "retention":
        return (facts.retention.kind, facts.retention.days)
    return getattr(facts, fact)


LANGUAGE_CASES = [
    pytest.param(*case, id=f"{language}: {case[0]}")
    for language, cases in (
        ("es", SPANISH_CASES),
        ("pt", PORTUGUESE_CASES),
        ("fr", FRENCH_CASES),
        ("de", GERMAN_CASES),
    )
    for case in cases
]


@pytest.mark.parametrize(("text", "fact", "expected"), LANGUAGE_CASES)
def test_notice_fact_in_spanish_portuguese_french_german(text: str, fact: str, expected: object) -> None:
    assert _fact(text, fact) == expected


@pytest.mark.parametrize(("text", "days"), [
    ("veintiuno", 21), ("vinte e um", 21), ("quatre-vingt-dix", 90), ("soixante et onze", 71),
    ("cent quatre-vingts", 180), ("ciento ochenta", 180), ("einhundertachtzig", 180),
    ("einundzwanzig", 21), ("dreissig", 30), ("zwoelf", 12), ("dieciseis", 16), ("28", 28),
])
def test_number_words(text: str, days: int) -> None:
    assert langs.number(text) == days


def test_loose_accents_outside_and_inside_character_classes() -> None:
    assert langs.loose("días") == "d[íi]as"
    assert langs.loose("[ü']") == "[üu'’]"
    assert langs.loose("Löschung") == "L(?:ö|oe|o)schung"
    assert langs.loose(r"\[é") == r"\[[ée]"


def test_evidence_keeps_the_accents_as_written() -> None:
    assert parse_retention("Conservamos los datos 21 días.").evidence == "21 días"
    assert parse_retention("Conservamos los datos 21 dias.").evidence == "21 dias"


@pytest.mark.parametrize("text", [
    "We stock 30 days of supplies.",
    "Please conserve water for 7 days.",
    "We eliminate queues within 14 days.",
    "The gate is guarded for 30 days.",
])
def test_english_look_alikes_of_retention_words_are_not_retention(text: str) -> None:
    assert parse_retention(text).found is False


def test_one_notice_may_mix_languages() -> None:
    fact = parse_retention("Deleted after 14 days. Vos données sont conservées 21 jours. 信息保存7天。")
    assert (fact.days, fact.evidence) == (21, "21 jours")


@pytest.mark.parametrize("text, days", [
    ("保存" + "9" * 50_000, None),  # digits with no unit after them
    ("保存" + "一" * 50_000, None),
    ("保存" + "9" * 5_000 + "天", 999_999_999),  # more digits than int() reads: the longest period
    ("kept for " + "9" * 5_000 + " days", 999_999_999),
    ("kept for 0000000021 days", 21),
    ("Wir speichern die Daten " + "hundert" * 7 + " Tage.", 999_999_999),  # 100**7 days
    ("conservés " + "vingt " * 8_000 + "x jours", None),
    ("Les données sont conservées quatre-vingt-dix-neuf jours.", 99),
    ("Die Daten werden dreihundertfünfundsechzig Tage gespeichert.", 365),
], ids=lambda value: value[:24] if isinstance(value, str) else str(value))
def test_long_numbers_and_runs_of_number_words(text: str, days: int | None) -> None:
    assert analyse_notice(Notice(text=text)).retention.days == days


def test_long_run_of_spaces_before_a_german_recipient() -> None:
    facts = analyse_notice(Notice(text="Nicht weitergegeben außer an " + " " * 50_000 + "das RKI"))
    assert facts.recipients == ("das RKI",)
    assert analyse_notice(Notice(text="Die Daten werden an  das   RKI  übermittelt.")).recipients == ("das   RKI",)
