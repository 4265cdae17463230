"""The words the timeline reader knows, in French and English.

Every entry is written in normalised form: lower case, no accents, apostrophes and
hyphens as word separators ("d'ici" is the two words "d ici"). Cue phrases use a small
notation, compiled by `compile_phrase`:

- words are separated by spaces; `a|au|aux` lists alternatives for one word;
- a trailing `*` makes a word a prefix (`achev*` matches acheve, achevee, achevement);
- a trailing `>` on the whole phrase means it only counts right before a date
  ("des" is the article "des" unless a date follows, when it is "dès").
"""

from __future__ import annotations

from enum import Enum


class Cue(Enum):
    """What a cue phrase says about the schedule of its clause."""

    START = "start"  # the date that follows is when the work starts
    END = "end"  # the date that follows is when the work is finished (inclusive)
    BEFORE = "before"  # finished before the date that follows (exclusive)
    IMMEDIATE = "immediate"  # starts at once, no date
    CONTINUOUS = "continuous"
    ONGOING = "ongoing"
    AS_NEEDED = "as_needed"
    LINKED = "linked"  # the rest of the clause names another timetable
    LABEL = "label"  # after a date: the rest of the clause qualifies it ("pour ...")
    BREAK = "break"  # "puis", "then": a new clause that follows on from the last
    AT_LEAST = "at_least"  # "X ou au moins Y": Y is the binding commitment
    RECURRING = "recurring"  # a repetition (its period, when stated, travels with the hit)
    MILESTONE = "milestone"  # "premiers résultats": a first part is due, not the whole


Pattern = tuple[tuple[str, ...], ...]


def compile_phrase(spec: str) -> tuple[Pattern, bool]:
    """Turn `"a partir de|du"` into word slots, and say whether a date must follow."""
    needs_date = spec.endswith(">")
    words = spec.rstrip(">").split()
    return tuple(tuple(word.split("|")) for word in words), needs_date


FRENCH_MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "juill": 7, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}  # fmt: skip
ENGLISH_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12, "sept": 9,
}  # fmt: skip
MONTHS: dict[str, int] = {**FRENCH_MONTHS, **ENGLISH_MONTHS}

# Ordinals before "semestre"/"trimestre"/"half"/"quarter"; 0 means the last one.
ORDINALS: dict[str, int] = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "1ere": 1, "first": 1, "1st": 1,
    "deuxieme": 2, "second": 2, "seconde": 2, "2e": 2, "2eme": 2, "2nd": 2,
    "troisieme": 3, "third": 3, "3e": 3, "3eme": 3, "3rd": 3,
    "quatrieme": 4, "fourth": 4, "4e": 4, "4eme": 4, "4th": 4,
    "dernier": 0, "derniere": 0, "last": 0, "final": 0,
}  # fmt: skip

# Parts of a year, as their length in months.
YEAR_PARTS: dict[str, int] = {
    "semestre": 6, "semester": 6, "half": 6, "moitie": 6, "trimestre": 3, "quarter": 3,
}  # fmt: skip

# "Q3 2000", "T3 2000", "H1 2000", "S1 2000": (length in months, which one).
PART_CODES: dict[str, tuple[int, int]] = {
    **{f"q{n}": (3, n) for n in range(1, 5)},
    **{f"t{n}": (3, n) for n in range(1, 5)},
    **{f"h{n}": (6, n) for n in range(1, 3)},
    **{f"s{n}": (6, n) for n in range(1, 3)},
}

NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "other": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7,
    "huit": 8, "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "onze": 11,
    "eleven": 11, "douze": 12, "twelve": 12, "dix huit": 18, "eighteen": 18,
    "vingt quatre": 24, "twenty four": 24, "trente six": 36, "thirty six": 36,
}  # fmt: skip

# Repetition units, as months: "tous les deux ANS", "every three MONTHS".
UNITS: dict[str, int] = {
    "an": 12, "ans": 12, "annee": 12, "annees": 12, "year": 12, "years": 12,
    "mois": 1, "month": 1, "months": 1, "trimestre": 3, "trimestres": 3, "quarter": 3,
    "quarters": 3, "semestre": 6, "semestres": 6,
}  # fmt: skip

