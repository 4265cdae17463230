#!/usr/bin/env python3
"""Compare ilotc's timeline reader with dateparser on the plan's dated timeline phrases.

Usage:
    python bench/compare_dateparser.py [PLAN.yaml] > docs/timeline-vs-dateparser.md

Then, on each held-out set of real phrases (tests/data/heldout_phrases.yaml, and the
blind set tests/data/heldout_blind.yaml; French, English and Spanish, each phrase with its
source), it counts the phrases read exactly, compares the first date each reader
gives with the one decided beforehand, at the precision written (a day or a month),
and counts the wrong dates each gives, including a date for a phrase that has none.

Reads every distinct `timeline` string in the plan file (default: data/plan.yaml; any
`timeline` key at any depth), or, with no plan file, the phrases of tests/test_timeline.py.
For each phrase the reader gives a date for, it compares the month of the first date
written (a start, else a due date) with the month `dateparser.parse(phrase,
languages=["fr"])` returns, and, because `parse` wants the whole phrase to be a date,
also with the first date `dateparser.search.search_dates` finds in it. It prints a
Markdown table and count lines; all readers are scored against the readings decided in
tests/test_timeline.py where the phrase is listed there.

dateparser is a development tool (`pip install -e .[dev]`), not a dependency of ilotc.
It fills a month it cannot find with today's month, so its score may change with the date
of the run.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
try:
    import ilotc  # noqa: F401
except ImportError:  # running from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402  (after the path set-up above)

from ilotc.model.dates import PlanDate  # noqa: E402
from ilotc.timeline import Reading, read_timeline  # noqa: E402

Month = tuple[int, int]


def timelines(node: object) -> Iterator[str]:
    """Every string under a `timeline` key, at any depth, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "timeline" and isinstance(value, str):
                yield value
            else:
                yield from timelines(value)
    elif isinstance(node, list):
        for item in node:
            yield from timelines(item)


def load_tests() -> ModuleType | None:
    """tests/test_timeline.py, for its phrases and their decided readings."""
    path = ROOT / "tests" / "test_timeline.py"
    spec = importlib.util.spec_from_file_location("ilotc_timeline_cases", path)
    if spec is None or spec.loader is None or not path.exists():
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_month(dates: list[str | None]) -> Month | None:
    """The first `YYYY-MM` among dates, as (year, month)."""
    for date in dates:
        if date:
            parsed = PlanDate.parse(date[:7])
            return parsed.year, parsed.month
    return None


def our_month(reading: Reading) -> Month | None:
    """The first date the reader gives: a schedule's start, else its due date."""
    for schedule in reading.schedules:
        date = schedule.start or schedule.due
        if date is not None:
            return date.year, date.month
    return None


def summary(reading: Reading) -> str:
    """'start 2000-03 + start 2000-11', 'window 2000-01..2000-12'."""
    parts = []
    for s in reading.schedules:
        if s.kind == "window":
            parts.append(f"window {s.start}..{s.due}")
        else:
            parts.append(" ".join(str(x) for x in (s.kind.value, s.start or s.due or "") if x))
    return " + ".join(parts)


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def verdict(got: Month | None, truth: Month | None) -> str:
    return "yes" if got == truth else "**no**"


