"""Field -> category: the lexicon in seven languages, keys, negatives and precedence."""

from __future__ import annotations

import pytest

from formlint import classify as classify_module
from formlint.classify import classify, classify_all
from formlint.model import Field
from formlint.taxonomy import load_taxonomy


def _field(
    key: str = "q",
    lang: str = "en",
    label: str = "",
    type: str | None = None,
    autocomplete: str | None = None,
) -> Field:
    return Field(
        key=key,
        label={lang: label} if label else {},
        type=type,
        autocomplete=autocomplete,
    )


# (key, label language, label, expected category)
EN = [
    ("q1", "en", "Name", "identity.name"),
    ("q1", "en", "Full name", "identity.name"),
    ("q1", "en", "Phone number", "contact.phone"),
    ("q1", "en", "Date of visit", "event.visit_time"),
    ("q1", "en", "Arrival time", "event.visit_time"),
    ("q1", "en", "Departure time (if known)", "event.visit_time"),
    ("q1", "en", "Number in party", "event.party_size"),
    ("q1", "en", "Emergency contact phone", "contact.emergency_contact"),
    ("q1", "en", "Date of birth", "identity.date_of_birth"),
    ("q1", "en", "Blood group", "health.blood_type"),
    ("q1", "en", "Are you a party member?", "special.political"),
    ("q1", "en", "Home address", "contact.address"),
    ("q1", "en", "WeChat ID", "contact.messaging_id"),
    ("q1", "en", "Body temperature (°C)", "health.condition"),
    ("q1", "en", "Places visited in the last 14 days", "location.travel_history"),
    ("q1", "en", "House size (m²)", "financial.property"),
    ("q1", "en", "E-mail address", "contact.email"),
    ("q1", "en", "Passport No.", "identity.government_id"),
    ("q1", "en", "Relationship to you", "social.household"),
    ("q1", "en", "Highest degree obtained", "social.education"),
    ("q1", "en", "Table number", "event.visit_details"),
    ("q1", "en", "Any other comments?", "content.free_text"),
    ("q1", "en", "Medicine bought", "health.condition"),
    ("q1", "en", "I agree to the terms", "consent.acknowledgement"),
]

ZH_HANS = [
    ("q1", "zh", "姓名", "identity.name"),
    ("q1", "zh", "手机号", "contact.phone"),
    ("q1", "zh", "联系电话", "contact.phone"),
    ("q1", "zh", "身份证号", "identity.government_id"),
    ("q1", "zh", "在京住址", "contact.address"),
    ("q1", "zh", "民族", "special.ethnicity"),
    ("q1", "zh", "政治面貌", "special.political"),
    ("q1", "zh", "是否党员", "special.political"),
    ("q1", "zh", "文化程度", "social.education"),
    ("q1", "zh", "身高", "health.body_measurements"),
    ("q1", "zh", "体重（公斤）", "health.body_measurements"),
    ("q1", "zh", "血型", "health.blood_type"),
    ("q1", "zh", "婚否", "social.marital_status"),
    ("q1", "zh", "微信号", "contact.messaging_id"),
    ("q1", "zh", "住房面积", "financial.property"),
    ("q1", "zh", "近14天去过哪些地方", "location.travel_history"),
    ("q1", "zh", "所在小区", "contact.address"),
    ("q1", "zh", "同住人员", "social.household"),
    ("q1", "zh", "与本人关系", "social.household"),
    ("q1", "zh", "每日体温", "health.condition"),
    ("q1", "zh", "是否发热、咳嗽", "health.condition"),
    ("q1", "zh", "疫苗接种情况", "health.vaccination"),
    ("q1", "zh", "当前位置", "location.precise"),
    ("q1", "zh", "进入时间", "event.visit_time"),
    ("q1", "zh", "同行人数", "event.party_size"),
    ("q1", "zh", "来访事由", "event.visit_details"),
    # A pharmacy purchase reveals health (CJEU C-21/23 Lindenapotheke); its time does not.
    ("q1", "zh", "所购药品", "health.condition"),
    ("q1", "zh", "购药时间", "event.visit_time"),
    ("q1", "zh", "备注", "content.free_text"),
    ("q1", "zh", "我已阅读并同意隐私政策", "consent.acknowledgement"),
    ("q1", "zh", "工作单位名称", "social.occupation"),
    ("q1", "zh", "月收入", "financial.income"),
    ("q1", "zh", "银行卡号", "financial.account"),
    ("q1", "zh", "车牌号", "identity.vehicle"),
    ("q1", "zh", "免冠照片", "identity.photo"),
    ("q1", "zh", "人脸识别", "biometric.data"),
    ("q1", "zh", "出生年月", "identity.date_of_birth"),
    ("q1", "zh", "户籍所在地", "identity.residence_status"),
    ("q1", "zh", "宗教信仰", "special.religion"),
    ("q1", "zh", "有无违法犯罪记录", "special.criminal_record"),
    ("q1", "zh", "设备号", "online.device_id"),
    ("q1", "zh", "本人签字", "identity.signature"),
]

