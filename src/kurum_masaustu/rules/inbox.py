"""Sorting citizens' messages, and checking the tone of our replies: transparent Turkish rules.

Everything here is pure, offline and deterministic. The words come from a project-authored
lexicon (``resources/inbox/lexicon.json``, parsed by :func:`load_lexicon`); the rules below say
how they combine. Every decision carries the words and rules that made it (``reasons``), short
Turkish tokens the officer sees beside the message.

How a message is read (design in ``reference/domain_tr.md`` §4.4):

* Text is NFC-normalised, lower-cased by Turkish rules and ASCII-folded, so "ÇÖP", "çöp" and
  "cop" meet; suffixes after an apostrophe are dropped ("Belediye'nin" → "belediye"); runs of
  three or more equal letters shrink to one ("bıktııık" → "biktik").
* Lexicon roots match by prefix (Turkish is suffixing); ``word=`` matches a whole token.
* Topic words (çöp, çukur, su …) only route the message to a unit; they carry no sentiment.
* The strongest complaint signal is a service verb in the negative (``gel-me-di``,
  ``topla-n-ma-dı``, ``yan-mı-yor``) or of inability (``yürü-yemi-yoruz``); then "<service> yok"
  (``su yok``, ``cevap yok``).
* After the last *ama / fakat / ancak* words weigh 1.5×, before it 0.5×.
* Irony markers ("(!)", "aferin size", 🙄, or 👏 beside a complaint) turn praise words negative.
* ALL CAPS and "!!" amplify whatever the message already says; they say nothing on their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from kurum_masaustu.domain import InboxCategory
from kurum_masaustu.rules.turkish import search_key, tr_lower

__all__ = [
    "Classification",
    "Hit",
    "Lexicon",
    "LexiconError",
    "Term",
    "TermSet",
    "Token",
    "ToneKind",
    "ToneWarning",
    "classify",
    "fold",
    "is_valid_tckn",
    "load_lexicon",
    "tokenize",
    "tone_check",
]


class LexiconError(ValueError):
    """The lexicon JSON is malformed; the message says where."""


# --------------------------------------------------------------------------- text → tokens

_APOSTROPHES = "'’‘`´"
_TOKEN_RE = re.compile(rf"([^\W_]+)(?:[{_APOSTROPHES}][^\W_]*)?")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_VARIATION_SELECTOR = "\ufe0f"


def fold(text: str) -> str:
    """The matching form of a word or phrase: Turkish lower case, ASCII letters, no stutter."""
    return _REPEAT_RE.sub(r"\1", search_key(text))


@dataclass(frozen=True)
class Token:
    surface: str  # the word as written, Turkish lower case
    key: str  # :func:`fold` of the surface
    start: int  # offset in the lower-cased text
    end: int


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` (Turkish lower case), each cut at its apostrophe: "153'ü" → "153"."""
    lowered = tr_lower(text)
    return [Token(m.group(1), fold(m.group(1)), m.start(1), m.end(1)) for m in _TOKEN_RE.finditer(lowered)]


# --------------------------------------------------------------------------- lexicon terms


@dataclass(frozen=True)
class Term:
    """One lexicon entry: consecutive words, each a token prefix or (``word=``) a whole token."""

    source: str
    words: tuple[str, ...]
    exact: tuple[bool, ...]

    @classmethod
    def parse(cls, entry: str) -> Term:
        parts = [fold(part) if not part.endswith("=") else fold(part[:-1]) + "=" for part in entry.split()]
        if not parts or any(part in ("", "=") for part in parts):
            raise LexiconError(f"empty lexicon entry: {entry!r}")
        return cls(entry, tuple(p.rstrip("=") for p in parts), tuple(p.endswith("=") for p in parts))

    def matches_at(self, keys: Sequence[str], index: int) -> bool:
        if index + len(self.words) > len(keys):
            return False
        for offset, (word, exact) in enumerate(zip(self.words, self.exact, strict=True)):
            key = keys[index + offset]
            if (key != word) if exact else not key.startswith(word):
                return False
        return True


@dataclass(frozen=True)
class Hit:
    term: Term
    weight: float
    start: int  # first token index
    end: int  # one past the last token index


