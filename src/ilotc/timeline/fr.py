"""French: the words of the timeline grammar for phrases written in French."""

from __future__ import annotations

from ilotc.timeline.grammar import Cue, Grammar

_FILLERS = frozenset({"de", "du", "d", "l", "la", "le", "an", "annee", "-"})

# fmt: off
GRAMMAR = Grammar(
    lang="fr",
    months={
        "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
        "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "juill": 7, "aout": 8,
        "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
        "decembre": 12, "dec": 12,
    },
    weekdays=frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}),
    ordinals={
        "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "1ere": 1, "deuxieme": 2, "second": 2,
        "seconde": 2, "2e": 2, "2eme": 2, "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4,
        "4e": 4, "4eme": 4, "dernier": 0, "derniere": 0,
    },
    year_parts={"semestre": 6, "moitie": 6, "trimestre": 3, "trim": 3},
    part_codes={
        **{f"t{n}": (3, n) for n in range(1, 5)}, **{f"q{n}": (3, n) for n in range(1, 5)},
        **{f"s{n}": (6, n) for n in range(1, 3)},
    },
    numbers={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "dix huit": 18,
        "vingt quatre": 24, "trente six": 36,
    },
    units={
        "an": 12, "ans": 12, "annee": 12, "annees": 12, "mois": 1, "trimestre": 3,
        "trimestres": 3, "semestre": 6, "semestres": 6,
    },
    recurrence_stems={
        "annuel": 12, "biennal": 24, "biennaux": 24, "triennal": 36, "semestriel": 6, "trimestriel": 3,
        "mensuel": 1,
    },
    two_word_recurrences={},
    times={},
    times_words=frozenset({"fois"}),
    per_words=frozenset({"par"}),
    every_words=frozenset({"tous", "toutes", "chaque"}),
    modifiers={"debut": "begin", "fin": "end", "mi": "mid", "milieu": "mid"},
    fillers=_FILLERS,
    year_words=frozenset({"an", "annee", "annees"}),
    year_leads=frozenset({
        "en", "ici", "avant", "apres", "depuis", "partir", "compter", "des", "jusqu", "a",
        "au", "et", "ou", "pendant", "durant", "courant", "pour", "horizon", "voire", "meme",
    }),
    year_lead_stems=("achev", "termin", "demarr", "commenc", "debut", "lanc", "finalis"),
    not_number_leads=frozenset({"no", "n", "nos", "numero", "art", "article"}),
    day_leads=frozenset(),
    range_prefixes=frozenset({"de", "du", "d", "entre"}),
    pair_prefixes=frozenset({"entre"}),
    range_connectors=(("jusqu", "a"), ("jusqu", "au"), ("jusqu", "en"), ("a",), ("au",), ("-",)),
    pair_connectors=frozenset({"et"}),
    milestone_words=frozenset({
        "premier", "premiere", "premiers", "premieres", "initiales", "initiaux",
    }),
    not_milestone_next=_FILLERS | {"en", "et", "a", "les", "des"},
    initiative_words=frozenset({"initiative", "initiatives"}),
    clause_cuts=frozenset({",", "et"}),
    clause_joiners=frozenset({",", "et", "en"}),
    relative_words=frozenset({"apres", "suivant", "suivants", "suivante", "a", "compter"}),
    within_words=frozenset({"dans", "sous"}),
    session_words=frozenset({"session"}),
    period_words=frozenset({
        "exercice", "biennal", "biennale", "biennium", "periode", "programme", "phase",
        "strategie", "plan",
    }),
    seasons=frozenset({"printemps", "ete", "automne", "hiver"}),
    cues={
        Cue.START: (
            "demarr*", "commenc*", "debut*", "lanc*", "a partir de|du|des|d",
            "a compter de|du|d", "depuis", "des>",
        ),
        Cue.END: (
            "achev*", "termin*", "finalis*", "d ici", "d ici a|au|la", "jusqu a|au|en",
            "au plus tard", "echeance", "date limite", "pour>",
        ),
        Cue.EARLIEST: ("pas avant", "au plus tot", "pas plus tot que"),
        Cue.BEFORE: ("avant",),
        Cue.AFTER: ("apres",),
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
        Cue.OR_EVEN: ("voire>", "voire en>", "voire meme>", "ou meme>", "ou meme en>"),
        Cue.RECURRING: (
            "sur une base reguliere|periodique", "regulierement", "periodiq*",
            "a intervalles reguliers",
        ),
    },
    markers=frozenset({
        "de", "la", "le", "les", "des", "du", "en", "d", "l", "ici", "et", "ou", "un", "une",
        "tous", "toutes", "chaque", "fin", "debut", "ans", "annee", "annees", "mois",
        "semestre", "trimestre", "premier", "premiere", "premiers", "premieres", "reunion",
        "resultats", "partir", "selon", "sur", "base", "dans", "avec", "par", "t1", "t2",
        "t3", "t4", "s1", "s2", "immediatement", "annuel*", "biennal*", "semestriel*",
        "trimestriel*", "mensuel*", "fois", "au", "aux", "session", "conseil", "geneve",
        "exercice", "periode", "biennale", "er", "eme",
    }),
    day_first=True,
    throughout=(("tout", "au", "long"), ("pendant", "toute"), ("durant", "toute")),
    fiscal_words=frozenset({"fiscal", "fiscale", "exercice"}),
    accents="èêëàâçîïôûùœ",
    not_only_months=frozenset({"sept"}),
)
# fmt: on