def main(argv: list[str]) -> int:
    """Print the comparison as Markdown; 1 when dateparser or the phrases are missing."""
    try:
        # Imported here: a development tool, so a missing install gets a clear message.
        import dateparser  # type: ignore[import-untyped]  # noqa: PLC0415
        from dateparser.search import search_dates  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        sys.stderr.write(
            "dateparser is not installed; it is a development tool only:\n"
            "    pip install dateparser   (or: pip install -e '.[dev]')\n"
        )
        return 1

    warnings.simplefilter("ignore")  # dateparser's own deprecation warnings
    tests = load_tests()
    expected: dict[str, Month | None] = {}
    if tests is not None:
        for phrase, rows in tests.PLAN_PHRASES:
            expected[phrase] = first_month([d for row in rows for d in (row[1], row[2])])

    plan = Path(argv[0]) if argv else ROOT / "data" / "plan.yaml"
    if plan.exists():
        with plan.open(encoding="utf-8") as handle:
            phrases = list(dict.fromkeys(timelines(yaml.safe_load(handle))))
        source = f"`{plan.relative_to(ROOT) if plan.is_relative_to(ROOT) else plan}`"
    elif tests is not None:
        phrases = [phrase for phrase, _ in tests.PLAN_PHRASES]
        source = "`tests/test_timeline.py` (no plan file found)"
    else:
        sys.stderr.write(f"no plan file at {plan} and no tests/test_timeline.py\n")
        return 1

    print("# Timeline phrases: ilotc's reader and dateparser\n")
    print(
        f"Phrases from {source}, read on {dt.date.today():%Y-%m-%d} with dateparser "
        f"{getattr(dateparser, '__version__', '?')} "
        '(`dateparser.parse(phrase, languages=["fr"])`). A dated phrase is one ilotc gives '
        "a date for; the month compared is the first date written (a start, else a due "
        "date), checked against the reading decided in `tests/test_timeline.py`. "
        "`parse` wants the whole phrase to be a date, so the last two columns also give "
        'the first date `dateparser.search.search_dates(phrase, languages=["fr"])` '
        "finds in the phrase. "
        "dateparser fills a month it cannot find with today's, so its score may vary "
        "with the date of the run. Regenerate with "
        "`python bench/compare_dateparser.py > docs/timeline-vs-dateparser.md`.\n"
    )
    print(
        "| phrase | ilotc kind+date | dateparser date | dateparser month right? "
        "| search_dates finds | search_dates month right? |"
    )
    print("|---|---|---|---|---|---|")
    dated = ours_right = theirs_right = found_right = unchecked = 0
    for phrase in phrases:
        reading = read_timeline(phrase)
        ours = our_month(reading)
        if ours is None:
            continue
        dated += 1
        truth = expected.get(phrase, ours)
        unchecked += phrase not in expected
        ours_right += ours == truth
        parsed = dateparser.parse(phrase, languages=["fr"])
        theirs = (parsed.year, parsed.month) if parsed else None
        theirs_right += theirs == truth
        hits = search_dates(phrase, languages=["fr"]) or []
        found = (hits[0][1].year, hits[0][1].month) if hits else None
        found_right += found == truth
        shown = f"{parsed:%Y-%m-%d}" if parsed else "(none)"
        found_shown = f"{hits[0][1]:%Y-%m-%d} ({cell(hits[0][0])!r})" if hits else "(none)"
        print(
            f"| {cell(phrase)} | {cell(summary(reading))} | {shown} | {verdict(theirs, truth)} "
            f"| {found_shown} | {verdict(found, truth)} |"
        )
    print()
    if unchecked:
        print(f"({unchecked} phrase(s) have no decided reading in the tests; ilotc's own is used.)\n")
    print(f"dateparser search_dates: {found_right} of {dated} months right\n")
    print(f"dateparser: {theirs_right} of {dated} months right; ilotc: {ours_right} of {dated}")
    heldout(
        search_dates,
        "heldout_phrases.yaml",
        "Held-out real phrases",
        "written down with their readings before the reader was tuned.",
    )
    heldout(
        search_dates,
        "heldout_blind.yaml",
        "Blind set",
        "collected and committed with their readings by a second engineer before opening "
        "or running the reader (10 of them overlap the set above: the same search found the "
        "same pages).",
    )
    return 0


def _first(dates: list[str | None]) -> str | None:
    return next((d for d in dates if d), None)


def _ours(reading: Reading) -> str | None:
    return _first([str(d) if d else None for s in reading.schedules for d in (s.start, s.due)])


