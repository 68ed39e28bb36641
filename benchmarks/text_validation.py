"""Per-keystroke text validation: ``rules.text.check()`` for all seven platforms on a 3,000-character
Turkish post, against a baseline in the same run.

Run from the repository root with the project's virtual environment::

    python benchmarks/text_validation.py [--keystrokes 2000] [--rounds 7] [--strict]

Each keystroke changes the text (a different last character), so nothing is reused from the
previous keystroke; within one keystroke the seven platforms share one analysis of the text, as
in the composer. The baseline does per platform what a naive counter would: ``len()`` and a
regex hashtag scan. The target is **≤ 1 ms per keystroke for all platforms together** (median of
the rounds); ``--strict`` exits 1 when it is missed. The first call, which compiles the
expressions (top-level domains, Unicode properties), is timed apart.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kurum_masaustu.rules import text as rules_text

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "mastodon", "bluesky", "telegram")
TARGET_MS = 1.0
PARAGRAPH = (
    "Değerli hemşehrilerimiz, 23 Nisan Ulusal Egemenlik ve Çocuk Bayramı kutlamaları kapsamında "
    "Atatürk Cad. No: 5 adresindeki meydanda saat 10.00'da tören düzenlenecektir. Tören sonrasında "
    "çocuklarımız için çeşitli etkinlikler yapılacaktır! Program: https://www.ornek.bel.tr/duyurular/"
    "23-nisan #23Nisan #ÇocukBayramı @ornekbelediye 🇹🇷👍🏽 Sorularınız için ALO 153'ü arayabilirsiniz. "
)
TEXT = (PARAGRAPH * (3_000 // len(PARAGRAPH) + 1))[:3_000]
HASHTAG = re.compile(r"#\w+")


def keystrokes(count: int) -> list[str]:
    """``count`` versions of the text, each one keystroke apart from the previous."""
    letters = "abcçdefgğhıijklmnoöprsştuüvyz"
    return [TEXT[:-1] + letters[i % len(letters)] + str(i // len(letters)) for i in range(count)]


def validate(text: str) -> None:
    for platform in PLATFORMS:
        rules_text.check(platform, text)


def baseline(text: str) -> None:
    for _ in PLATFORMS:
        len(text)
        HASHTAG.findall(text)


def per_keystroke_ms(work: Callable[[str], None], texts: list[str], rounds: int) -> list[float]:
    """Milliseconds per keystroke, one figure per round (fresh texts every round)."""
    figures = []
    for round_number in range(rounds):
        batch = [f"{t}{round_number}" for t in texts]
        start = time.perf_counter()
        for text in batch:
            work(text)
        figures.append((time.perf_counter() - start) * 1_000 / len(batch))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keystrokes", type=int, default=2_000, help="keystrokes per round (default 2000)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds (default 7)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if the target is missed")
    args = parser.parse_args()

    start = time.perf_counter()
    validate(TEXT)
    first_ms = (time.perf_counter() - start) * 1_000
    texts = keystrokes(args.keystrokes)
    validate(texts[0] + "warm-up")  # warm caches of the interpreter, not of these texts
    ours = per_keystroke_ms(validate, texts, args.rounds)
    base = per_keystroke_ms(baseline, texts, args.rounds)

    median, base_median = statistics.median(ours), statistics.median(base)
    print(
        f"Python {sys.version.split()[0]}, {len(TEXT):,} characters, {len(PLATFORMS)} platforms, "
        f"{args.keystrokes:,} keystrokes x {args.rounds} rounds"
    )
    print(f"first call (compiles the expressions): {first_ms:8.1f} ms")
    print(f"check(), all platforms:   median {median:.3f} ms/keystroke  (min {min(ours):.3f}, max {max(ours):.3f})")
    print(f"baseline len() + hashtag regex: {base_median:.3f} ms/keystroke  (min {min(base):.3f}, max {max(base):.3f})")
    print(
        f"ratio {median / base_median:.1f} x baseline; target <= {TARGET_MS:.1f} ms: "
        + ("PASS" if median <= TARGET_MS else "MISS")
    )
    for platform in PLATFORMS:
        found = ", ".join(f"{c.used:,}/{c.limit:,} {c.unit}" for c in rules_text.counts(platform, TEXT))
        problems = ", ".join(p.code for p in rules_text.check(platform, TEXT)) or "none"
        print(f"  {platform:<9} {found}; problems: {problems}")
    return 1 if args.strict and median > TARGET_MS else 0


if __name__ == "__main__":
    sys.exit(main())