@dataclass(frozen=True)
class TermSet:
    """A lexicon list: weighted terms (longest first) and the exceptions that veto them."""

    terms: tuple[tuple[Term, float], ...]
    exceptions: tuple[Term, ...] = ()
    _by_initial: Mapping[str, tuple[tuple[Term, float], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Terms by the first letter of their first word: a token can only start a term of its letter.
        by_initial: dict[str, list[tuple[Term, float]]] = {}
        for pair in self.terms:
            by_initial.setdefault(pair[0].words[0][:1], []).append(pair)
        object.__setattr__(self, "_by_initial", {k: tuple(v) for k, v in by_initial.items()})

    @classmethod
    def parse(cls, entries: Mapping[str, float] | Sequence[str]) -> TermSet:
        pairs = entries.items() if isinstance(entries, Mapping) else ((entry, 1.0) for entry in entries)
        terms: list[tuple[Term, float]] = []
        exceptions: list[Term] = []
        for entry, weight in pairs:
            if entry.startswith("!"):
                exceptions.append(Term.parse(entry[1:]))
            else:
                terms.append((Term.parse(entry), float(weight)))
        terms.sort(key=lambda pair: (-len(pair[0].words), -sum(len(w) for w in pair[0].words)))
        return cls(tuple(terms), tuple(exceptions))

    def find(self, keys: Sequence[str], taken: Iterable[int] = ()) -> list[Hit]:
        """Non-overlapping hits, left to right, longest term first; ``taken`` tokens are skipped."""
        blocked = set(taken)
        vetoed: set[int] = set()
        for exception in self.exceptions:
            for index in range(len(keys)):
                if exception.matches_at(keys, index):
                    vetoed.update(range(index, index + len(exception.words)))
        hits: list[Hit] = []
        index = 0
        while index < len(keys):
            for term, weight in self._by_initial.get(keys[index][:1], ()):
                span = range(index, index + len(term.words))
                if term.matches_at(keys, index) and not any(i in blocked or i in vetoed for i in span):
                    hits.append(Hit(term, weight, index, index + len(term.words)))
                    index += len(term.words)
                    break
            else:
                index += 1
        return hits


# --------------------------------------------------------------------------- the lexicon

# Verb morphology on ASCII-folded text (ı→i, ü→u, so i/u and a/e cover the vowel harmony).
_VOICE = r"(?:[dt]?[iu]r|t)?(?:[iu]?[ln])?"  # causative -DIr/-t, passive/reflexive -Il/-In/-n
_NEGATED = r"m(?:[ae](?:d[iu]|z|m[iu]s|y[ae]n|y[ae]c[ae]k)|[iu]yor)"  # -mA + -DI/-z/-mIş/-yAn/-yAcAk, -mIyor
# -(y)AmA + tense, -(y)AmIyor; not -(y)AmAyAn ("gidemeyenler" describes people, it does not complain)
_UNABLE = r"y?[ae]m(?:[ae]d[iu]|[ae]z|[ae]m[iu]s|[iu]yor)"
_ANY_NEGATED_VERB = re.compile(r"^[a-z]{2,}?(?:m[ae]d[iu]|m[iu]yor|m[ae]m[iu]s)[a-z]{0,6}$")
_POLITE_ABILITY = re.compile(r"^[a-z]{2,}(?:[ae]bilir|bilir)$")  # yap-abilir, konul-abilir
_AORIST = re.compile(r"^[a-z]{2,}[aeiu]r$")  # paylaş-ır, ol-ur, yönlendir-ir
_WISH_PASSIVE = re.compile(r"^[a-z]{2,}(?:[iu]l|[iu]?n)(?:s[iu]n|m[ae]l[iu])$")  # kurul-sun, yapıl-malı
_REQUEST_PARTICLES = frozenset({"mi", "mu", "misiniz", "musunuz"})
_POLITE_PARTICLES = frozenset({"misiniz", "musunuz"})
_INFO_NOUNS = ("bilgi", "numara", "detay")
_LACK_GAP = 3  # "ışıkları 10 gündür yok": the noun may stand up to three words before "yok"


@dataclass(frozen=True)
class Lexicon:
    """The parsed lexicon; build it with :func:`load_lexicon`."""

    version: int
    polarity: TermSet
    praise_cues: TermSet
    intensifiers: TermSet
    negators: TermSet
    contrast: TermSet
    sarcasm: TermSet
    sarcasm_emoji: tuple[str, ...]
    ambiguous_emoji: tuple[str, ...]
    emoji: tuple[tuple[str, float], ...]
    complaint_verbs: tuple[str, ...]
    neutral_verbs: tuple[str, ...]  # "!unut": never a complaint, even in the negative
    verb_pattern: re.Pattern[str]
    lack_nouns: TermSet
    lack_words: TermSet
    question_particles: TermSet
    question_words: TermSet
    request: TermSet
    spam: TermSet
    abuse: TermSet
    urgent: TermSet
    units: tuple[tuple[str, TermSet], ...]
    external: tuple[tuple[str, TermSet], ...]
    tone_defensive: TermSet
    tone_dismissive: TermSet
    tone_aggressive: TermSet
    tone_acronyms: frozenset[str]


def _section(data: Mapping[str, object], name: str) -> object:
    if name not in data:
        raise LexiconError(f"lexicon: missing section {name!r}")
    return data[name]


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"lexicon: {where} must be a list of strings")
    return list(value)


def _weights(value: object, where: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise LexiconError(f"lexicon: {where} must be an object of word → number")
    result: dict[str, float] = {}
    for key, weight in value.items():
        if not isinstance(key, str) or isinstance(weight, bool) or not isinstance(weight, int | float):
            raise LexiconError(f"lexicon: {where}[{key!r}] must be a number")
        result[key] = float(weight)
    return result


def _mapping(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise LexiconError(f"lexicon: {where} must be an object")
    return {str(key): item for key, item in value.items()}


def _terms(value: object, where: str) -> TermSet:
    if isinstance(value, dict):
        return TermSet.parse(_weights(value, where))
    return TermSet.parse(_strings(value, where))


def _emoji(text: str) -> str:
    return text.replace(_VARIATION_SELECTOR, "")


def _verb_pattern(stems: Sequence[str]) -> re.Pattern[str]:
    if not stems:
        raise LexiconError("lexicon: complaint_verbs is empty")
    for stem in stems:
        if not re.fullmatch(r"[a-z]+", stem):
            raise LexiconError(f"lexicon: complaint verb {stem!r} must be one ASCII-folded word")
    alternatives = "|".join(sorted(set(stems), key=lambda s: (-len(s), s)))
    return re.compile(rf"^(?P<stem>{alternatives}){_VOICE}(?:(?P<neg>{_NEGATED})|(?P<unable>{_UNABLE}))")


def load_lexicon(json_text: str) -> Lexicon:
    """Parse the lexicon JSON (the format is described in its ``_syntax`` key).

    Raises :class:`LexiconError` when a section is missing or has the wrong shape.
    """
    try:
        raw = json.loads(json_text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"lexicon: not valid JSON ({exc})") from exc
    data = _mapping(raw, "the top level")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise LexiconError("lexicon: version must be an integer")
    sarcasm = _mapping(_section(data, "sarcasm"), "sarcasm")
    lack = _mapping(_section(data, "lack"), "lack")
    question = _mapping(_section(data, "question"), "question")
    tone = _mapping(_section(data, "tone"), "tone")
    units = _mapping(_section(data, "units"), "units")
    external = _mapping(data.get("external", {}), "external")
    verbs = _strings(_section(data, "complaint_verbs"), "complaint_verbs")
    stems = [fold(stem) for stem in verbs if not stem.startswith("!")]
    neutral = tuple(fold(stem[1:]) for stem in verbs if stem.startswith("!"))
    return Lexicon(
        version=version,
        polarity=TermSet.parse(_weights(_section(data, "polarity"), "polarity")),
        praise_cues=_terms(_section(data, "praise_cues"), "praise_cues"),
        intensifiers=_terms(_section(data, "intensifiers"), "intensifiers"),
        negators=_terms(_section(data, "negators"), "negators"),
        contrast=_terms(_section(data, "contrast"), "contrast"),
        sarcasm=_terms(_section(sarcasm, "phrases"), "sarcasm.phrases"),
        sarcasm_emoji=tuple(_emoji(e) for e in _strings(_section(sarcasm, "emoji"), "sarcasm.emoji")),
        ambiguous_emoji=tuple(
            _emoji(e) for e in _strings(_section(sarcasm, "ambiguous_emoji"), "sarcasm.ambiguous_emoji")
        ),
        emoji=tuple((_emoji(e), w) for e, w in _weights(_section(data, "emoji"), "emoji").items()),
        complaint_verbs=tuple(stems),
        neutral_verbs=neutral,
        verb_pattern=_verb_pattern(stems),
        lack_nouns=_terms(_section(lack, "nouns"), "lack.nouns"),
        lack_words=_terms(_section(lack, "words"), "lack.words"),
        question_particles=_terms(_section(question, "particles"), "question.particles"),
        question_words=_terms(_section(question, "words"), "question.words"),
        request=TermSet.parse(_weights(_section(data, "request"), "request")),
        spam=TermSet.parse(_weights(_section(data, "spam"), "spam")),
        abuse=_terms(_section(data, "abuse"), "abuse"),
        urgent=_terms(_section(data, "urgent"), "urgent"),
        units=tuple((name, _terms(words, f"units[{name!r}]")) for name, words in units.items()),
        external=tuple((name, _terms(words, f"external[{name!r}]")) for name, words in external.items()),
        tone_defensive=_terms(_section(tone, "defensive"), "tone.defensive"),
        tone_dismissive=_terms(_section(tone, "dismissive"), "tone.dismissive"),
        tone_aggressive=_terms(_section(tone, "aggressive"), "tone.aggressive"),
        tone_acronyms=frozenset(fold(a) for a in _strings(_section(tone, "acronyms"), "tone.acronyms")),
    )


def _default_lexicon() -> Lexicon:
    # The packaged lexicon is read (once) by the I/O edge; pass a Lexicon to stay fully pure.
    from kurum_masaustu.inbox_lexicon import packaged_lexicon

    return packaged_lexicon()


# --------------------------------------------------------------------------- classification

#: Amplifiers: a message is "shouting" above this share of capital letters (with enough letters).
CAPS_RATIO = 0.6
CAPS_MIN_LETTERS = 8
#: Score at or below which a message reads as negative, and at or below which it is a complaint.
NEGATIVE_SCORE = -2.0
COMPLAINT_SCORE = -3.0
WEAK_COMPLAINT_SCORE = -1.0  # without a question, request or praise, any negative word is a complaint
SPAM_SCORE = 3.0
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|ly|io|xyz|bet|link|site)(?:/\S*)?", re.I)
_SARCASM_MARK_RE = re.compile(r"\(\s*!+\s*\)")
_EXCLAIM_RE = re.compile(r"(?<!\()!{2,}")
_REPEATED_EMOJI_RE = re.compile(r"([\U0001F300-\U0001FAFF\u2600-\u27BF])\1{2,}")


@dataclass(frozen=True)
class Classification:
    """What :func:`classify` decided and why."""

    category: InboxCategory
    negative: bool
    urgent: bool
    score: float  # sentiment: below 0 negative, above 0 positive
    reasons: tuple[str, ...]
    suggested_units: tuple[str, ...]


@dataclass
class _Evidence:
    """Signals gathered from one message, with the reason each one gives."""

    tokens: list[Token]
    contrast_at: int | None = None  # token index of the last ama/fakat/ancak
    score: float = 0.0
    strong: int = 0  # negated service verbs, "X yok", irony: complaint signals on their own
    positive_words: float = 0.0
    praise: int = 0
    question: float = 0.0
    request: float = 0.0
    spam: float = 0.0
    abuse: bool = False
    urgent: bool = False
    reasons: list[tuple[int, str]] = field(default_factory=list)

    def say(self, position: int, reason: str) -> None:
        self.reasons.append((position, reason))

    def factor(self, token_index: int) -> float:
        if self.contrast_at is None:
            return 1.0
        if token_index < self.contrast_at:
            return 0.5
        return 1.5 if token_index > self.contrast_at else 1.0

    def token_at_offset(self, offset: int) -> int:
        for index, token in enumerate(self.tokens):
            if token.start >= offset:
                return index
        return len(self.tokens)

    def surface(self, start: int, end: int) -> str:
        return " ".join(token.surface for token in self.tokens[start:end])


def _weight_text(weight: float) -> str:
    return f"{weight:+g}".replace("-", "−")


def classify(text: str, lexicon: Lexicon | None = None) -> Classification:
    """Category, tone, urgency and routing of one citizen message, with the reasons.

    ``lexicon`` defaults to the packaged ``resources/inbox/lexicon.json``.
    """
    lex = lexicon if lexicon is not None else _default_lexicon()
    tokens = tokenize(text)
    keys = [token.key for token in tokens]
    lowered = _emoji(tr_lower(text))
    ev = _Evidence(tokens)

    contrasts = lex.contrast.find(keys)
    if contrasts:
        ev.contrast_at = contrasts[-1].start
        ev.say(contrasts[-1].start, f"{ev.surface(contrasts[-1].start, contrasts[-1].end)} (sonrası ağır basar)")

    _moderation(lex, ev, keys, text)
    taken: set[int] = {i for hit in contrasts for i in range(hit.start, hit.end)}
    _verbs(lex, ev, keys, taken)
    _lack(lex, ev, keys, taken)
    _intensifiers(lex, ev, keys, taken)
    irony = _irony(lex, ev, keys, text, lowered)
    _polarity(lex, ev, keys, taken, irony)
    _emoji_polarity(lex, ev, lowered)
    _amplify(ev, text)
    _speech_acts(lex, ev, keys, text)

    category = _decide(ev)
    negative = category in (InboxCategory.COMPLAINT, InboxCategory.ABUSE) or ev.score <= NEGATIVE_SCORE
    units = () if category is InboxCategory.SPAM else _units(lex, keys)
    ordered = [reason for _, reason in sorted(ev.reasons, key=lambda pair: pair[0])]
    return Classification(
        category=category,
        negative=negative,
        urgent=ev.urgent,
        score=round(ev.score, 2),
        reasons=tuple(dict.fromkeys(ordered)),
        suggested_units=units,
    )


def _moderation(lex: Lexicon, ev: _Evidence, keys: list[str], text: str) -> None:
    for hit in lex.abuse.find(keys):
        ev.abuse = True
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (hakaret)")
    for hit in lex.urgent.find(keys):
        ev.urgent = True
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (acil)")
    for hit in lex.spam.find(keys):
        ev.spam += hit.weight
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (spam)")
    url = _URL_RE.search(text)
    if url:
        ev.spam += 1
        ev.say(ev.token_at_offset(url.start()), "bağlantı (spam)")
    if "%" in text:
        ev.spam += 1
        ev.say(ev.token_at_offset(text.index("%")), "% (spam)")
    if _REPEATED_EMOJI_RE.search(text):
        ev.spam += 1
        ev.say(len(ev.tokens), "tekrarlanan emoji (spam)")


def _verbs(lex: Lexicon, ev: _Evidence, keys: list[str], taken: set[int]) -> None:
    for index, key in enumerate(keys):
        if index in taken:
            continue
        match = lex.verb_pattern.match(key)
        surface = ev.tokens[index].surface
        if match:
            weight = -3.0 if match.group("neg") else -2.0
            label = "olumsuz hizmet fiili" if match.group("neg") else "yapamama"
            ev.score += weight * ev.factor(index)
            ev.strong += 1
            ev.say(index, f"{surface} ({label})")
            taken.add(index)
        elif len(key) >= 6 and _ANY_NEGATED_VERB.match(key) and not key.startswith(lex.neutral_verbs):
            ev.score += -1.0 * ev.factor(index)
            ev.say(index, f"{surface} (olumsuz fiil)")
            taken.add(index)


def _lack(lex: Lexicon, ev: _Evidence, keys: list[str], taken: set[int]) -> None:
    nouns = lex.lack_nouns.find(keys)
    for hit in lex.lack_words.find(keys, taken):
        noun = next((n for n in reversed(nouns) if n.end <= hit.start and hit.start - n.end < _LACK_GAP), None)
        if noun is None:
            continue
        ev.score += -2.0 * ev.factor(hit.start)
        ev.strong += 1
        ev.say(noun.start, f"{ev.surface(noun.start, noun.end)} {ev.surface(hit.start, hit.end)} (eksik hizmet)")
        taken.update(range(hit.start, hit.end))


def _intensifiers(lex: Lexicon, ev: _Evidence, keys: list[str], taken: set[int]) -> None:
    for hit in lex.intensifiers.find(keys, taken):
        ev.score += -1.0 * ev.factor(hit.start)
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (pekiştirici)")
        taken.update(range(hit.start, hit.end))


def _irony(lex: Lexicon, ev: _Evidence, keys: list[str], text: str, lowered: str) -> bool:
    """Explicit irony markers, or 👏 next to a complaint; adds −2 and reports whether found."""
    found = False
    mark = _SARCASM_MARK_RE.search(text)
    if mark:
        found = True
        ev.say(ev.token_at_offset(mark.start()), "(!) (ironi)")
    for hit in lex.sarcasm.find(keys):
        found = True
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (ironi)")
    for emoji in lex.sarcasm_emoji:
        if emoji in lowered:
            found = True
            ev.say(ev.token_at_offset(lowered.index(emoji)), f"{emoji} (ironi)")
    for emoji in lex.ambiguous_emoji:
        if emoji in lowered and ev.strong:
            found = True
            ev.say(ev.token_at_offset(lowered.index(emoji)), f"{emoji} (şikâyetle birlikte: ironi)")
    if found:
        ev.score -= 2.0
        ev.strong += 1
    return found


def _polarity(lex: Lexicon, ev: _Evidence, keys: list[str], taken: set[int], irony: bool) -> None:
    particles = {hit.start for hit in lex.question_particles.find(keys)}
    # "güzel değil miydi?" asks for agreement: a negator followed by a question particle keeps the sense.
    negators = [n for n in lex.negators.find(keys) if n.end not in particles]
    # Praise words beside a complaint with no "ama" between them are read as irony too:
    # "SÜPER!!! 3 SAATTİR SU YOK" is not praise.
    flip_praise = irony or (ev.strong > 0 and ev.contrast_at is None)
    for hit in lex.polarity.find(keys, taken):
        weight = hit.weight
        words = ev.surface(hit.start, hit.end)
        negator = next((n for n in negators if 0 <= n.start - hit.end <= 1), None)
        if negator is not None:
            weight = -weight if weight > 0 else -weight / 2
            words = f"{words} {ev.surface(negator.start, negator.end)}"
            label = f"olumsuzlanmış {_weight_text(weight)}"
        elif weight > 0 and flip_praise:
            weight = -weight
            label = "ironi: olumsuz sayıldı"
        else:
            label = _weight_text(weight)
        weight *= ev.factor(hit.start)
        ev.score += weight
        if weight > 0:
            ev.positive_words += weight
        ev.say(hit.start, f"{words} ({label})")
        taken.update(range(hit.start, hit.end))


def _emoji_polarity(lex: Lexicon, ev: _Evidence, lowered: str) -> None:
    for emoji, weight in lex.emoji:
        offset = lowered.find(emoji)
        if offset < 0:
            continue
        index = ev.token_at_offset(offset)
        if weight > 0 and ev.strong and ev.contrast_at is None:
            continue  # a 🙏 under a complaint is a plea, not praise
        ev.score += weight * ev.factor(index)
        if weight > 0:
            ev.positive_words += weight
        ev.say(index, f"{emoji} ({_weight_text(weight)})")


def _amplify(ev: _Evidence, text: str) -> None:
    letters = [ch for ch in text if ch.isalpha()]
    reasons: list[str] = []
    if len(letters) >= CAPS_MIN_LETTERS:
        ratio = sum(ch.isupper() for ch in letters) / len(letters)
        if ratio > CAPS_RATIO:
            reasons.append(f"BÜYÜK HARF (%{round(ratio * 100)})")
    if _EXCLAIM_RE.search(text):
        reasons.append("!!! (ünlem)")
    if reasons and ev.score < 0:
        ev.score *= 1.5
        for reason in reasons:
            ev.say(len(ev.tokens), reason + " ×1,5")


def _speech_acts(lex: Lexicon, ev: _Evidence, keys: list[str], text: str) -> None:
    ev.praise += len(lex.praise_cues.find(keys))
    if "?" in text:
        ev.question += 2
        ev.say(ev.token_at_offset(text.index("?")), "? (soru)")
    particles = lex.question_particles.find(keys)
    for hit in particles:
        before = keys[hit.start - 1] if hit.start else ""
        particle = keys[hit.start]
        polite = (particle in _REQUEST_PARTICLES and _POLITE_ABILITY.match(before) is not None) or (
            particle in _POLITE_PARTICLES and _AORIST.match(before) is not None and before != "var"
        )
        asks_info = hit.start >= 2 and keys[hit.start - 2].startswith(_INFO_NOUNS)
        words = ev.surface(max(hit.start - 1, 0), hit.end)
        if polite and not asks_info:
            ev.request += 3
            ev.say(hit.start - 1, f"{words} (rica)")
        else:
            ev.question += 2
            ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (soru eki)")
    for hit in lex.question_words.find(keys):
        ev.question += 1.5
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (soru)")
    for hit in lex.request.find(keys):
        ev.request += hit.weight
        ev.say(hit.start, f"{ev.surface(hit.start, hit.end)} (rica)")
    for index, key in enumerate(keys):
        if _WISH_PASSIVE.match(key):
            ev.request += 2
            ev.say(index, f"{ev.tokens[index].surface} (dilek)")


def _decide(ev: _Evidence) -> InboxCategory:
    if ev.spam >= SPAM_SCORE:
        return InboxCategory.SPAM
    if ev.abuse:
        return InboxCategory.ABUSE
    if ev.request >= 3 and ev.score > COMPLAINT_SCORE - 1 and not (ev.strong and ev.score <= COMPLAINT_SCORE):
        return InboxCategory.REQUEST
    if ev.score <= COMPLAINT_SCORE or (ev.strong and ev.score < 0):
        return InboxCategory.COMPLAINT
    if ev.request > 0:
        return InboxCategory.REQUEST
    if ev.praise and ev.score > 0:
        return InboxCategory.PRAISE
    if ev.score <= WEAK_COMPLAINT_SCORE:
        return InboxCategory.COMPLAINT  # "… kilitli, ne yapacağız?": a question that complains
    if ev.question > 0:
        return InboxCategory.QUESTION
    if ev.score >= 1.5:
        return InboxCategory.PRAISE
    if ev.urgent:
        return InboxCategory.COMPLAINT  # "Yangın var!": a report of a problem, shown with the urgent flag
    return InboxCategory.OTHER


def _units(lex: Lexicon, keys: list[str]) -> tuple[str, ...]:
    counted: list[tuple[int, int, str]] = []
    for order, (name, terms) in enumerate((*lex.units, *lex.external)):
        hits = terms.find(keys)
        if hits:
            counted.append((-len(hits), order, name))
    return tuple(name for _, _, name in sorted(counted))


# --------------------------------------------------------------------------- our own replies


class ToneKind(StrEnum):
    DEFENSIVE = "defensive"
    DISMISSIVE = "dismissive"
    AGGRESSIVE = "aggressive"
    SHOUTING = "shouting"
    EXCLAMATION = "exclamation"
    PERSONAL_DATA = "personal_data"


@dataclass(frozen=True)
class ToneWarning:
    """One problem in a draft reply: what, where (offsets in the draft) and a short Turkish hint."""

    kind: ToneKind
    excerpt: str
    start: int
    end: int
    message: str
    detail: str = ""  # for PERSONAL_DATA: "tc_kimlik", "telefon" or "iban"


_TCKN_RE = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")
_PHONE_RE = re.compile(r"(?<![\d+])(?:\+?90[\s-]?)?\(?0?5\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)")
_IBAN_RE = re.compile(r"\bTR(?:[\s-]?\d){24}(?!\d)", re.IGNORECASE)
_CAPS_WORD_RE = re.compile(r"[^\W\d_]{4,}")
_TONE_MESSAGES = {
    ToneKind.DEFENSIVE: "Savunmacı ifade: sorumluluğu reddetmek yerine yetkili kurumu ve başvuru kanalını yazın.",
    ToneKind.DISMISSIVE: "Küçümseyici ifade: vatandaşı suçlamadan, bilgiyi yeniden ve sakin verin.",
    ToneKind.AGGRESSIVE: "Sert ifade: tartışmaya girmeyin, kurumsal ve saygılı bir dil kullanın.",
    ToneKind.SHOUTING: "BÜYÜK HARF bağırma gibi okunur: normal yazım kullanın.",
    ToneKind.EXCLAMATION: "Art arda ünlem sert görünür: en fazla bir ünlem kullanın.",
}
_PERSONAL_MESSAGES = {
    "tc_kimlik": "T.C. kimlik numarası: kişisel veri, herkese açık yanıtta paylaşılmaz (KVKK).",
    "telefon": "Telefon numarası: kişisel veri olabilir; kurum hattını (ALO 153) yazın veya özelden iletin.",
    "iban": "IBAN: kişisel/mali veri, herkese açık yanıtta paylaşılmaz.",
}


def is_valid_tckn(number: str) -> bool:
    """Whether ``number`` is a T.C. kimlik numarası by its checksum rules.

    11 digits, the first not 0; digit 10 = (7 × (d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10;
    digit 11 = (d1 + … + d10) mod 10.
    """
    if len(number) != 11 or not number.isascii() or not number.isdigit() or number[0] == "0":
        return False
    d = [int(ch) for ch in number]
    tenth = (7 * (d[0] + d[2] + d[4] + d[6] + d[8]) - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def tone_check(draft_reply: str, lexicon: Lexicon | None = None) -> list[ToneWarning]:
    """Warnings about our own outgoing reply, in text order.

    Aggressive, defensive or dismissive wording, shouting (ALL CAPS, "!!!"), and personal data
    (a T.C. kimlik number with a valid checksum, a mobile phone number, an IBAN).
    """
    lex = lexicon if lexicon is not None else _default_lexicon()
    tokens = tokenize(draft_reply)
    keys = [token.key for token in tokens]
    warnings: list[ToneWarning] = []

    def add_span(kind: ToneKind, start: int, end: int, detail: str = "", message: str = "") -> None:
        warnings.append(ToneWarning(kind, draft_reply[start:end], start, end, message or _TONE_MESSAGES[kind], detail))

    lowered_offsets_match = len(tr_lower(draft_reply)) == len(draft_reply)
    for kind, terms in (
        (ToneKind.DEFENSIVE, lex.tone_defensive),
        (ToneKind.DISMISSIVE, lex.tone_dismissive),
        (ToneKind.AGGRESSIVE, lex.tone_aggressive),
        (ToneKind.AGGRESSIVE, lex.abuse),
    ):
        for hit in terms.find(keys):
            first, last = tokens[hit.start], tokens[hit.end - 1]
            start, end = (first.start, last.end) if lowered_offsets_match else (0, len(draft_reply))
            add_span(kind, start, end)

    letters = [ch for ch in draft_reply if ch.isalpha()]
    if len(letters) >= 12 and sum(ch.isupper() for ch in letters) / len(letters) > 0.5:
        add_span(ToneKind.SHOUTING, 0, len(draft_reply))
    else:
        for match in _CAPS_WORD_RE.finditer(draft_reply):
            word = match.group()
            if word.isupper() and fold(word) not in lex.tone_acronyms:
                add_span(ToneKind.SHOUTING, match.start(), match.end())
    for match in _EXCLAIM_RE.finditer(draft_reply):
        add_span(ToneKind.EXCLAMATION, match.start(), match.end())

    for match in _IBAN_RE.finditer(draft_reply):
        add_span(ToneKind.PERSONAL_DATA, match.start(), match.end(), "iban", _PERSONAL_MESSAGES["iban"])
    iban_spans = [(w.start, w.end) for w in warnings if w.detail == "iban"]

    def inside_iban(start: int) -> bool:
        return any(a <= start < b for a, b in iban_spans)

    for match in _TCKN_RE.finditer(draft_reply):
        if is_valid_tckn(match.group()) and not inside_iban(match.start()):
            add_span(ToneKind.PERSONAL_DATA, match.start(), match.end(), "tc_kimlik", _PERSONAL_MESSAGES["tc_kimlik"])
    for match in _PHONE_RE.finditer(draft_reply):
        if not inside_iban(match.start()):
            add_span(ToneKind.PERSONAL_DATA, match.start(), match.end(), "telefon", _PERSONAL_MESSAGES["telefon"])
    warnings.sort(key=lambda w: (w.start, w.end))
    return warnings