# Words that repeat on a stated period, matched as prefixes: annuel, annuellement...
RECURRENCE_STEMS: dict[str, int] = {
    "annuel": 12, "annual": 12, "yearly": 12, "bienn": 24, "triennal": 36,
    "triennial": 36, "semestriel": 6, "trimestriel": 3, "quarterly": 3, "mensuel": 1,
    "monthly": 1,
}  # fmt: skip
TWO_WORD_RECURRENCES: dict[tuple[str, str], int] = {
    ("semi", "annual"): 6, ("semi", "annually"): 6, ("half", "yearly"): 6,
}  # fmt: skip
# "deux fois par an", "twice a year": how many times.
TIMES: dict[str, int] = {"once": 1, "twice": 2, "thrice": 3}
TIMES_WORDS = frozenset({"fois", "times"})
PER_WORDS = frozenset({"par", "per", "a", "each", "every"})
EVERY_WORDS = frozenset({"tous", "toutes", "chaque", "every", "each"})

# Before a period: which part of it is meant ("fin 2000" is December 2000).
MODIFIERS: dict[str, str] = {
    "debut": "begin", "early": "begin", "beginning": "begin", "start": "begin",
    "fin": "end", "end": "end", "late": "end",
    "mi": "mid", "mid": "mid", "milieu": "mid", "middle": "mid",
}  # fmt: skip

# Words that may stand between a modifier or a year part and the year:
# "fin DE L'AN 2000", "first half OF 2000", "end-2000".
FILLERS = frozenset({"de", "du", "d", "l", "la", "le", "the", "of", "an", "annee", "year", "-"})
YEAR_WORDS = frozenset({"an", "annee", "year"})

# A bare year ("2001") is a date only after one of these ("en 2001", "by 2001"),
# so "programme et budget 2002" is not read as a deadline.
YEAR_LEADS = frozenset(
    {
        "en", "in", "ici", "by", "avant", "before", "apres", "after", "depuis", "since",
        "from", "partir", "compter", "des", "until", "till", "jusqu", "to", "a", "au",
        "et", "and", "ou", "or", "pendant", "during", "durant", "courant", "pour",
        "through", "than", "as",
    }
)  # fmt: skip
YEAR_LEAD_STEMS = (
    "achev", "termin", "demarr", "commenc", "debut", "lanc", "finalis", "complet",
    "finish", "start", "begin", "launch", "due", "end",
)  # fmt: skip
# Numbers after these are references, not years: "convention no 182".
NOT_NUMBER_LEADS = frozenset({"no", "n", "nos", "numero", "number", "nr", "art", "article"})

# Ranges: "DE janvier A juin 2001", "FROM January TO June 2001", "BETWEEN March AND ...".
RANGE_PREFIXES = frozenset({"de", "du", "d", "entre", "from", "between"})
PAIR_PREFIXES = frozenset({"entre", "between"})
RANGE_CONNECTORS: tuple[tuple[str, ...], ...] = (
    ("jusqu", "a"), ("jusqu", "au"), ("jusqu", "en"), ("a",), ("au",), ("-",),
    ("to",), ("until",), ("till",), ("through",),
)  # fmt: skip
PAIR_CONNECTORS = frozenset({"et", "and"})

# Milestones: "PREMIERS résultats", "FIRST results", "INITIAL findings" (but not
# "premier semestre", a date, nor "first of all").
MILESTONE_WORDS = frozenset(
    {"premier", "premiere", "premiers", "premieres", "first", "initial", "initiales", "initiaux"}
)
NOT_MILESTONE_NEXT = FILLERS | {"en", "in", "et", "and", "to", "a", "les", "des", "all"}
# A comma or "et" followed by a date, possibly after these words, starts a new clause:
# "achevé en mai 2001 pour X, (et) (en) décembre 2001 pour Y".
CLAUSE_CUTS = frozenset({",", "et", "and"})
CLAUSE_JOINERS = CLAUSE_CUTS | {"en", "in"}

