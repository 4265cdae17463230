"""Held-out phrasings: timelines this plan does not contain, in French and English.

Written before the reader, as a check that it is a grammar and not a table of the
plan's sentences. Each case states the exact schedules expected, in the order written:
(kind, start, due, every_months, immediate), dates as `YYYY-MM`.
"""

from __future__ import annotations

import pytest

from ilotc.timeline import read_timeline

Row = tuple[str, str | None, str | None, int | None, bool]


def deadline(due: str) -> Row:
    return ("deadline", None, due, None, False)


def milestone(due: str) -> Row:
    return ("milestone", None, due, None, False)


def start(when: str | None = None, *, immediate: bool = False) -> Row:
    return ("start", when, None, None, immediate)


def window(begin: str, end: str) -> Row:
    return ("window", begin, end, None, False)


def recurring(every: int | None, begin: str | None = None) -> Row:
    return ("recurring", begin, None, every, False)


def plain(kind: str, begin: str | None = None) -> Row:
    return (kind, begin, None, None, False)


UNSPECIFIED = plain("unspecified")

FRENCH: list[tuple[str, list[Row]]] = [
    # Months: abbreviations, case, accents.
    ("Achevé en sept. 2001", [deadline("2001-09")]),
    ("ACHEVÉE EN FÉVRIER 2001", [deadline("2001-02")]),
    ("achevee en fevrier 2001", [deadline("2001-02")]),
    ("Terminée en févr. 2002", [deadline("2002-02")]),
    ("Achevé en janv. 2001", [deadline("2001-01")]),
    ("Achevé en 2001", [deadline("2001-12")]),
    ("En 2001", [deadline("2001-12")]),
    # Ends of periods.
    ("Fin 2001", [deadline("2001-12")]),
    ("Fin de 2002", [deadline("2002-12")]),
    ("Fin de l’année 2001", [deadline("2001-12")]),
    ("D’ici à la fin de 2001", [deadline("2001-12")]),
    ("D'ici à juin 2001", [deadline("2001-06")]),
    ("Avant la fin de 2000", [deadline("2000-12")]),
    ("Avant mars 2001", [deadline("2001-02")]),  # before March: by the end of February
    ("Avant 2001", [deadline("2000-12")]),
    ("Fin mars 2001", [deadline("2001-03")]),
    ("Premier semestre 2001", [deadline("2001-06")]),
    ("Deuxième semestre 2000", [deadline("2000-12")]),
    ("Second semestre 2001", [deadline("2001-12")]),
    ("1er semestre 2001", [deadline("2001-06")]),
    ("Troisième trimestre 2001", [deadline("2001-09")]),
    ("Au cours du premier trimestre 2001", [deadline("2001-03")]),
    ("D'ici la fin du deuxième trimestre 2001", [deadline("2001-06")]),
    ("Mi-2001", [deadline("2001-06")]),
    # Starts.
    ("Démarrer en octobre 2000", [start("2000-10")]),
    ("Commencer en février 2001", [start("2001-02")]),
    ("Les travaux commenceront début 2001", [start("2001-01")]),
    ("À partir de mars 2001", [start("2001-03")]),
    ("Dès avril 2001", [start("2001-04")]),
    ("Début mars 2001", [start("2001-03")]),
    ("Démarrage fin 2000", [start("2000-12")]),
    ("Début immédiat, puis de manière continue", [start(immediate=True), plain("continuous")]),
    # Milestones.
    ("Premiers résultats d'ici décembre 2001", [milestone("2001-12")]),
    ("Première phase achevée en mars 2001", [milestone("2001-03")]),
    ("Premières mesures au deuxième semestre 2001", [milestone("2001-12")]),
    # Windows.
    ("Démarrer en février 2001 et se terminer en juin 2002", [window("2001-02", "2002-06")]),
    ("De janvier à juin 2001", [window("2001-01", "2001-06")]),
    ("De janvier 2001 à décembre 2002", [window("2001-01", "2002-12")]),
    ("Janvier-juin 2001", [window("2001-01", "2001-06")]),
    # Recurrence.
    ("Tous les trois ans", [recurring(36)]),
    ("Tous les 6 mois", [recurring(6)]),
    ("Tous les six mois", [recurring(6)]),
    ("Chaque année", [recurring(12)]),
    ("Réunion annuelle", [recurring(12)]),
    ("Rapport biennal", [recurring(24)]),
    ("Sur une base semestrielle", [recurring(6)]),
    ("Trimestriel", [recurring(3)]),
    ("Mensuellement", [recurring(1)]),
    ("Deux fois par an", [recurring(6)]),
    ("Périodiquement", [recurring(None)]),
    ("Tous les ans ou au moins tous les trois ans", [recurring(36)]),
    ("Tous les ans à partir de 2001", [recurring(12, "2001-01")]),
    # Continuous, ongoing, as needed, linked.
    ("De façon continue", [plain("continuous")]),
    ("En permanence", [plain("continuous")]),
    ("Continu", [plain("continuous")]),
    ("De manière continue à partir de mars 2000", [plain("continuous", "2000-03")]),
    ("Déjà lancé", [plain("ongoing")]),
    ("À poursuivre", [plain("ongoing")]),
    ("Travaux en cours", [plain("ongoing")]),
    ("Au besoin", [plain("as_needed")]),
    ("Le cas échéant", [plain("as_needed")]),
    ("Si nécessaire", [plain("as_needed")]),
    ("Lié à la réforme du programme et budget", [plain("linked")]),
    ("À intégrer dans le plan stratégique 2002-05", [plain("linked")]),
    # Compounds.
    (
        "Démarrage en mars 2001 pour l'Afrique; juin 2001 pour l'Asie",
        [start("2001-03"), start("2001-06")],
    ),
    (
        "Achevé en mai 2001 pour la phase 1, décembre 2001 pour la phase 2",
        [deadline("2001-05"), deadline("2001-12")],
    ),
    ("En cours; achèvement prévu fin 2001", [plain("ongoing"), deadline("2001-12")]),
    # Not dates: never a guess.
    ("Pour le programme et budget 2002-03", [window("2002-01", "2003-12")]),
    ("Ratification de la convention no 182", [UNSPECIFIED]),
    ("Au cours de l'exercice 2000-01", [window("2000-01", "2001-12")]),
    ("Bientôt", [UNSPECIFIED]),
    ("Mai", [UNSPECIFIED]),
    ("", [UNSPECIFIED]),
    ("   ", [UNSPECIFIED]),
]