ZH_HANT = [
    ("q1", "zh-Hant", "身份證號碼", "identity.government_id"),
    ("q1", "zh-TW", "身分證字號", "identity.government_id"),
    ("q1", "zh-Hant", "聯絡電話", "contact.phone"),
    ("q1", "zh-Hant", "電子郵件", "contact.email"),
    ("q1", "zh-Hant", "緊急聯絡人", "contact.emergency_contact"),
    ("q1", "zh-Hant", "體溫", "health.condition"),
    ("q1", "zh-Hant", "婚姻狀況", "social.marital_status"),
    ("q1", "zh-Hant", "學歷", "social.education"),
    ("q1", "zh-Hant", "車牌號碼", "identity.vehicle"),
    ("q1", "zh-Hant", "疫苗接種", "health.vaccination"),
    ("q1", "zh-Hant", "銀行帳號", "financial.account"),
    ("q1", "zh-Hant", "行程軌跡", "location.travel_history"),
    ("q1", "zh-Hant", "職業", "social.occupation"),
]

ES = [
    ("q1", "es", "Nombre completo", "identity.name"),
    ("q1", "es", "Número de teléfono", "contact.phone"),
    ("q1", "es", "Correo electrónico", "contact.email"),
    ("q1", "es", "Fecha de nacimiento", "identity.date_of_birth"),
    ("q1", "es", "DNI / NIE", "identity.government_id"),
    ("q1", "es", "Dirección", "contact.address"),
    ("q1", "es", "Grupo sanguíneo", "health.blood_type"),
    ("q1", "es", "Estado civil", "social.marital_status"),
    ("q1", "es", "Número de personas", "event.party_size"),
    ("q1", "es", "Hora de llegada", "event.visit_time"),
    ("q1", "es", "Observaciones", "content.free_text"),
    ("q1", "es", "Firma", "identity.signature"),
]

PT = [
    ("q1", "pt-BR", "Nome completo", "identity.name"),
    ("q1", "pt-BR", "Telefone celular", "contact.phone"),
    ("q1", "pt-BR", "CPF", "identity.government_id"),
    ("q1", "pt-BR", "Data de nascimento", "identity.date_of_birth"),
    ("q1", "pt-PT", "Morada", "contact.address"),
    ("q1", "pt-BR", "Tipo sanguíneo", "health.blood_type"),
    ("q1", "pt-BR", "Escolaridade", "social.education"),
    ("q1", "pt-BR", "Renda mensal", "financial.income"),
    ("q1", "pt-BR", "Cor ou raça", "special.ethnicity"),
    ("q1", "pt-BR", "Religião", "special.religion"),
    ("q1", "pt-BR", "Hora de chegada", "event.visit_time"),
]

