"""The interface's language: which one is in use, its messages, and dates written in prose.

English, French and Spanish, the ILO's three working languages. Messages are looked up in
the gettext catalogs under `ilotc/locale/` (compiled from `locale/*/LC_MESSAGES/ilotc.po`,
see docs/languages.md); a catalog is read the first time a message in that language is
looked up, and English needs none, so a command pays nothing for languages it does not use.
Dates in prose follow CLDR's patterns and month names, taken from Babel into `cldr_dates.py`
(so writing one costs no Babel import); other CLDR data comes from Babel on first use.

Nothing here prints. Only the interface is translated: the plan's own text, JSON and CSV
keys, enumerated values and `YYYY-MM[-DD]` dates never are.
"""

import datetime as dt
import gettext
import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from ilotc.i18n import cldr_dates

LANGUAGES = ("en", "fr", "es")
"""The languages of the interface, English (the source language) first: the registry of
interface languages, every other list of them (`--lang`, its errors) reads it. It names the
source language and each catalog under `locale/` (a test keeps the two equal); it is written
out rather than read from the folder because its order is shown to people ("expected en, fr,
es"), which no listing of a folder gives, and i18n, the lowest layer, cannot read the
timeline grammars (a grammar is not an interface: the interface speaks fewer languages)."""

SOURCE_LANGUAGE = "en"
DOMAIN = "ilotc"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where gettext looks for the user's language, in its order (the first one set is used)."""


class UnknownLanguageError(ValueError):
    """A language name that is not one of LANGUAGES, and where it was given."""

    def __init__(self, origin: str, value: str) -> None:
        super().__init__(f"{origin} {value!r}")
        self.origin = origin
        self.value = value


def language_of(name: str) -> str | None:
    """The interface language a locale or language name means: `fr_FR.UTF-8` and `fr` mean
    `fr`; `C` and `POSIX` mean English; None when ilotc does not speak it."""
    code = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    if code in ("c", "posix"):
        return SOURCE_LANGUAGE
    return code if code in LANGUAGES else None


def resolve(option: str | None, environ: Mapping[str, str]) -> str:
    """The interface language: `--lang`, else ILOTC_LANG, else the gettext variables, else
    English. A `--lang` or ILOTC_LANG that names no language of ours is an error (it was
    chosen on purpose); the locale variables name the user's languages in general, so one
    that ilotc does not speak is passed over, as gettext does (`LANGUAGE=de:fr` is French).
    """
    for chosen, origin in ((option, "--lang"), (environ.get("ILOTC_LANG"), "ILOTC_LANG")):
        if chosen:
            found = language_of(chosen)
            if found is None:
                raise UnknownLanguageError(origin, chosen)
            return found
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            for name in value.split(":"):
                found = language_of(name)
                if found is not None:
                    return found
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


_language: str | None = None
_catalogs: dict[str, gettext.NullTranslations] = {}


def use(lang: str | None) -> None:
    """Speak `lang` from now on; None goes back to the environment's choice (see `language`)."""
    global _language  # noqa: PLW0603 - one interface language per process, as gettext's own
    if lang is not None and lang not in LANGUAGES:
        raise UnknownLanguageError("use", lang)
    _language = lang


def chosen() -> str | None:
    """The language chosen with `use`, if any (None: the environment's will be used)."""
    return _language


def language() -> str:
    """The language in use: the one chosen with `use`, else what the environment says (an
    unknown ILOTC_LANG means English here; the command line reports it)."""
    global _language  # noqa: PLW0603
    if _language is None:
        try:
            _language = resolve(None, os.environ)
        except UnknownLanguageError:
            _language = SOURCE_LANGUAGE
    return _language


def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled messages of `lang`, read once (English, the source, has none)."""
    if lang not in _catalogs:
        _catalogs[lang] = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    return _catalogs[lang]


QUOTES = {"en": ("'", "'"), "fr": ("«\u00a0", "\u00a0»"), "es": ("«", "»")}
"""Each language's quotation marks around a value a message quotes (French with no-break
spaces inside, Spanish without); English keeps Python's, as Click writes them."""


def quote(text: str) -> str:
    """`text` between the interface language's quotation marks."""
    opening, closing = QUOTES[language()]
    return f"{opening}{text}{closing}"


