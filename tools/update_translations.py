"""Refresh translations/*.ts from the sources and report what is still untranslated.

python tools/update_translations.py          # lupdate + report
python tools/update_translations.py --check  # report only (lupdate into a temporary copy, so strings
                                             # missing from the .ts count); exit 1 if any is unfinished
python tools/update_translations.py --build  # also compile .qm into build/translations (checkout runs)
python tools/update_translations.py --set tr "Source text" "Çeviri"   # fill one entry
python tools/update_translations.py --set-file new.tsv   # lines: LANG<TAB>SOURCE<TAB>TRANSLATION
                                                         # (TRANSLATION "=" copies the source)
python tools/update_translations.py --fill-from OLD_DIR  # after a merge: lupdate, then fill each
                                                         # unfinished entry from OLD_DIR/*.ts
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qt_tools import lrelease, lupdate  # noqa: E402

LANGUAGES = ("tr", "en")


def ts_path(language: str) -> Path:
    return ROOT / "translations" / f"kurum_masaustu_{language}.ts"


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") in ("unfinished",):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        if not all(texts):
            missing.append(source)
    return missing


def set_translation(language: str, source: str, text: str) -> None:
    """Fill (or replace) the translation of ``source``; plural forms are separated by "|"."""
    path = ts_path(language)
    tree = ET.parse(path)
    found = False
    for message in tree.getroot().iter("message"):
        if message.findtext("source") != source:
            continue
        found = True
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in text.split("|"):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
    if not found:
        raise SystemExit(f"{source!r} is not in {path.name}; run the tool without --set first")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def fill_from(language: str, old_dir: Path) -> int:
    """Fill unfinished entries of ``language`` from the same-named .ts in ``old_dir``.

    Used after merging two branches that both added strings: take one side's .ts, run lupdate,
    then copy the other side's finished translations (matched by context and source).
    """
    old_path = old_dir / ts_path(language).name
    if not old_path.exists():
        return 0
    known: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(old_path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete"):
                known[(name, message.findtext("source", ""))] = translation
    path = ts_path(language)
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                continue
            old = known.get((name, message.findtext("source", "")))
            if old is None:
                continue
            if translation is not None:
                message.remove(translation)
            copy = ET.fromstring(ET.tostring(old))
            copy.tail = "\n    "
            message.append(copy)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def check(sources: list[Path]) -> int:
    """Exit status 1 if a string in the code is missing from a .ts or left unfinished; the .ts
    files are not touched (lupdate runs on temporary copies)."""
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            copy = Path(tmp) / ts_path(language).name
            shutil.copy(ts_path(language), copy)
            lupdate(sources, [copy], quiet=True)
            missing = unfinished(copy)
            print(f"{language}: {len(missing)} unfinished or missing")
            for source in missing:
                print(f"  - {source!r}")
            status |= bool(missing)
    if status:
        print("Run: python tools/update_translations.py, then fill them (--set / --set-file).")
    return status


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--set", nargs=3, metavar=("LANG", "SOURCE", "TRANSLATION"))
    parser.add_argument("--set-file", type=Path, metavar="TSV")
    parser.add_argument("--fill-from", type=Path, metavar="OLD_DIR")
    args = parser.parse_args()
    if args.set:
        set_translation(*args.set)
        return 0
    if args.set_file:
        for line in args.set_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                language, source, text = line.split("\t")
                set_translation(language, source, source if text == "=" else text)
        return 0
    sources = sorted((ROOT / "src" / "kurum_masaustu").rglob("*.py"))
    if args.check:
        return check(sources)
    for language in LANGUAGES:
        lupdate(sources, [ts_path(language)])
    if args.fill_from:
        for language in LANGUAGES:
            print(f"{language}: {fill_from(language, args.fill_from)} filled from {args.fill_from}")
        for language in LANGUAGES:  # lupdate again: back to its own formatting, small diffs
            lupdate(sources, [ts_path(language)])
    status = 0
    for language in LANGUAGES:
        missing = unfinished(ts_path(language))
        print(f"{language}: {len(missing)} unfinished")
        for source in missing:
            print(f"  - {source!r}")
        status |= bool(missing)
    if args.build:
        out = ROOT / "build" / "translations"
        out.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            lrelease(ts_path(language), out / f"kurum_masaustu_{language}.qm")
    return status


if __name__ == "__main__":
    sys.exit(main())
