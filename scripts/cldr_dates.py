#!/usr/bin/env python3
"""Write src/ilotc/i18n/cldr_dates.py: CLDR's date patterns and month names for en, fr and es, from Babel.

    python scripts/cldr_dates.py          # rewrite the module from the installed Babel
    python scripts/cldr_dates.py --check  # exit 1 if the module differs (tests/test_cldr_dates.py)

Commands that write one date in prose (overdue's summary line) would otherwise import Babel
and load its locale data on every run, 25 to 50 ms of a 190 ms command (bench/run.py, case c).
The data is still CLDR's, through Babel; the test compares every day of several years with
`babel.dates.format_date` and `format_skeleton`, and this script's output with the module.
"""

import argparse
import json
import sys
from pathlib import Path

from babel.dates import get_date_format, get_month_names
from babel.localedata import load

ROOT = Path(__file__).resolve().parent.parent
MODULE = ROOT / "src" / "ilotc" / "i18n" / "cldr_dates.py"
LANGUAGES = ("en", "fr", "es")
# The CLDR locale whose long dates each language takes: the ILO writes British English
# ("1 June 2000", CLDR en_GB), and CLDR's French and Spanish long dates are the ILO's.
CLDR_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}


def _skeleton(lang: str, skeleton: str) -> str:
    return str(load(lang)["datetime_skeletons"][skeleton])


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a double-quoted Python literal for these texts


def module_text() -> str:
    """The module's text, from the installed Babel's CLDR data."""
    lines = [
        '"""CLDR date patterns and month names for the interface languages (generated; do not edit).',
        "",
        "Written by scripts/cldr_dates.py from the CLDR data Babel carries, so a date in prose",
        "costs no Babel import; tests/test_cldr_dates.py checks it against Babel itself. English",
        "is CLDR's en_GB, as the ILO writes it.",
        '"""',
        "",
        "LONG_DATE = {",
    ]
    long_patterns = {lang: str(get_date_format("long", locale=CLDR_LOCALES[lang]).pattern) for lang in LANGUAGES}
    lines += [f"    {_q(lang)}: {_q(long_patterns[lang])}," for lang in LANGUAGES]
    lines += ["}", '"""The long date pattern ("MMMM d, y")."""', "", "YEAR_MONTH = {"]
    lines += [f"    {_q(lang)}: {_q(_skeleton(CLDR_LOCALES[lang], 'yMMMM'))}," for lang in LANGUAGES]
    lines += ["}", '"""The pattern of the skeleton yMMMM ("MMMM y")."""', "", "MONTHS = {"]
    for lang in LANGUAGES:
        names = get_month_names("wide", context="format", locale=CLDR_LOCALES[lang])
        lines.append(f"    {_q(lang)}: (")
        lines += [f"        {_q(names[month])}," for month in range(1, 13)]
        lines.append("    ),")
    lines += ["}", '"""Month names as a date writes them (context "format", width "wide")."""', ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module is not current")
    args = parser.parse_args()
    text = module_text()
    if args.check:
        current = MODULE.read_text(encoding="utf-8") if MODULE.exists() else ""
        if current != text:
            sys.stderr.write(f"{MODULE} is not current: run python scripts/cldr_dates.py\n")
            return 1
        return 0
    MODULE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