ENGLISH: list[tuple[str, list[Row]]] = [
    ("Completed by April 2001", [deadline("2001-04")]),
    ("By the end of 2001", [deadline("2001-12")]),
    ("By end-2001", [deadline("2001-12")]),
    ("End of 2001", [deadline("2001-12")]),
    ("By June 2001", [deadline("2001-06")]),
    ("Before the end of 2001", [deadline("2001-12")]),
    ("Before March 2001", [deadline("2001-02")]),
    ("No later than Sept. 2001", [deadline("2001-09")]),
    ("Jan 2002", [deadline("2002-01")]),
    ("Mid-2001", [deadline("2001-06")]),
    ("First half of 2001", [deadline("2001-06")]),
    ("Second half of 2001", [deadline("2001-12")]),
    ("Q3 2001", [deadline("2001-09")]),
    ("Third quarter of 2001", [deadline("2001-09")]),
    ("Starting January 2001", [start("2001-01")]),
    ("From March 2001", [start("2001-03")]),
    ("Starting in Sept. 2001", [start("2001-09")]),
    ("Early 2001", [start("2001-01")]),
    ("Immediately", [start(immediate=True)]),
    ("First results in September 2001", [milestone("2001-09")]),
    ("Initial findings by November 2001", [milestone("2001-11")]),
    ("From January to June 2001", [window("2001-01", "2001-06")]),
    (
        "Starting in January 2001 and ending by December 2001",
        [window("2001-01", "2001-12")],
    ),
    ("Between March and September 2001", [window("2001-03", "2001-09")]),
    ("Every two years", [recurring(24)]),
    ("Every 3 months", [recurring(3)]),
    ("Every year", [recurring(12)]),
    ("Annually", [recurring(12)]),
    ("Biennially", [recurring(24)]),
    ("Quarterly", [recurring(3)]),
    ("Twice a year", [recurring(6)]),
    ("On a regular basis", [recurring(None)]),
    ("Annually from 2002", [recurring(12, "2002-01")]),
    ("Ongoing", [plain("ongoing")]),
    ("Under way", [plain("ongoing")]),
    ("Already under way", [plain("ongoing")]),
    ("In progress", [plain("ongoing")]),
    ("On a continuous basis", [plain("continuous")]),
    ("Continuously", [plain("continuous")]),
    ("As required", [plain("as_needed")]),
    ("As needed", [plain("as_needed")]),
    ("Where appropriate", [plain("as_needed")]),
    ("To be integrated into the field restructuring", [plain("linked")]),
    ("Linked to the budget review of 2001", [plain("linked")]),
    (
        "Start in March 2001; June 2001 for the regional offices",
        [start("2001-03"), start("2001-06")],
    ),
    (
        "Starting January 2001, then continuously",
        [start("2001-01"), plain("continuous", "2001-01")],
    ),
    ("For the 2002-03 programme and budget", [window("2002-01", "2003-12")]),
    ("TBD", [UNSPECIFIED]),
    ("May", [UNSPECIFIED]),
]