def _theirs(found: dt.datetime | None, precision: str | None) -> str | None:
    """dateparser's date at the precision expected (it always gives a day)."""
    if found is None:
        return None
    return f"{found:%Y-%m-%d}" if precision and len(precision) == 10 else f"{found:%Y-%m}"


FIELDS = ("kind", "start", "due", "every_months")


def load_cases(path: Path) -> list[dict]:
    """A held-out file as `{lang, phrase, expected | unspecified}` cases.

    Two layouts: heldout_phrases.yaml (a list; `unspecified` is a reason the reader must
    give) and heldout_blind.yaml (`phrases:`; `text`, `expect`, and `why` in the
    collector's words, so only the kind is checked for an unspecified phrase).
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return data
    cases = []
    for item in data["phrases"]:
        case = {"lang": item["lang"], "phrase": item["text"], "source": item["source"]}
        if item["expect"] == "unspecified":
            case["unspecified"] = ""
        else:
            case["expected"] = [{**s, "immediate": True} if s.get("immediate") else s for s in item["expect"]]
        cases.append(case)
    return cases


def schedules(reading: Reading) -> list[dict]:
    """The reading's schedules as the held-out files write them (nulls and `immediate: false` left out)."""
    rows = []
    for s in reading.schedules:
        data = s.to_json()
        row = {k: v for k, v in data.items() if k in FIELDS and v is not None}
        rows.append({**row, "immediate": True} if data.get("immediate") else row)
    return rows


def exact(case: dict, reading: Reading) -> bool:
    """The reading is the one decided: the same schedules, or unspecified with the reason."""
    if "expected" in case:
        return schedules(reading) == case["expected"]
    return not reading.readable and case["unspecified"] in (reading.reason or "")


def heldout(search_dates: object, name: str, title: str, blurb: str) -> None:
    """A held-out comparison: read exactly, first date right, and wrong dates, per reader."""
    cases = load_cases(ROOT / "tests" / "data" / name)
    print(f"\n## {title}\n")
    print(
        f"The {len(cases)} phrases of `tests/data/{name}` (French, English, Spanish, each with its "
        f"source), {blurb} A date is right when it is the first date expected, at the precision "
        "written (a day or a month); a wrong date is any other date, including one for a phrase "
        "that has none. dateparser is `search_dates(phrase, languages=[lang])`.\n"
    )
    print("| phrase | lang | expected | ilotc | search_dates |")
    print("|---|---|---|---|---|")
    read_exactly = ours_right = theirs_right = ours_wrong = theirs_wrong = dated = missed = 0
    for case in cases:
        expected = _first([d for s in case.get("expected", []) for d in (s.get("start"), s.get("due"))])
        reading = read_timeline(case["phrase"])
        read_exactly += exact(case, reading)
        ours = _ours(reading)
        hits = search_dates(case["phrase"], languages=[case["lang"]]) or []  # type: ignore[operator]
        theirs = _theirs(hits[0][1] if hits else None, expected)
        dated += expected is not None
        ours_right += expected is not None and ours == expected
        theirs_right += expected is not None and theirs == expected
        ours_wrong += ours is not None and ours != expected
        missed += expected is not None and not reading.readable
        theirs_wrong += theirs is not None and theirs != expected
        print(
            f"| {cell(case['phrase'])} | {case['lang']} | {expected or 'unspecified'} "
            f"| {cell(summary(reading)) or 'unspecified'} | {theirs or '(none)'} |"
        )
    print()
    print(
        f"ilotc: {read_exactly} of {len(cases)} read exactly "
        "(kind, dates and period, or unspecified with its reason)\n"
    )
    print(
        f"first date right: ilotc {ours_right} of {dated}; "
        f"dateparser search_dates {theirs_right} of {dated}\n"
    )
    print(f"wrong dates: ilotc {ours_wrong}; dateparser search_dates {theirs_wrong}\n")
    print(f"ilotc unspecified where a date was expected: {missed}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
