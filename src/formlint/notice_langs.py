"""Spanish, Portuguese, French and German wording for the notice analysis.

`formlint.notice` appends these alternatives to its English and Chinese patterns, so
every fact it reads (retention, purpose, controller, recipients, rights, consent,
publication) is read the same way in es, pt, fr and de. The sources are written with
their accents and passed through `loose`, because people type both "días" and "dias",
"Löschung" and "Loeschung", "l'épidémie" and "l’epidemie".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Accented letter -> how people type it without the accent ("ü" as "ue" or "u").
_SPELLINGS = {
    **dict(zip("áàâãéèêëíîïóôõúùûñç", "aaaaeeeeiiiooouuunc")),
    "ä": "ae|a",
    "ö": "oe|o",
    "ü": "ue|u",
    "ß": "ss|s",
    "'": "’",
}
# Outside a character class a letter may stand for two characters; inside one only
# the one-character spellings fit.
_LOOSE_OUTSIDE = {
    char: f"(?:{char}|{spelt})" if "|" in spelt else f"[{char}{spelt}]" for char, spelt in _SPELLINGS.items()
}
_LOOSE_INSIDE = {
    char: char + "".join(s for s in spelt.split("|") if len(s) == 1) for char, spelt in _SPELLINGS.items()
}


def loose(source: str) -> str:
    """Make a pattern source match its accented letters with or without accents."""
    out: list[str] = []
    in_class = escaped = False
    for char in source:
        table = _LOOSE_INSIDE if in_class else _LOOSE_OUTSIDE
        out.append(char if escaped else table.get(char, char))
        if not escaped:
            in_class = (in_class or char == "[") and not (in_class and char == "]")
        escaped = not escaped and char == "\\"
    return "".join(out)


def _phrases(source: str) -> str:
    """Alternatives that each start a word, behind one shared word boundary.

    The boundary lets the regex engine skip positions inside words before it tries
    dozens of alternatives, which keeps these additions cheap on English and Chinese text.
    """
    return rf"\b(?:{loose(source)})"


def fold(text: str) -> str:
    """Lower case without accents, so number words can be looked up however typed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    for spelled, folded in (("ß", "ss"), ("ae", "a"), ("oe", "o"), ("ue", "u"), ("-", " ")):
        plain = plain.replace(spelled, folded)
    return " ".join(plain.split())


# --- retention ---------------------------------------------------------------------

