"""CLDR date patterns and month names for the interface languages (generated; do not edit).

Written by scripts/cldr_dates.py from the CLDR data Babel carries, so a date in prose
costs no Babel import; tests/test_cldr_dates.py checks it against Babel itself. English
is CLDR's en_GB, as the ILO writes it.
"""

LONG_DATE = {
    "en": "d MMMM y",
    "fr": "d MMMM y",
    "es": "d 'de' MMMM 'de' y",
}
"""The long date pattern ("MMMM d, y")."""

YEAR_MONTH = {
    "en": "MMMM y",
    "fr": "MMMM y",
    "es": "MMMM 'de' y",
}
"""The pattern of the skeleton yMMMM ("MMMM y")."""

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}
"""Month names as a date writes them (context "format", width "wide")."""
