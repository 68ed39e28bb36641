"""Handing a citizen's message to a municipal unit: reference numbers, personal data
minimised (KVKK: only what the unit needs to act), an e-mail draft (mailto) and a Beyaz
Masa / CİMER note the officer can attach or paste. Pure: no Qt, no I/O.

What leaves the laptop in a forward is the message text with T.C. kimlik numbers, phone
numbers, IBANs and e-mail addresses replaced by a mark, the channel, the time, the category and
the reference number. The person's name and account stay in the app; the unit asks back by
the reference number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote

from kurum_masaustu.rules.timeutil import ISTANBUL
from kurum_masaustu.rules.turkish import search_key

REFERENCE_PREFIX = "KM"
#: Answer deadlines for petitions (3071 sayılı Kanun: 30 days) and information requests
#: (4982 sayılı Kanun: 15 business days).
PETITION_DAYS = 30
INFORMATION_BUSINESS_DAYS = 15

_TCKN_RE = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")
_PHONE_RE = re.compile(r"(?<![\d+])(?:\+?90[\s-]?)?\(?0?5\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)")
_LANDLINE_RE = re.compile(r"(?<![\d+])(?:\+?90[\s-]?)?\(?0[2-4]\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)")
_IBAN_RE = re.compile(r"\bTR(?:[\s-]?\d){24}(?!\d)", re.IGNORECASE)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

MASKS = {
    "tc_kimlik": "[T.C. kimlik no çıkarıldı]",
    "telefon": "[telefon çıkarıldı]",
    "iban": "[IBAN çıkarıldı]",
    "e_posta": "[e-posta çıkarıldı]",
}


def reference_number(item_id: int, received_at: datetime) -> str:
    """The item's reference number ("KM-2026-0000123"): stable, given to the citizen and the unit."""
    year = received_at.astimezone(ISTANBUL).year
    return f"{REFERENCE_PREFIX}-{year}-{item_id:07d}"


@dataclass(frozen=True)
class Minimised:
    text: str
    removed: tuple[str, ...]  # kinds removed, in order of appearance ("telefon", …)


def minimise(text: str) -> Minimised:
    """The text without personal data (KVKK data minimisation) and without control characters."""
    from kurum_masaustu.rules.inbox import is_valid_tckn  # the classifier's module: not at start-up
    spans: list[tuple[int, int, str]] = []

    def add(pattern: re.Pattern[str], kind: str, check: bool = False) -> None:
        for match in pattern.finditer(text):
            if check and not is_valid_tckn(match.group()):
                continue
            if not any(a < match.end() and match.start() < b for a, b, _ in spans):
                spans.append((match.start(), match.end(), kind))

    add(_EMAIL_RE, "e_posta")
    add(_IBAN_RE, "iban")
    add(_TCKN_RE, "tc_kimlik", check=True)
    add(_PHONE_RE, "telefon")
    add(_LANDLINE_RE, "telefon")
    spans.sort()
    out, last = [], 0
    for start, end, kind in spans:
        out.append(text[last:start])
        out.append(MASKS[kind])
        last = end
    out.append(text[last:])
    return Minimised(_CONTROL_RE.sub("", "".join(out)), tuple(kind for _, _, kind in spans))


@dataclass(frozen=True)
class Handoff:
    """What a unit gets about one item."""

    reference: str
    unit_name: str
    received_at: datetime
    channel: str
    category: str
    text: str  # the citizen's text as received (minimised here)
    note: str = ""
    link: str = ""


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(ISTANBUL):%d.%m.%Y %H:%M}"