FR = [
    ("q1", "fr", "Nom et prénom", "identity.name"),
    ("q1", "fr", "Numéro de téléphone", "contact.phone"),
    ("q1", "fr", "Adresse e-mail", "contact.email"),
    ("q1", "fr", "Date de naissance", "identity.date_of_birth"),
    ("q1", "fr", "Pièce d'identité", "identity.government_id"),
    ("q1", "fr", "Groupe sanguin", "health.blood_type"),
    ("q1", "fr", "Situation familiale", "social.marital_status"),
    ("q1", "fr", "Nombre de personnes", "event.party_size"),
    ("q1", "fr", "Heure d'arrivée", "event.visit_time"),
    ("q1", "fr", "Numéro de table", "event.visit_details"),
    ("q1", "fr", "Casier judiciaire", "special.criminal_record"),
]

DE = [
    ("q1", "de", "Vor- und Nachname", "identity.name"),
    ("q1", "de", "Telefonnummer", "contact.phone"),
    ("q1", "de", "E-Mail-Adresse", "contact.email"),
    ("q1", "de", "Anschrift", "contact.address"),
    ("q1", "de", "Geburtsdatum", "identity.date_of_birth"),
    ("q1", "de", "Personalausweisnummer", "identity.government_id"),
    ("q1", "de", "Blutgruppe", "health.blood_type"),
    ("q1", "de", "Familienstand", "social.marital_status"),
    ("q1", "de", "Uhrzeit Kommen", "event.visit_time"),
    ("q1", "de", "Tischnummer", "event.visit_details"),
    ("q1", "de", "Anzahl der Personen", "event.party_size"),
    ("q1", "de", "Firma", "social.occupation"),
]

KEYS = [
    ("dateOfBirth", "en", "", "identity.date_of_birth"),
    ("IDNumber", "en", "", "identity.government_id"),
    ("blood_type", "en", "", "health.blood_type"),
    ("marital-status", "en", "", "social.marital_status"),
    ("contact.phone_number", "en", "", "contact.phone"),
    ("household.members.name", "en", "", "identity.name"),
    ("weChatId", "en", "", "contact.messaging_id"),
    ("emergencyContactPhone", "en", "", "contact.emergency_contact"),
    ("arrival_time", "en", "", "event.visit_time"),
    ("address_line1", "en", "", "contact.address"),
    ("user.password", "en", "", "online.credentials"),
    ("zipCode", "en", "", "contact.address"),
    ("firstname", "en", "", "identity.name"),
    ("ＤＯＢ", "en", "", "identity.date_of_birth"),
    ("身份证号", "en", "", "identity.government_id"),
    ("firma", "en", "", "identity.signature"),  # untagged homograph: YAML order
]

WIDTH_AND_ACCENTS = [
    ("q1", "zh", "ＩＤ号", "identity.government_id"),
    ("q1", "en", "Ｐｈｏｎｅ", "contact.phone"),
    ("q1", "zh", "手机号：", "contact.phone"),
    ("q1", "es", "Telefono", "contact.phone"),
    ("q1", "fr", "Prenom", "identity.name"),
    ("q1", "de", "STRASSE", "contact.address"),
]

NEGATIVES = [
    ("q1", "en", "Rename the file", "unknown"),
    ("q1", "en", "Username", "online.credentials"),
    ("q1", "en", "Building name", "contact.address"),
    ("q1", "en", "Name of the building", "contact.address"),
    ("q1", "en", "Company name", "social.occupation"),
    ("q1", "en", "Product name", "unknown"),
    ("q1", "zh", "小区名称", "contact.address"),
    ("q1", "zh", "单位名称", "social.occupation"),
    ("q1", "zh", "楼栋名称", "contact.address"),
    ("q1", "zh", "紧急联系人电话", "contact.emergency_contact"),
    ("q1", "en", "Email address", "contact.email"),
    ("q1", "zh", "邮箱地址", "contact.email"),
    ("q1", "zh", "MAC地址", "online.device_id"),
    ("q1", "en", "Agency", "unknown"),
    ("q1", "zh", "图形验证码", "none"),
    ("q1", "zh", "同住人数", "social.household"),
    ("q1", "en", "Sex / age", "identity.age"),  # equal length: earlier YAML category
]