# fmt: off
FRENCH_CUES: dict[Cue, tuple[str, ...]] = {
    Cue.START: (
        "demarr*", "commenc*", "debut*", "lanc*", "a partir de|du|des|d", "a compter de|du|d",
        "depuis", "des>",
    ),
    Cue.END: (
        "achev*", "termin*", "finalis*", "d ici", "d ici a|au|la", "jusqu a|au|en",
        "au plus tard", "echeance", "date limite", "pour>",
    ),
    Cue.BEFORE: ("avant",),
    Cue.IMMEDIATE: (
        "immediat*", "sans delai", "des maintenant", "des a present", "tout de suite",
        "des que possible", "au plus vite", "dans les meilleurs delais",
    ),
    Cue.CONTINUOUS: (
        "de maniere|facon continue|permanente|constante|continuelle", "en continu",
        "continu", "continue", "continuel*", "en permanence", "permanent*", "constamment",
        "sans interruption",
    ),
    Cue.ONGOING: (
        "en cours", "a poursuivre", "se poursuit|poursuivent", "poursuivre",
        "deja lance|lancee|lances|lancees|engage|engagee|entame|entamee|commence|commencee",
        "deja en cours|place",
    ),
    Cue.AS_NEEDED: (
        "selon|suivant les|le besoin|besoins", "au besoin", "si besoin", "en cas de besoin",
        "en tant que de besoin", "selon|suivant les|la situation|situations",
        "le cas echeant", "si necessaire", "au cas par cas", "en fonction des besoins",
        "lorsque necessaire", "selon les circonstances",
    ),
    Cue.LINKED: (
        "associe|associee|associes|associees a|au|aux",
        "lie|liee|lies|liees a|au|aux",
        "a integrer dans|a|au|aux",
        "integre|integree|integres|integrees dans|a|au|aux",
        "en liaison|lien avec", "parallelement a|au|aux", "en parallele avec",
    ),
    Cue.LABEL: ("pour", "dans le cas de|du|des|d", "en ce qui concerne", "concernant"),
    Cue.BREAK: ("puis", "ensuite", "par la suite"),
    Cue.AT_LEAST: ("au moins", "au minimum"),
    Cue.RECURRING: (
        "sur une base reguliere|periodique", "regulierement", "periodiq*",
        "a intervalles reguliers",
    ),
}

ENGLISH_CUES: dict[Cue, tuple[str, ...]] = {
    Cue.START: (
        "start*", "begin*", "commenc*", "launch*", "from>", "as of>", "as from>",
        "with effect from>", "since",
    ),
    Cue.END: (
        "complet*", "finish*", "finaliz*", "finalis*", "conclud*", "by", "ending",
        "ends", "ended", "due", "deadline", "until", "till", "no later than",
        "at the latest",
    ),
    Cue.BEFORE: ("before", "prior to", "ahead of"),
    Cue.IMMEDIATE: (
        "immediate*", "at once", "without delay", "right away", "forthwith",
        "as soon as possible", "asap",
    ),
    Cue.CONTINUOUS: (
        "continuous*", "continual*", "on a continuous|continuing|permanent|ongoing basis",
        "permanent", "permanently", "at all times",
    ),
    Cue.ONGOING: (
        "ongoing", "under way", "underway", "in progress", "to be continued", "continuing",
        "to continue", "already started|launched|begun|initiated|under way|in progress",
        "under negotiation",
    ),
    Cue.AS_NEEDED: (
        "as|when|where|if required|needed|necessary|appropriate",
        "as and when", "ad hoc", "on an ad hoc basis", "case by case",
        "on a case by case basis", "depending on needs|circumstances",
        "according to needs",
    ),
    Cue.LINKED: (
        "linked to|with", "tied to", "to be integrated into|in|with",
        "integrated into|in|with", "associated with", "in conjunction|parallel with",
        "in connection with", "to coincide with",
    ),
    Cue.LABEL: ("for", "in the case of", "regarding", "concerning", "as regards"),
    Cue.BREAK: ("then", "thereafter", "afterwards", "subsequently", "followed by"),
    Cue.AT_LEAST: ("at least", "at a minimum", "at minimum"),
    Cue.RECURRING: (
        "on a regular|periodic basis", "regularly", "periodic*", "at regular intervals",
    ),
}

# fmt: on

CUES: dict[str, dict[Cue, tuple[str, ...]]] = {"fr": FRENCH_CUES, "en": ENGLISH_CUES}

# Words that tell the languages apart (besides cue words and month names); a trailing
# `*` makes a stem.
FRENCH_MARKERS = frozenset(
    {
        "de", "la", "le", "les", "des", "du", "en", "d", "l", "ici", "et", "ou", "un", "une",
        "tous", "toutes", "chaque", "fin", "debut", "ans", "annee", "annees", "mois",
        "semestre", "trimestre", "premier", "premiere", "premiers", "premieres",
        "resultats", "partir", "selon", "sur", "base", "dans", "avec", "par", "t1", "t2",
        "t3", "t4", "s1", "s2", "immediatement", "annuel*", "biennal*", "semestriel*",
        "trimestriel*", "mensuel*", "fois",
    }
)  # fmt: skip
ENGLISH_MARKERS = frozenset(
    {
        "the", "of", "by", "in", "from", "every", "each", "year", "years", "month",
        "months", "first", "half", "quarter", "end", "and", "or", "to", "on", "basis",
        "results", "starting", "within", "with", "into", "q1", "q2", "q3", "q4", "h1", "h2",
        "annual*", "yearly", "biennial*", "quarterly", "monthly", "twice", "once", "early",
        "late", "mid", "middle", "beginning",
    }
)  # fmt: skip