def forward_mail(handoff: Handoff) -> tuple[str, str]:
    """Subject and body of the e-mail draft to the unit (Turkish; personal data removed)."""
    minimised = minimise(handoff.text)
    subject = f"[{handoff.reference}] Vatandaş bildirimi – {handoff.category}"
    lines = [
        f"Sayın {handoff.unit_name} yetkilisi,",
        "",
        "Kurumumuzun sosyal medya hesaplarına gelen aşağıdaki bildirimi bilgilerinize ve gereğine sunarız.",
        "",
        f"Başvuru no: {handoff.reference}",
        f"Geliş: {_when(handoff.received_at)} – {handoff.channel}",
        f"Konu: {handoff.category}",
        "",
        "Bildirim metni:",
        minimised.text,
    ]
    if minimised.removed:
        lines += ["", "(Kişisel veriler KVKK gereği çıkarılmıştır; gerekirse başvuru no ile sorunuz.)"]
    if handoff.note.strip():
        lines += ["", "Not:", minimise(handoff.note).text]
    if handoff.link:
        lines += ["", f"Bağlantı: {handoff.link}"]
    lines += ["", "Sonuç bilgisini başvuru numarasıyla iletmenizi rica ederiz.", "", "Sosyal Medya Birimi"]
    return subject, "\n".join(lines)


def mailto_url(to: str, subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) with the subject and body filled in; CRLF line breaks."""
    address = quote(to.strip(), safe="@.+-_")
    query = f"subject={quote(subject, safe='')}&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}"
    return f"mailto:{address}?{query}"


def add_business_days(start: date, days: int, closed: Iterable[date] = ()) -> date:
    """The date ``days`` business days after ``start`` (weekends and ``closed`` days skipped)."""
    closed_days = set(closed)
    day = start
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed_days:
            left -= 1
    return day


def legal_deadlines(received: date, closed: Iterable[date] = ()) -> tuple[date, date]:
    """(petition deadline under 3071, information-request deadline under 4982)."""
    return received + timedelta(days=PETITION_DAYS), add_business_days(received, INFORMATION_BUSINESS_DAYS, closed)


def official_note(handoff: Handoff, closed: Iterable[date] = ()) -> str:
    """A Beyaz Masa / CİMER record note: one field a line, ready to attach or paste."""
    minimised = minimise(handoff.text)
    received = handoff.received_at.astimezone(ISTANBUL).date()
    petition, information = legal_deadlines(received, closed)
    lines = [
        "BEYAZ MASA / CİMER KAYIT NOTU",
        f"Başvuru no: {handoff.reference}",
        f"Başvuru tarihi: {_when(handoff.received_at)}",
        f"Başvuru kanalı: Sosyal medya – {handoff.channel}",
        f"Konu türü: {handoff.category}",
        f"İlgili birim: {handoff.unit_name}",
        f"Yanıt süresi (3071, dilekçe): {petition:%d.%m.%Y}",
        f"Yanıt süresi (4982, bilgi edinme): {information:%d.%m.%Y}",
        "",
        "Başvuru metni (kişisel veriler çıkarılmıştır):",
        minimised.text,
    ]
    if handoff.note.strip():
        lines += ["", "Birim notu:", minimise(handoff.note).text]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class UnitKeywords:
    unit_id: int
    name: str
    keywords: Sequence[str]


def suggest_units(text: str, units: Sequence[UnitKeywords]) -> list[int]:
    """Units whose keywords appear in the text, Turkish-folded, most hits first.

    A keyword of four letters or more matches the beginning of a word (Turkish suffixes:
    "çukur" finds "çukurlar"); a shorter one only a whole word ("su" is not "sunum").
    """
    words = re.findall(r"\w+", search_key(text))
    folded_text = " ".join(words)
    scored = []
    for order, unit in enumerate(units):
        hits = 0
        for keyword in unit.keywords:
            key = " ".join(re.findall(r"\w+", search_key(keyword)))
            tail = "" if len(key) >= 4 else r"(?!\w)"
            if key and re.search(rf"(?<!\w){re.escape(key)}{tail}", folded_text):
                hits += 1
        if hits:
            scored.append((-hits, order, unit.unit_id))
    return [unit_id for _, _, unit_id in sorted(scored)]