def rows(phrase: str) -> list[Row]:
    """The reading of `phrase` as comparable rows."""
    return [
        (
            s.kind.value,
            None if s.start is None else str(s.start),
            None if s.due is None else str(s.due),
            s.every_months,
            s.immediate,
        )
        for s in read_timeline(phrase).schedules
    ]


@pytest.mark.parametrize(("phrase", "expected"), FRENCH, ids=[p or "<empty>" for p, _ in FRENCH])
def test_french_heldout(phrase: str, expected: list[Row]) -> None:
    assert rows(phrase) == expected


@pytest.mark.parametrize(("phrase", "expected"), ENGLISH, ids=[p for p, _ in ENGLISH])
def test_english_heldout(phrase: str, expected: list[Row]) -> None:
    assert rows(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "lang"),
    [
        ("Achevé en avril 2000", "fr"),
        ("Mai 2000", "fr"),
        ("Tous les deux ans", "fr"),
        ("En cours", "fr"),
        ("Completed by April 2000", "en"),
        ("Every two years", "en"),
        ("In progress", "en"),
        ("Q3 2001", "en"),
    ],
)
def test_language_is_detected(phrase: str, lang: str) -> None:
    assert read_timeline(phrase).lang == lang


def test_labels_are_verbatim_qualifiers() -> None:
    fr = read_timeline("Démarrage en mars 2001 pour l'Afrique; juin 2001 pour l'Asie")
    assert [s.label for s in fr.schedules] == ["pour l'Afrique", "pour l'Asie"]
    en = read_timeline("Start in March 2001; June 2001 for the regional offices")
    assert [s.label for s in en.schedules] == [None, "for the regional offices"]


@pytest.mark.parametrize("phrase", ["Bientôt", "TBD", "Mai", "Pour le programme et budget 2002-1990"])
def test_unreadable_phrases_say_why(phrase: str) -> None:
    reading = read_timeline(phrase)
    assert not reading.readable
    assert reading.reason
    assert reading.to_json()["reason"] == reading.reason


def test_month_without_year_is_named_in_the_reason() -> None:
    reason = read_timeline("Mai").reason
    assert reason is not None and "year" in reason
