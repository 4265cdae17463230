"""Spanish: the words of the timeline grammar for phrases written in Spanish."""

from __future__ import annotations

from ilotc.timeline.grammar import Cue, Grammar

_FILLERS = frozenset({"de", "del", "el", "la", "ano", "-"})

# fmt: off
GRAMMAR = Grammar(
    lang="es",
    months={
        "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4,
        "abr": 4, "mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7,
        "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "sept": 9, "sep": 9,
        "set": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11, "diciembre": 12,
        "dic": 12,
    },
    weekdays=frozenset({"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"}),
    ordinals={
        "primer": 1, "primero": 1, "primera": 1, "1er": 1, "1o": 1, "1a": 1, "segundo": 2,
        "segunda": 2, "2o": 2, "2a": 2, "tercer": 3, "tercero": 3, "tercera": 3, "3er": 3,
        "3o": 3, "3a": 3, "cuarto": 4, "cuarta": 4, "4o": 4, "4a": 4, "ultimo": 0, "ultima": 0,
    },
    year_parts={"semestre": 6, "mitad": 6, "trimestre": 3, "trim": 3},
    part_codes={
        **{f"t{n}": (3, n) for n in range(1, 5)}, **{f"s{n}": (6, n) for n in range(1, 3)},
    },
    numbers={
        "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
        "dieciocho": 18, "veinticuatro": 24, "treinta y seis": 36,
    },
    units={
        "ano": 12, "anos": 12, "mes": 1, "meses": 1, "trimestre": 3, "trimestres": 3,
        "semestre": 6, "semestres": 6,
        "vigencia": 12, "vigencias": 12,  # the (fiscal) year of a public budget, in Colombia
    },
    recurrence_stems={
        "anual": 12, "bienal": 24, "trienal": 36, "semestral": 6, "trimestral": 3,
        "mensual": 1,
    },
    two_word_recurrences={},
    times={},
    times_words=frozenset({"veces", "vez"}),
    per_words=frozenset({"por", "al", "cada"}),
    every_words=frozenset({"cada", "todos"}),
    modifiers={
        "inicio": "begin", "inicios": "begin", "principios": "begin", "comienzo": "begin",
        "comienzos": "begin", "fin": "end", "finales": "end", "final": "end",
        "mediados": "mid", "mitad": "mid",
    },
    fillers=_FILLERS,
    year_words=frozenset({"ano", "anos"}),
    year_leads=frozenset({
        "en", "antes", "despues", "desde", "partir", "hasta", "a", "al", "y", "o", "durante",
        "para", "tardar", "el", "del", "horizonte", "incluso", "aun",
    }),
    year_lead_stems=("conclu", "termin", "finaliz", "inici", "comenz", "lanz", "complet"),
    not_number_leads=frozenset({"no", "n", "num", "numero", "art", "articulo"}),
    day_leads=frozenset({"de"}),
    range_prefixes=frozenset({"de", "del", "desde", "entre"}),
    pair_prefixes=frozenset({"entre"}),
    range_connectors=(("hasta",), ("a",), ("al",), ("-",)),
    pair_connectors=frozenset({"y"}),
    milestone_words=frozenset({"primer", "primeros", "primera", "primeras", "iniciales"}),
    not_milestone_next=_FILLERS | {"en", "y", "a", "los", "las"},
    initiative_words=frozenset({"iniciativa", "iniciativas"}),
    clause_cuts=frozenset({",", "y"}),
    clause_joiners=frozenset({",", "y", "en"}),
    relative_words=frozenset({"despues", "tras", "siguiente", "siguientes", "a", "partir"}),
    within_words=frozenset({"dentro", "plazo"}),
    session_words=frozenset({"reunion", "sesion"}),
    period_words=frozenset({
        "bienio", "bienal", "ejercicio", "periodo", "periodos", "programa", "fase", "plan",
        "estrategia",
    }),
    seasons=frozenset({"primavera", "verano", "otono", "invierno"}),
    cues={
        Cue.START: (
            "inici*", "comenz*", "comienz*", "lanz*", "a partir de|del", "desde",
            "empez*", "arranc*",
        ),
        Cue.END: (
            "conclu*", "termin*", "finaliz*", "complet*", "a mas tardar", "hasta",
            "para>", "plazo", "fecha limite",
        ),
        Cue.EARLIEST: ("no antes de|del", "no antes", "como muy pronto", "lo mas pronto"),
        Cue.BEFORE: ("antes",),
        Cue.AFTER: ("despues de|del",),
        Cue.IMMEDIATE: (
            "inmediat*", "sin demora", "de inmediato", "cuanto antes", "lo antes posible",
            "sin dilacion",
        ),
        Cue.CONTINUOUS: (
            "de manera|forma continua|permanente|constante", "en forma continua",
            "continuo", "continua", "continuamente", "permanente*", "constantemente",
            "sin interrupcion",
        ),
        Cue.ONGOING: (
            "en curso", "en marcha", "en ejecucion", "en proceso", "ya iniciad*",
            "ya en marcha|curso", "continuar", "se continua|continuara",
        ),
        Cue.AS_NEEDED: (
            "segun|conforme sea necesario", "segun se requiera", "segun las|la necesidades|necesidad",
            "cuando sea necesario", "si es necesario", "en caso necesario", "segun proceda",
            "caso por caso", "de ser necesario",
        ),
        Cue.LINKED: (
            "vinculad* a|al|con", "ligad* a|al", "asociad* a|al|con",
            "integrad* en|a|al", "en relacion con", "en paralelo con", "paralelamente a|al",
        ),
        Cue.LABEL: ("para", "en el caso de|del", "en lo que respecta a", "respecto de|del"),
        Cue.BREAK: ("luego", "despues", "posteriormente", "a continuacion", "seguido de"),
        Cue.AT_LEAST: ("al menos", "como minimo", "por lo menos"),
        Cue.OR_EVEN: ("o incluso>", "o incluso en>", "o aun>", "o aun en>"),
        Cue.RECURRING: (
            "de manera|forma periodica|regular", "periodicamente", "regularmente",
            "a intervalos regulares", "periodic*",
        ),
    },
    markers=frozenset({
        "de", "del", "el", "la", "los", "las", "en", "y", "o", "un", "una", "cada", "ano",
        "anos", "mes", "meses", "semestre", "trimestre", "primer", "primera", "segundo",
        "resultados", "partir", "segun", "sobre", "base", "dentro", "con", "por", "mas",
        "tardar", "antes", "curso", "manera", "forma", "reunion", "consejo", "ginebra",
        "anual*", "bienal*", "bienio", "semestral*", "trimestral*", "mensual*", "veces",
        "al", "su", "fecha", "sesion", "mediados", "finales", "principios", "programa",
        "nacional", "desarrollo", "ejercicio", "periodo",
    }),
    day_first=True,
    throughout=(("a", "lo", "largo"), ("durante", "todo")),
    fiscal_words=frozenset({"fiscal", "ejercicio"}),
    accents="ñáíóú¿¡",
    not_only_months=frozenset({"mar", "set", "sep"}),
)
# fmt: on
