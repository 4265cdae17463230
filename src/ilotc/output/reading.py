"""The reading of a timeline phrase as a document (`ilotc timeline`): text lines, or one JSON object.

The CLI derives `timeline --format` from `READING_FORMATS`. Data is data: the phrase, its
labels and reasons are shown through `ilotc.output.text.markup` on one line each.
"""

from ilotc.i18n import _
from ilotc.model.schedule import Reading
from ilotc.output.formats import TextFormat, registry
from ilotc.output.how_read import how_read
from ilotc.output.text import markup
from ilotc.timeline.reasons import words as reason_words


def to_text(reading: Reading) -> str:
    """The phrase, its language, one line per schedule, and any reason (Rich markup)."""
    lines = [
        _("Phrase:   {phrase}").format(phrase=markup(reading.text, multiline=False)),
        _("Language: {lang}").format(lang=how_read(reading)),
    ]
    for schedule in reading.schedules:
        label = f" ({markup(schedule.label, multiline=False)})" if schedule.label else ""
        lines.append(f"  - {markup(schedule.describe(), multiline=False)}{label}")
    if reading.reason is not None:
        heading = _("Note:   {reason}") if reading.readable else _("Reason:   {reason}")
        lines.append(heading.format(reason=markup(reason_words(reading.reason), multiline=False)))
    return "".join(line + "\n" for line in lines)


def to_json(reading: Reading) -> str:
    """`{"text", "lang", "schedules": [...]}` on one line (CONTRACT)."""
    from ilotc.output.json_text import dumps_line  # noqa: PLC0415 - lazy: orjson, only for JSON

    return dumps_line(reading.to_json()) + "\n"


READING_FORMATS: dict[str, TextFormat[Reading]] = registry(
    TextFormat("text", "the phrase, its language and one line per schedule", to_text, markup=True),
    TextFormat("json", "one JSON object", to_json),
)
"""The one registry of reading formats, in the order `--format` lists them."""
