"""The blind set (tests/data/heldout_blind.yaml): 77 real phrases collected, with their
readings, by a second engineer before opening or running the reader; and the rules its
misses led to, each tested on phrases of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ilotc.timeline import LANGUAGES, read_timeline

PHRASES = yaml.safe_load((Path(__file__).parent / "data" / "heldout_blind.yaml").read_text(encoding="utf-8"))[
    "phrases"
]
FIELDS = ("kind", "start", "due", "every_months", "immediate")
EXACT_AFTER_FIXES = 76  # of 77; first look, before any change to the reader: 72


def found(text: str, lang: str | None = None) -> list[dict]:
    """The reading's schedules, every field, as the blind file writes them."""
    return [{k: s.to_json()[k] for k in FIELDS} for s in read_timeline(text, lang).schedules]


def expected(case: dict) -> list[dict]:
    if case["expect"] == "unspecified":
        return [{"kind": "unspecified", "start": None, "due": None, "every_months": None, "immediate": False}]
    return [
        {"start": None, "due": None, "every_months": None, "immediate": False, **s} for s in case["expect"]
    ]


def dated(schedules: list[dict]) -> bool:
    return any(s["start"] or s["due"] for s in schedules)


def test_the_blind_set_has_sources_and_all_three_languages() -> None:
    assert len(PHRASES) == 77
    assert {lang: sum(c["lang"] == lang for c in PHRASES) for lang in ("en", "fr", "es")} == {
        "en": 25,
        "fr": 24,
        "es": 28,
    }
    assert all(c["source"].startswith("http") for c in PHRASES)
    assert all(c["expect"] != "unspecified" or c["why"] for c in PHRASES)


def test_no_blind_phrase_gets_a_wrong_date() -> None:
    wrong = [(c["text"], got) for c in PHRASES if dated(got := found(c["text"])) and got != expected(c)]
    assert wrong == []


def test_the_blind_score_is_the_one_reported() -> None:
    missed = [c["text"] for c in PHRASES if found(c["text"]) != expected(c)]
    assert len(PHRASES) - len(missed) >= EXACT_AFTER_FIXES, missed
    # the miss left, honestly: "2006-07" may be July 2006 as well as a biennium
    assert missed == ["En 2006-07"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_85_percent_exact_in_each_language(lang: str) -> None:
    cases = [c for c in PHRASES if c["lang"] == lang]
    exact = sum(found(c["text"]) == expected(c) for c in cases)
    assert exact >= 0.85 * len(cases)


# --- the rules the blind set's misses led to, on phrases of their own ----------------


def reason(text: str, lang: str | None = None) -> str:
    reading = read_timeline(text, lang)
    assert not reading.readable, reading
    return reading.reason or ""


def dues(text: str, lang: str | None = None) -> list[str | None]:
    return [s["due"] for s in found(text, lang)]


@pytest.mark.parametrize("text", ["06/04/2002", "Review: 06/04/2002", "Date : 11/10/2019", "05-03-2021"])
def test_a_numeric_date_in_no_stated_order_is_not_read_where_the_language_is_not_told(text: str) -> None:
    assert "cannot be told apart" in reason(text)


def test_a_numeric_date_keeps_an_evident_order_or_its_language_s_convention() -> None:
    assert dues("17/10/2019") == ["2019-10-17"]  # 17 can only be a day
    assert dues("05/05/2020") == ["2020-05-05"]
    assert dues("Terminé le 06/04/2002") == ["2002-04-06"]  # French: day first
    assert dues("Fecha: 06/04/2002") == ["2002-04-06"]  # Spanish: day first
    assert dues("06/04/2002", "fr") == ["2002-04-06"]  # the language named
    assert dues("06/04/2002", "en") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "FY 2020-21",
        "FY2019",
        "fiscal year 2021",
        "Financial Year 2023",
        "año fiscal 2020",
        "exercice fiscal 2021",
    ],
)
def test_a_fiscal_year_is_not_read_as_a_calendar_year(text: str) -> None:
    assert "fiscal year" in reason(text)


def test_a_date_beside_a_fiscal_year_is_still_read() -> None:
    assert dues("Closing date June 30, 2021 (FY21)") == ["2021-06-30"]
    assert found("the 2020-21 financial period")[0]["start"] == "2020-01"  # a biennium


@pytest.mark.parametrize("text", ["2020/21", "2019/2020", "campaña 2021/22"])
def test_a_year_across_two_written_with_a_slash_is_not_read(text: str) -> None:
    assert "starts in a month not written" in reason(text)


def test_a_span_of_years_with_a_slash_is_read_where_a_period_is_named() -> None:
    assert found("bienio 2020/2021")[0] == {
        "kind": "window",
        "start": "2020-01",
        "due": "2021-12",
        "every_months": None,
        "immediate": False,
    }
    assert found("2018/2020")[0]["due"] == "2020-12"  # three years: no single year across two
    assert found("2020-21")[0]["due"] == "2021-12"  # a dash: the ILO's biennium, as before


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("341st Session, Geneva, March 2021", "2021-03"),
        ("à sa 345e session, en juin 2022", "2022-06"),
        ("345e session du Conseil d'administration (juin 2022)", "2022-06"),
        ("informe a la 112.ª reunión de la Conferencia, junio de 2024", "2024-06"),
    ],
)
def test_a_session_outside_the_table_takes_the_date_written_next_to_it(text: str, due: str) -> None:
    assert dues(text) == [due]


@pytest.mark.parametrize(
    "text",
    [
        "345e session du Conseil d'administration",
        "Rapport à la 345e session; démarrage en janvier 2020",  # the date is another clause's
        "345e session, 12 rapports, juin 2022",  # another number between: not next to it
    ],
)
def test_a_session_outside_the_table_with_no_date_next_to_it_is_unspecified(text: str) -> None:
    assert "not in the table of ILO meetings" in reason(text)


def test_spanish_vigencia_is_a_year_of_a_public_budget() -> None:
    assert [s["every_months"] for s in found("el 30 de junio de cada vigencia")] == [12]
    assert [s["kind"] for s in found("una vez por vigencia")] == ["recurring"]


# --- families probed beyond the blind set, where a date was wrong --------------------


@pytest.mark.parametrize(
    "text",
    [
        "not before 1 March 2022",
        "no earlier than 2023",
        "pas avant 2023",
        "au plus tôt en 2023",
        "no antes de 2023",
    ],
)
def test_an_earliest_date_is_no_deadline(text: str) -> None:
    assert "earliest date" in reason(text)


def test_a_latest_date_is_still_a_deadline() -> None:
    assert dues("not later than June 2021") == ["2021-06"]
    assert dues("avant mars 2021") == ["2021-02"]


@pytest.mark.parametrize("text", ["Q2/2022", "2022 Q2", "2022/Q2", "T2/2022"])
def test_a_year_beside_a_part_or_month_not_read_is_not_rounded_to_the_year(text: str) -> None:
    assert "could not be read" in reason(text)


def test_a_month_read_in_another_language_is_not_rounded_to_the_year() -> None:
    assert dues("Mar. 2021") == ["2021-03"]  # not December, as French alone read it


@pytest.mark.parametrize("text", ["biennium", "by the end of the biennium", "pendant l'exercice biennal"])
def test_a_biennium_is_a_period_not_a_repetition(text: str) -> None:
    assert [s["kind"] for s in found(text)] == ["unspecified"]


@pytest.mark.parametrize("text", ["biennial", "biennially", "réunions biennales", "Biennal"])
def test_biennial_still_repeats_every_two_years(text: str) -> None:
    assert [s["every_months"] for s in found(text)] == [24]
