"""The checklist's spelling check on a 3,000-character Turkish post, against a baseline in the
same run.

Run from the repository root with the project's virtual environment::

    python benchmarks/spelling_check.py [--checks 50] [--rounds 7]

Timed apart: loading the shipped dictionary (once per app start, in a worker thread). Then per
check (one changed text each time, as after a pause in typing): the app's
``SpellChecker.unknown_words`` (words picked by ``rules.spelling``: links, tags, numbers and
acronyms skipped, each distinct word looked up once, the institution's words accepted, Turkish
lower case tried for capitals) against the baseline, a naive Hunspell loop calling ``spell()``
on every whitespace-separated token. The check runs in a worker thread in the app, so its time
is a wait for the result, never a freeze; there is no target, the figures are for the record.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kurum_masaustu.services.spelling import SpellChecker, dictionary_dir

PARAGRAPH = (
    "Değerli hemşehrilerimiz, Kızılay'ın desteğiyle Yeşilbağlar Mahallesi'nde yarın saat 10.00'da kan bağışı "
    "kampanyası yapılcak. Geçen yıl 1.200 ünite kan toplandı; katılan tüm vatandaşlarımıza teşekkür ederiz. "
    "Ayrıntılar: https://www.ornek.bel.tr/duyurular/kan-bagisi #KanBağışı @ornekbelediye Sorularınız için "
    "ALO 153'ü arayabilirsiniz. "
)
TEXT = (PARAGRAPH * (3_000 // len(PARAGRAPH) + 1))[:3_000]


def texts(count: int) -> list[str]:
    letters = "abcçdefgğhıijklmnoöprsştuüvyz"
    return [TEXT[:-2] + " " + letters[i % len(letters)] * 3 for i in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from hunspell import Hunspell

    start = time.perf_counter()
    checker = SpellChecker()
    checker.load()
    load_ms = (time.perf_counter() - start) * 1000
    checker.set_accepted(["Kızılay", "Yeşilbağlar"])
    naive = Hunspell("tr_TR", hunspell_data_dir=str(dictionary_dir()))

    def app(text: str) -> None:
        checker.unknown_words(text)

    def baseline(text: str) -> None:
        for token in text.split():
            naive.spell(token)

    samples = texts(args.checks)
    results: dict[str, list[float]] = {"app": [], "baseline": []}
    for round_index in range(args.rounds):
        order = [("app", app), ("baseline", baseline)]
        if round_index % 2:
            order.reverse()
        for name, function in order:
            start = time.perf_counter()
            for text in samples:
                function(text)
            results[name].append((time.perf_counter() - start) * 1000 / len(samples))

    words = len(TEXT.split())
    print(f"text: {len(TEXT)} characters, {words} tokens; {args.checks} checks × {args.rounds} rounds")
    print(f"dictionary load (once, worker thread): {load_ms:.0f} ms")
    for name in ("app", "baseline"):
        values = results[name]
        print(
            f"{name:9} per check: median {statistics.median(values):.2f} ms "
            f"(min {min(values):.2f}, max {max(values):.2f})"
        )
    ratio = statistics.median(results["app"]) / statistics.median(results["baseline"])
    print(f"app / baseline: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