TABLE = (
    EN + ZH_HANS + ZH_HANT + ES + PT + FR + DE + KEYS + WIDTH_AND_ACCENTS + NEGATIVES
)


@pytest.mark.parametrize("key,lang,label,expected", TABLE, ids=lambda v: str(v))
def test_lexicon_table(key: str, lang: str, label: str, expected: str) -> None:
    assert classify(_field(key, lang, label)).category == expected


@pytest.mark.parametrize(
    "rows",
    [EN, ZH_HANS, ZH_HANT, ES, PT, FR, DE],
    ids=["en", "zh", "zh-hant", "es", "pt", "fr", "de"],
)
def test_table_has_at_least_eight_rows_per_language(
    rows: list[tuple[str, str, str, str]],
) -> None:
    assert len(rows) >= 8


# ------------------------------------------------------------ confidence and evidence


def test_whole_label_match() -> None:
    result = classify(_field(lang="zh", label="血型"))
    assert result.confidence == 0.9
    assert result.source == "label"
    assert result.evidence == 'label "血型" matched term "血型" (zh)'


def test_partial_label_match_is_less_sure() -> None:
    result = classify(_field(lang="zh", label="请填写您的血型"))
    assert (result.category, result.confidence) == ("health.blood_type", 0.8)


def test_key_only_match() -> None:
    result = classify(_field(key="dateOfBirth"))
    assert (result.confidence, result.source) == (0.75, "key")
    assert result.evidence == 'key "dateOfBirth" matched term "date of birth" (en)'


def test_key_and_label_agree() -> None:
    result = classify(_field(key="blood_type", lang="zh", label="血型"))
    assert (result.category, result.confidence, result.source) == (
        "health.blood_type",
        0.95,
        "label",
    )
    assert 'label "血型"' in result.evidence and 'key "blood_type"' in result.evidence


def test_label_wins_over_disagreeing_key_and_evidence_names_both() -> None:
    # The key names something else than the label, not more of it ("emergency
    # contact phone" over "Phone" says whose phone: test_classify_reading).
    result = classify(_field(key="emergency_contact_email", label="Phone"))
    assert (result.category, result.confidence) == ("contact.phone", 0.9)
    assert "contact.emergency_contact" in result.evidence
    assert 'label "Phone"' in result.evidence


def test_the_default_language_label_decides_over_its_translations() -> None:
    field = Field(
        key="q",
        label={
            "en": "How many eggs does your household sell?",
            "sw": "Ni mayai mangapi kaya yako huuza?",
            "fr": "Combien d'oeufs votre famille vend-elle ?",
        },
    )
    assert classify(field).category == "none"


def test_translations_decide_when_the_default_label_names_nothing() -> None:
    field = Field(key="q", label={"en": "Question 7", "zh": "紧急联系人电话"})
    assert classify(field).category == "contact.emergency_contact"


def test_of_several_translations_one_alone_does_not_decide() -> None:
    alone = {"en": "Question 7", "sw": "Wanakaya", "fr": "Question sept"}
    agreed = {**alone, "fr": "Membres du ménage"}
    assert classify(Field(key="q", label=alone)).category == "unknown"
    assert classify(Field(key="q", label=agreed)).category == "social.household"


def test_hint_is_not_used() -> None:
    field = Field(key="q", label={"en": "Question 3"}, hint="Your phone number")
    assert classify(field).category == "unknown"


def test_label_language_picks_the_homograph() -> None:
    assert classify(_field(lang="de", label="Firma")).category == "social.occupation"
    assert classify(_field(lang="es", label="Firma")).category == "identity.signature"