_NUMBER_WORDS = {
    # es
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintiuna": 21,
    "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
    # pt
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8,
    "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14,
    "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17,
    "dezoito": 18, "dezenove": 19, "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40,
    "cinquenta": 50, "sessenta": 60, "oitenta": 80,
    # fr
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "treize": 13, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "quatre-vingt": 80, "quatre-vingts": 80,
    # de: compounds ("einundzwanzig") are read word by word, "und" adding nothing
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_HUNDREDS = ("cien", "ciento", "cem", "cento", "cent", "cents", "hundert")
_CONNECTORS = ("y", "e", "et", "und")
_VALUES = {fold(word): value for word, value in _NUMBER_WORDS.items()} | dict.fromkeys(_CONNECTORS, 0)


def _alternation(words: list[str]) -> str:
    """Longest first, so "veintiuno" is tried before "veinte" and "un"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]", word))) for word in ordered)


_NUMBER_TOKEN = re.compile(_alternation([*_VALUES, *_HUNDREDS]))
_WORD = _alternation([*_NUMBER_WORDS, *_HUNDREDS])
# German joins number words without spaces ("einundzwanzig", "hundertachtzig"). The
# longest spelled periods take five words ("quatre-vingt-dix-neuf", "dreihundertfünfundsechzig");
# an unbounded repeat would try every run of number words to its end from each of its
# words, quadratic on a long run with no unit after it.
_NUMBER = rf"\d+|(?:{_WORD})(?:[\s-]*(?:(?:y|e|et|und)[\s-]*)?(?:{_WORD})){{0,6}}"

_UNITS = (
    r"(?P<day>días?|jours?|(?:werk|arbeits|kalender)?tag(?:e|en|es)?)|(?P<week>semanas?|semaines?|wochen?)"
    r"|(?P<month>meses|mes|mês|mois|monat(?:e|en|s)?)|(?P<year>años?|ans?|années?|jahr(?:e|en|es)?)"
    r"|(?P<hour>horas?|heures?|stunden?)"
)
_DURATION = re.compile(
    loose(rf"\b(?:(?P<half>medio|media|meio|meia|halbe[sn]?)[\s-]+|(?P<num>{_NUMBER})[\s-]+)(?:{_UNITS})\b"),
    re.IGNORECASE,
)
# Trying every number word at every word is slow; most sentences have no unit at all.
_ANY_UNIT = re.compile(loose(rf"\b(?:{_UNITS})\b"), re.IGNORECASE)
UNITS = ("day", "week", "month", "year", "hour")


def durations(sentence: str) -> Iterator[re.Match[str]]:
    """Every "21 días", "vier Wochen" or "un an" in `sentence`."""
    return _DURATION.finditer(sentence) if _ANY_UNIT.search(sentence) else iter(())


# Python's int() refuses strings of more than 4,300 digits (CVE-2020-10735), and no
# period a notice states needs more than nine.
_MAX_DIGITS = 9
HUGE_NUMBER = 10**_MAX_DIGITS - 1


def whole_number(digits: str) -> int:
    """int(digits), full-width digits included, saturating at HUGE_NUMBER."""
    significant = digits.lstrip("0０") or "0"
    return int(significant) if len(significant) <= _MAX_DIGITS else HUGE_NUMBER


def number(text: str) -> int:
    """Parse "21", "veintiuno", "vinte e um", "quatre-vingt-dix" or "einhundertachtzig"."""
    if text.isdigit():
        return whole_number(text)
    value = 0
    for token in _NUMBER_TOKEN.findall(fold(text)):
        if token in _HUNDREDS:
            value = min((value or 1) * 100, HUGE_NUMBER)
        else:
            value += _VALUES[token]
    return value


RETENTION_CONTEXT = _phrases(
    r"conserv(?!e\b|es\b|ed\b|ing\b)\w*|almacen\w*|armazen\w*|mant(?:en|em|er|ém|id)\w*"
    r"|guard(?:a|ar|ará|arán|amos|an|ad[oa]s?|e|en|o)\b|élimin(?!at)\w*|borr(?:a|e|ad)\w*"
    r"|suprim\w*|destru\w*|apag\w*|exclu(?:ir|íd|ímos|irão|em)\w*|stock(?:er|ons|ez|é|ée|és|ées|age)\b"
    r"|gard(?:er|ons|é|ée|és|ées)\b|supprim\w*|suppression|effac\w*|détrui\w*|détruit\w*"
    r"|\w*(?:speicher|aufbewahr|lösch|vernicht)\w*"
)
# Immediately before a number: look-backs ("últimos", "letzten", "il y a"), ages and
# quarantines.
NOT_RETENTION_BEFORE = loose(
    r"\b(?:últim[oa]s|pasad[oa]s|passad[oa]s|previ[oa]s|derniers|dernières|passés|letzten"
    r"|vergangenen|zurückliegenden|vor|seit|hace|há|il\s+y\s+a|depuis|mayores\s+de|menores\s+de"
    r"|maiores\s+de|âgée?s?\s+de|ab|(?:cuarentena|aislamiento|quarentena|isolamento"
    r"|quarantaine|isolement)\s+de|(?:Quarantäne|Isolation)\s+von)\s*$"
)
NOT_RETENTION_AFTER = loose(
    r"\s+(?:atrás|antes|anteriores|previos|précédents|précédant|auparavant|avant|plus\s+tôt"
    r"|zuvor|vorher|vor|alt|de\s+edad|de\s+idade|d'âge|de\s+(?:cuarentena|aislamiento|quarentena"
    r"|isolamento|quarantaine|viaje|viagem|voyage)|d'isolement|(?:in\s+)?Quarantäne|Isolation)\b"
    r"|\s+(?:desde|después\s+de|tras|depois\s+de|após|après|depuis|nach|seit)\s+(?:\w+\s+){0,3}?"
    r"(?:síntomas?|sintomas?|symptômes?|Symptom\w*|contacto|contato|contact|Kontakt|exposición"
    r"|exposição|exposition|Exposition)\b"
)
# "supprimées définitivement" deletes for good; it does not keep for good.
NOT_INDEFINITE = _phrases(
    r"(?:elimin|borr|suprim|destru|apag|exclu|supprim|effac|détrui)\w*\s+(?:de\s+(?:forma|manera"
    r"|modo|maneira)\s+)?(?:permanente(?:mente)?|definitiva(?:mente)?|définitivement)\b"
    r"|(?:permanentemente|definitivamente|définitivement)\s+(?:elimin|borr|suprim|destru|apag"
    r"|exclu|supprim|effac|détrui)\w*|(?:dauerhaft|endgültig)\s+(?:ge)?(?:lösch|vernicht)\w*"
)
INDEFINITE = _phrases(
    r"(?:indefinidamente|permanentemente|de\s+(?:forma|manera|modo)\s+(?:indefinida|permanente)"
    r"|por\s+tiempo\s+indefinido|para\s+siempre|por\s+tempo\s+indeterminado|para\s+sempre"
    r"|indéfiniment|définitivement|pour\s+une\s+durée\s+indéterminée|pour\s+toujours"
    r"|unbefristet|dauerhaft|auf\s+unbestimmte\s+Zeit|für\s+immer|zeitlich\s+unbegrenzt)\b"
)
VAGUE = _phrases(
    r"(?:mientras\s+(?:sea|sean|resulte|resulten)\s+necesari[oa]s?"
    r"|(?:durante\s+)?el\s+tiempo\s+(?:estrictamente\s+)?necesario"
    r"|(?:hasta\s+el|tras\s+el|después\s+del|al)\s+(?:fin|final)\s+de\s+la\s+(?:pandemia|epidemia"
    r"|emergencia\s+sanitaria|crisis\s+sanitaria)"
    r"|enquanto\s+(?:for|forem|seja|sejam)\s+necessári[oa]s?"
    r"|(?:pelo|durante\s+o)\s+(?:período|tempo)\s+(?:estritamente\s+)?necessário"
    r"|(?:até\s+o|após\s+o|depois\s+do|no|ao)\s+(?:fim|final)\s+da\s+(?:pandemia|epidemia|emergência)"
    r"|aussi\s+longtemps\s+que\s+(?:nécessaire|besoin)|(?:pendant\s+)?la\s+durée"
    r"\s+(?:strictement\s+)?nécessaire|le\s+temps\s+nécessaire"
    r"|(?:jusqu'(?:à|a)|après|à)\s+la\s+fin\s+de\s+(?:l'(?:épidémie|pandémie)|la\s+(?:pandémie"
    r"|crise\s+sanitaire))"
    r"|so\s*lange\s+(?:wie\s+)?(?:dies\s+|es\s+)?(?:nötig|notwendig|erforderlich)"
    r"|(?:bis\s+zum|nach\s+dem|am)\s+Ende\s+der\s+(?:Pandemie|Epidemie|Krise)|nach\s+der\s+Pandemie)\b"
)
CRITERIA = _phrases(
    r"(?:hasta|até|jusqu'(?:à|au|aux|a)|bis\s+(?:zum|zur))\s+[\w'-]+(?:\s+[\w'-]+){0,5}"
    r"|(?:una\s+vez|después\s+de|tras|cuando|após|depois\s+d[eoa]|quando|après|une\s+fois"
    r"|lorsque|nach|sobald|wenn)\b[^,.;]{0,60}?\b(?:finalice|finalizad[oa]|termine|terminad[oa]"
    r"|concluid[oa]|término|terminé|terminée|Ende|Abschluss|beendet|abgeschlossen"
    r"|Zweckerfüllung|erfüllt|evento|visita|événement|visite|Veranstaltung|Besuch\w*)\b"
    r"|(?:al|ao)\s+(?:terminar|finalizar|concluir|final\s+d[eoa]l?|fin\s+del?)\s+[\w'-]+(?:\s+[\w'-]+){0,3}"
    r"|à\s+la\s+fin\s+d[eu']\s*[\w'-]+(?:\s+[\w'-]+){0,3}"
    r"|(?:conforme\s+a\s+la\s+(?:ley|normativa)|según\s+(?:la\s+)?(?:ley|normativa|legislación)"
    r"|obligaci(?:ón|ones)\s+legal(?:es)?|plazos?\s+legales?|de\s+acordo\s+com\s+a\s+(?:lei"
    r"|legislação)|obrigaç(?:ão|ões)\s+lega(?:l|is)|prazos?\s+lega(?:l|is)|conformément\s+à"
    r"|obligations?\s+légales?|délais?\s+légaux|gesetzlich\w*|Aufbewahrungspflicht\w*)\b"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}\b"
)

# --- purpose, controller -------------------------------------------------------------

_ONLY = r"(?:únicamente|solo|sólo|solamente|exclusivamente|apenas|somente|unicamente)"
OTHER_USE_DENIED = _phrases(
    r"no\s+(?:se\s+)?(?:\w+\s+){0,2}?(?:utiliz|us|trat|emple|destin)\w*\s+(?:para|con|a|en)"
    r"\s+(?:ningun[oa]?\s+otr[oa]|otr[oa]s?|fines\s+distintos|distint[oa]s)\b"
    r"|não\s+(?:\w+\s+){0,2}?(?:utiliz|us|trat|destin)\w*\s+(?:para|com|em)\s+(?:nenhum[a]?"
    r"\s+outr[oa]|outr[oa]s?|fins\s+diversos)\b"
    r"|ne\s+(?:\S+\s+){0,3}?(?:utilis|trait|employ|exploit)\w*\s+(?:à\s+d'autres|pour\s+d'autres"
    r"|à\s+aucune\s+autre|dans\s+un\s+autre\s+but)\b"
    r"|nicht\s+(?:\S+\s+){0,3}?(?:für|zu)\s+(?:andere|anderen|weitere|weiteren|sonstige"
    r"|sonstigen)\s+Zweck\w*|(?:für|zu)\s+keinen?\s+(?:anderen|weiteren|sonstigen)\s+Zweck\w*"
)
ONLY_USE = _phrases(
    rf"{_ONLY}\s+para\b|(?:uniquement|exclusivement|seulement)\s+(?:pour|à\s+des\s+fins"
    r"|aux\s+fins|dans\s+le\s+cadre)\b"
    r"|(?:ausschließlich|lediglich|nur)\s+(?:zur|zum|zu\s+Zwecken|für\s+(?:die|den|das)\s+(?!Dauer))"
)
# Each alternative is followed by the rest of its clause in `formlint.notice`.
PURPOSE = _phrases(
    r"(?:finalidad(?:es)?|finalidades?|finalités?|Zweck(?:e|en|s)?)\b\s*:?"
    r"|\w+zweck(?:e|en|s)?\b\s*:?"
    r"|con\s+(?:el\s+)?(?:fin|objeto|objetivo|propósito)\s+de\b|a\s+efectos\s+de\b"
    r"|(?:con|para)\s+(?:fines|fins|efeitos)\s+de\b"
    r"|(?:se\s+)?(?:utiliz|us|trat|emple)\w*\s+(?:" + _ONLY + r"\s+)?(?:para|con\s+fines\s+de)\b"
    r"|com\s+(?:[ao]\s+)?(?:finalidade|objetivo|propósito|intuito)\s+de\b"
    rf"|{_ONLY}\s+para\b"
    r"|(?:afin|dans\s+le\s+but)\s+de\b|(?:aux|à\s+des)\s+fins\s+de\b"
    r"|(?:utilisé|traité|collecté|recueilli)e?s?\s+(?:(?:uniquement|exclusivement|seulement)\s+)?"
    r"(?:pour|dans\s+le\s+cadre)\b|(?:uniquement|exclusivement|seulement)\s+(?:pour|dans\s+le\s+cadre)\b"
    r"|(?:ausschließlich|lediglich|nur)\s+(?:zur|zum|zu\s+Zwecken|für\s+(?:die|den|das)\s+(?!Dauer))"
    r"|(?:für|zur|zum)\s+[^\n.;,!?]{1,60}?\s+(?:verwendet|genutzt|verarbeitet|erhoben)\b"
    r"|(?:recogemos|recopilamos|solicitamos|pedimos|coletamos|recolhemos)\b[^.;\n]{0,80}?\bpara\b"
    r"|nous\s+(?:collectons|recueillons|demandons)\b[^.;\n]{0,80}?\b(?:pour|afin)\b"
    r"|wir\s+(?:erheben|erfassen|verarbeiten)\b[^.;\n]{0,80}?\b(?:zur|zum|um)\b"
)
# Followed by ": name" in `formlint.notice`.
CONTROLLER_LABEL = _phrases(r"contacto|contato|Kontakt|responsable|responsável|Ansprechpartner(?:in)?")
# Followed by the rest of the clause in `formlint.notice`.
CONTROLLER = _phrases(
    r"(?:responsable\s+del\s+tratamiento|delegad[oa]\s+de\s+protección\s+de\s+datos"
    r"|(?:recogid|recopilad|recabad)[oa]s\s+por|contáct(?:enos|anos|e\s+con)"
    r"|responsável\s+pelo\s+tratamento|encarregad[oa](?:\s+de\s+dados)?"
    r"|(?:coletad|recolhid)[oa]s\s+(?:por|pel[oa])|entre\s+em\s+contato"
    r"|responsable\s+du\s+traitement|délégué\s+à\s+la\s+protection\s+des\s+données"
    r"|(?:collecté|recueilli)e?s\s+par|contactez(?:-nous)?"
    r"|Verantwortliche[rn]?|Datenschutzbeauftragte[rn]?|(?:erhoben|erfasst)\s+(?:von|durch)"
    r"|kontaktieren\s+Sie)\b"
)

# --- recipients ---------------------------------------------------------------------

_WHO = r"(?P<who>(?:[^\n.;,:!?()]|\.(?=\S)){1,100})"
_TO = r"(?:a|al|à|ao|aos|às|aux|au|com|con|avec|an|mit|para(?=\s+(?:o|a|os|as)\s))"
RECIPIENT = re.compile(
    loose(
        r"\b(?:(?:comunic|ced|compart|transmit|envi|facilit|remit|fornec|repass|partilh)"
        r"(?:ar|er|ir|an|en|ad[oa]s?|id[oa]s?|arán|erán|irán|aremos|eremos|iremos|amos|emos|imos)"
        r"|compartilh\w*|transmis(?:es?)?|communiqu(?:é|ée|és|ées|ons|er)"
        r"|partag(?:é|ée|és|ées|eons|er)"
        r"|envoy(?:é|ée|és|ées|ons|er)|transfér(?:é|ée|és|ées|ons|er)"
        r"|weitergegeben|übermittelt|weitergeleitet|geteilt)"
        rf"(?:\s+(?!{_TO}\b)[\w'-]+){{0,3}}?\s+{_TO}\s+"
    )
    + _WHO,
    re.IGNORECASE,
)
# German puts the verb last: "werden an das Gesundheitsamt übermittelt". The name starts
# and ends with a non-space so no run of spaces is shared between it and a `\s+` (cubic
# on a long run of spaces).
RECIPIENT_VERB_LAST = re.compile(
    loose(r"\b(?:an|mit)\s+(?P<who>[^\s.;,:!?()](?:[^\n.;,:!?()]{0,58}?[^\s.;,:!?()])?)\s+(?:weitergegeben|übermittelt|weitergeleitet"
          r"|übergeben|gemeldet|geteilt|offengelegt)\b"),
    re.IGNORECASE,
)
EXCEPT_RECIPIENT = _phrases(
    r"(?:salvo|excepto|exceto|a\s+excepción\s+de|con\s+excepción\s+de|com\s+exceção\s+d[eoa]s?"
    r"|sauf|à\s+l'exception\s+d(?:es|e|u)|hormis|außer|ausgenommen|mit\s+Ausnahme\s+(?:der|des|von))"
    rf"\s+(?:{_TO}\s+)?(?P<eu>(?:[^\n.;,:!?()]|\.(?=\S)){{1,100}})"
)
NO_RECIPIENTS = _phrases(
    r"no\s+(?:se\s+)?(?:\w+\s+){0,2}?(?:ced|comunic|compart|transmit[iea]|envi[aá]|divulg)\w*"
    r"|não\s+(?:\w+\s+){0,2}?(?:compartilh|partilh|comunic|transmit[iea]|fornec|ced|divulg"
    r"|repass|envi[aá])\w*"
    r"|(?:ne\s+|n')(?:\S+\s+){0,3}?(?:transmi|communiq|partag|céd|divulgu|envoy|transfér)\w*"
    r"|nicht\s+(?:\S+\s+){0,3}?(?:weitergegeben|übermittelt|weitergeleitet|geteilt|offengelegt"
    r"|herausgegeben)|keine\s+Weitergabe|ningún\s+tercero|nenhum\s+terceiro|aucun\s+tiers"
)
NEGATION_BEFORE = re.compile(
    loose(r"\b(?:no|nunca|jamás|não|ne|n'|pas|jamais|nicht|nie|niemals|kein\w*)\b"), re.IGNORECASE
)
RECIPIENT_STOP = loose(
    r"para|por|en\s+caso|si|cuando|que|a\s+petición|previa|mediante|em\s+caso|quando|se|pour"
    r"|sur\s+(?:demande|requête)|en\s+cas|lorsque|qui|afin|dans\s+le\s+cadre|zur|zum|für|auf"
    r"|bei|wenn|falls|sofern|um|nach"
)
NOT_A_RECIPIENT = loose(
    r"^(?:usted|ustedes|ti|vous|você|vocês|Sie|Ihnen|dich|uns|nous|nos|nosotros|través"
    r"|efectos|efeitos|fines|fins|des\s+fins)\b"
)

# --- rights, consent, publication ------------------------------------------------------

RIGHTS = _phrases(
    r"derechos?\s+(?:de|a)\s+(?:acceso|rectificación|supresión|oposición|limitación|portabilidad"
    r"|cancelación)|(?:retirar|revocar|revogar)\s+(?:su\s+|o\s+|seu\s+|el\s+)*consentim\w*"
    r"|ejercer\s+(?:sus|los)\s+derechos|exercer\s+(?:os\s+)?(?:seus\s+)?direitos"
    r"|direitos?\s+(?:de|à|a)\s+(?:acesso|retificação|correção|eliminação|exclusão|portabilidade"
    r"|oposição)|droits?\s+(?:d'(?:accès|opposition|effacement)|de\s+(?:rectification|suppression"
    r"|portabilité|limitation|retrait)|à\s+l'effacement)|retirer\s+(?:votre\s+)?consentement"
    r"|exercer\s+vos\s+droits"
    r"|Recht\w*\s+auf\s+(?:Auskunft|Berichtigung|Löschung|Einschränkung|Widerspruch"
    r"|Datenübertragbarkeit)|(?:Auskunfts|Widerspruchs|Widerrufs)recht"
    r"|Einwilligung\s+(?:\w+\s+){0,2}?widerruf\w*"
)
SEPARATE_CONSENT = _phrases(
    r"consentimiento\s+(?:expreso|explícito)|consentimento\s+(?:expresso|explícito|específico)"
    r"|consentement\s+(?:exprès|explicite|distinct)"
    r"|(?:ausdrückliche|gesonderte|separate)[nr]?\s+Einwilligung"
)
PUBLICATION = _phrases(
    r"(?:(?:se\s+)?publicarán?|publicad[oa]s?|se\s+harán?\s+públic[oa]s?|tornad[oa]s?\s+públic[oa]s?"
    r"|publié(?:e|s|es)?|rendue?s?\s+publique?s?|affiché(?:e|s|es)?|veröffentlicht|ausgehängt"
    r"|öffentlich\s+(?:ausgehängt|gemacht|zugänglich))\b"
)
PUBLICATION_DENIED = loose(r"(?:\bno\b|\bnão\b|\bne\b|\bpas\b|\bnicht\b|\bnunca\b|\bjamais\b|\bnie\b)")