def quote_value(value: str) -> str:
    """A value a message quotes, as `repr` shows it in English ('X.9') and between the
    language's quotation marks elsewhere, its control characters escaped as repr escapes them
    (so none can break or reorder the line)."""
    if language() == SOURCE_LANGUAGE:
        return repr(value)
    return quote(repr(value)[1:-1].replace("\\'", "'").replace('\\"', '"'))


class _Quoting(string.Formatter):
    """str.format, where `{value!r}` quotes a text as `quote_value` does."""

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "r" and isinstance(value, str):
            return quote_value(value)
        return super().convert_field(value, conversion)


_QUOTING = _Quoting()


class Translated(str):
    """A translated message: `format` as str's, with values quoted (`!r`) as the language
    quotes them ('X.9' in English, « X.9 » in French, «X.9» in Spanish)."""

    __slots__ = ()

    def format(self, /, *args: object, **kwargs: object) -> str:
        """The message with its fields filled, as `str.format` fills them."""
        if "!r" not in self:
            return str.format(self, *args, **kwargs)
        return _QUOTING.vformat(str(self), args, kwargs)


def _(message: str) -> str:
    """`message` in the interface language (the English itself when it has no translation)."""
    lang = language()
    return message if lang == SOURCE_LANGUAGE else Translated(catalog(lang).gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count` things, by the language's plural rules."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return singular if count == 1 else plural
    return Translated(catalog(lang).ngettext(singular, plural, count))


def pgettext(context: str, message: str) -> str:
    """`message` translated in a context: the same English for two meanings ("in June 2000"
    and "in June 1, 2000" are "en juin 2000" and "le 1 juin 2000")."""
    lang = language()
    return message if lang == SOURCE_LANGUAGE else Translated(catalog(lang).pgettext(context, message))


def language_name(code: str) -> str:
    """The name of language `code` in the interface language ("français" in French); a code
    of no language of ours is returned as it is."""
    names = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
    return names.get(code, code)


def N_(message: str) -> str:
    """Mark a message for the catalogs, to be translated later with `_` (when the language
    is known): help texts and labels defined at import time."""
    return message


_PATTERN_FIELD = re.compile(r"'([^']*)'|MMMM|d|y")

NO_BREAK_SPACE = "\u00a0"
"""Between the words of a date in prose, so that no line ever breaks inside a date."""


def _cldr_format(pattern: str, day: dt.date) -> str:
    """`day` written by a CLDR pattern of the fields these languages' long dates use
    (`d`, `MMMM`, `y`, quoted literals); the patterns are CLDR's (`cldr_dates.py`). As the
    ILO writes dates, the first of the month is "1er" in French, and the words are held
    together by no-break spaces."""
    lang = language()

    def field(match: re.Match[str]) -> str:
        token = match.group()
        if token.startswith("'"):
            return match.group(1) or "'"  # '' is a quote
        if token == "MMMM":
            return cldr_dates.MONTHS[lang][day.month - 1]
        if token == "d":
            return "1er" if day.day == 1 and lang == "fr" else str(day.day)
        return str(day.year)

    return _PATTERN_FIELD.sub(field, pattern).replace(" ", NO_BREAK_SPACE)


def long_date(day: dt.date) -> str:
    """A day in the language's long form as the ILO writes it (CLDR's, English as en_GB):
    "1 June 2000", "1er juin 2000", "1 de junio de 2000", with no-break spaces."""
    return _cldr_format(cldr_dates.LONG_DATE[language()], day)


def month_year(year: int, month: int) -> str:
    """A month in the language's CLDR form: "June 2000", "juin 2000", "junio de 2000" (with
    no-break spaces)."""
    return _cldr_format(cldr_dates.YEAR_MONTH[language()], dt.date(year, month, 1))


def month_names(width: Literal["abbreviated", "narrow", "wide"] = "wide") -> tuple[str, ...]:
    """The twelve months' names as they stand alone ("janvier"; width "narrow" gives "J")."""
    from babel.dates import get_month_names  # noqa: PLC0415 - lazy: Babel, as in long_date

    names = get_month_names(width, context="stand-alone", locale=language())
    return tuple(names[month] for month in range(1, 13))


def number(value: int) -> str:
    """A whole number grouped as the language writes it: "74,946", "74 946", "74.946"."""
    from babel.numbers import format_decimal  # noqa: PLC0415 - lazy: Babel, as in long_date

    return format_decimal(value, locale=language())
