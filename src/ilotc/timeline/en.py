"""English: the words of the timeline grammar for phrases written in English."""

from __future__ import annotations

from ilotc.timeline.grammar import Cue, Grammar

_FILLERS = frozenset({"the", "of", "year", "calendar", "-"})

# fmt: off
GRAMMAR = Grammar(
    lang="en",
    months={
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
    weekdays=frozenset({
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }),
    ordinals={
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "last": 0, "final": 0,
    },
    year_parts={"half": 6, "semester": 6, "quarter": 3},
    part_codes={
        **{f"q{n}": (3, n) for n in range(1, 5)}, **{f"h{n}": (6, n) for n in range(1, 3)},
    },
    numbers={
        "one": 1, "two": 2, "other": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "eighteen": 18, "twenty four": 24, "thirty six": 36,
    },
    units={
        "year": 12, "years": 12, "month": 1, "months": 1, "quarter": 3, "quarters": 3,
    },
    recurrence_stems={
        "annual": 12, "yearly": 12, "biennial": 24, "triennial": 36, "quarterly": 3,
        "monthly": 1,
    },
    two_word_recurrences={("semi", "annual"): 6, ("semi", "annually"): 6, ("half", "yearly"): 6},
    times={"once": 1, "twice": 2, "thrice": 3},
    times_words=frozenset({"times"}),
    per_words=frozenset({"per", "a", "each", "every"}),
    every_words=frozenset({"every", "each"}),
    modifiers={
        "early": "begin", "beginning": "begin", "start": "begin", "end": "end", "late": "end",
        "mid": "mid", "middle": "mid",
    },
    fillers=_FILLERS,
    year_words=frozenset({"year", "years"}),
    year_leads=frozenset({
        "in", "by", "before", "after", "since", "from", "until", "till", "to", "and", "or",
        "during", "for", "through", "than", "as", "even",
    }),
    year_lead_stems=("complet", "finish", "start", "begin", "launch", "due", "end"),
    not_number_leads=frozenset({"no", "number", "nr", "art", "article"}),
    day_leads=frozenset({"of"}),
    range_prefixes=frozenset({"from", "between"}),
    pair_prefixes=frozenset({"between"}),
    range_connectors=(("to",), ("until",), ("till",), ("through",), ("-",)),
    pair_connectors=frozenset({"and"}),
    milestone_words=frozenset({"first", "initial"}),
    not_milestone_next=_FILLERS | {"in", "and", "to", "all"},
    initiative_words=frozenset({"initiative", "initiatives"}),
    clause_cuts=frozenset({",", "and"}),
    clause_joiners=frozenset({",", "and", "in"}),
    relative_words=frozenset({"after", "of", "following", "from"}),
    within_words=frozenset({"within"}),
    session_words=frozenset({"session"}),
    period_words=frozenset({
        "biennium", "period", "programme", "program", "phase", "strategy", "plan", "for",
        "during",
    }),
    seasons=frozenset({"spring", "summer", "autumn", "fall", "winter"}),
    cues={
        Cue.START: (
            "start*", "begin*", "commenc*", "launch*", "from>", "as of>", "as from>",
            "with effect from>", "since",
        ),
        Cue.END: (
            "complet*", "finish*", "finaliz*", "finalis*", "conclud*", "by", "ending",
            "ends", "ended", "due", "deadline", "until", "till", "no later than",
            "not later than", "at the latest", "on or before",
        ),
        Cue.EARLIEST: ("not before", "no earlier than", "not earlier than", "at the earliest"),
        Cue.BEFORE: ("before", "prior to", "ahead of"),
        Cue.AFTER: ("after",),
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
        Cue.OR_EVEN: ("or even>",),
        Cue.RECURRING: (
            "on a regular|periodic basis", "regularly", "periodic*", "at regular intervals",
        ),
    },
    markers=frozenset({
        "the", "of", "by", "in", "from", "every", "each", "year", "years", "month",
        "months", "first", "half", "quarter", "end", "and", "or", "to", "on", "basis",
        "results", "starting", "within", "with", "into", "q1", "q2", "q3", "q4", "h1", "h2",
        "annual*", "yearly", "biennial*", "quarterly", "monthly", "twice", "once", "early",
        "late", "mid", "middle", "beginning", "session", "st", "nd", "rd", "th", "geneva",
        "governing", "body", "calendar", "approved", "date", "after", "at", "for",
        "review", "closing", "completion", "expected", "revised", "deadline", "target",
    }),
    day_first=None,
    not_only_months=frozenset({"may", "mar"}),
    throughout=(("throughout",),),
    fiscal_words=frozenset({"fy", "fiscal", "financial"}),
)
# fmt: on