def test_wrongly_tagged_label_still_matches() -> None:
    result = classify(_field(lang="en", label="Número de teléfono"))
    assert result.category == "contact.phone"
    assert "(es)" in result.evidence


# -------------------------------------------------------------------- precedence


def test_annotation_wins() -> None:
    field = Field(key="phone", label={"en": "Phone"}, category="health.condition")
    result = classify(field)
    assert (result.category, result.confidence, result.source) == (
        "health.condition",
        1.0,
        "annotation",
    )


def test_annotation_none() -> None:
    result = classify(Field(key="q", label={"en": "Name"}, category="none"))
    assert (result.category, result.source) == ("none", "annotation")


def test_unknown_annotation_is_not_guessed() -> None:
    result = classify(
        Field(key="blood", label={"en": "Blood type"}, category="health.bloodtype")
    )
    assert (result.category, result.confidence, result.source) == (
        "unknown",
        0.0,
        "annotation",
    )
    assert 'did you mean "health.blood_type"' in result.evidence


@pytest.mark.parametrize(
    "autocomplete,expected",
    [
        ("section-a shipping tel", "contact.phone"),
        ("billing country-name", "contact.address"),
        ("bday-month", "identity.date_of_birth"),
        ("cc-number", "financial.account"),
        ("username webauthn", "online.credentials"),
        ("TRANSACTION-AMOUNT", "none"),
        ("organization-title", "social.occupation"),
    ],
)
def test_autocomplete(autocomplete: str, expected: str) -> None:
    result = classify(_field(label="Something", autocomplete=autocomplete))
    assert (result.category, result.confidence, result.source) == (
        expected,
        0.95,
        "autocomplete",
    )


def test_autocomplete_beats_label() -> None:
    assert (
        classify(_field(label="Name", autocomplete="email")).category == "contact.email"
    )


def test_meaningless_autocomplete_falls_through_to_label() -> None:
    result = classify(_field(label="Phone", autocomplete="off"))
    assert (result.category, result.source) == ("contact.phone", "label")


@pytest.mark.parametrize(
    "type_,expected",
    [
        ("email", "contact.email"),
        ("image", "identity.photo"),
        ("signature", "identity.signature"),
        ("date-of-birth", "identity.date_of_birth"),
        ("consent", "consent.acknowledgement"),
    ],
)
def test_type_when_nothing_else_matched(type_: str, expected: str) -> None:
    result = classify(_field(label="Please fill in", type=type_))
    assert (result.category, result.confidence, result.source) == (
        expected,
        0.6,
        "type",
    )


def test_lexicon_beats_type() -> None:
    assert classify(_field(label="Name", type="email")).category == "identity.name"


@pytest.mark.parametrize("type_", ["geopoint", "geotrace", "geoshape"])
def test_a_position_type_beats_the_label(type_: str) -> None:
    result = classify(_field(label="Where is the building?", type=type_))
    assert (result.category, result.confidence, result.source) == (
        "location.precise",
        0.9,
        "type",
    )


def test_generic_type_is_not_mapped() -> None:
    assert classify(_field(label="Please fill in", type="text")).category == "unknown"


def test_unknown() -> None:
    result = classify(_field(key="q7", label="Favourite colour"))
    assert result == classify_module._NOTHING
    assert (result.category, result.confidence, result.source) == (
        "unknown",
        0.0,
        "none",
    )
    assert result.evidence == "no term, annotation or type matched"
    assert not result.known


def test_empty_field_is_unknown() -> None:
    assert classify(Field(key="", label={})).category == "unknown"


def test_classify_all_keeps_order() -> None:
    fields = [
        _field(label="Name"),
        _field(lang="zh", label="血型"),
        _field(label="Colour"),
    ]
    assert [c.category for c in classify_all(fields)] == [
        "identity.name",
        "health.blood_type",
        "unknown",
    ]


def test_explicit_taxonomy_argument() -> None:
    assert classify(_field(label="Name"), load_taxonomy()).category == "identity.name"
