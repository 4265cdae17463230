"""Problem documents, one writer per `validate --format`: text lines, a JSON array, GitHub annotations.

The CLI derives `validate --format` from `PROBLEM_FORMATS` and writes what a writer returns:
text as Rich markup (coloured severities) through a console, the others as they are.

Data is data: file names and messages quote plan content. Text shows them through
`ilotc.output.text.markup` (one line each), annotations through `annotation_property` and
`annotation_message`, so no value can start a line of its own; JSON strings are escaped by the
JSON encoder. `to_github` is the only place that writes a line starting with `::`.
"""

from collections.abc import Sequence

from ilotc.i18n import _
from ilotc.output.formats import TextFormat, registry
from ilotc.output.text import annotation_message, annotation_property, markup
from ilotc.store.problems import Problem


def text_lines(problems: Sequence[Problem]) -> list[str]:
    """Problems as `file:line:column: severity: message` lines of Rich markup, the severity
    in the interface language (JSON and GitHub annotations keep the machine's word)."""
    lines = []
    for problem in problems:
        said = _("[red]error[/]: {message}") if problem.is_error else _("[yellow]warning[/]: {message}")
        lines.append(
            f"{markup(problem.path, multiline=False)}:{problem.line}:{problem.column}: "
            + said.format(message=markup(problem.message, multiline=False))
        )
    return lines


def to_text(problems: Sequence[Problem]) -> str:
    """The text lines, each ending with a newline (Rich markup)."""
    return "".join(line + "\n" for line in text_lines(problems))


def to_json(problems: Sequence[Problem]) -> str:
    """One JSON array of `{path, line, column, severity, message, pointer}` objects."""
    from ilotc.output.json_text import dumps_indented  # noqa: PLC0415 - lazy: orjson, only for this format

    return dumps_indented([problem.to_json() for problem in problems]) + "\n"


def github_annotation(problem: Problem) -> str:
    """One GitHub workflow command: `::error file=PATH,line=L,col=C::MESSAGE`."""
    level = "error" if problem.is_error else "warning"
    return (
        f"::{level} file={annotation_property(problem.path)},line={problem.line},"
        f"col={problem.column}::{annotation_message(problem.message)}"
    )


def to_github(problems: Sequence[Problem]) -> str:
    """A workflow annotation per problem, one a line."""
    return "".join(github_annotation(problem) + "\n" for problem in problems)


PROBLEM_FORMATS: dict[str, TextFormat[Sequence[Problem]]] = registry(
    TextFormat("text", "file:line:column: severity: message lines", to_text, markup=True),
    TextFormat("json", "one JSON array of problems", to_json),
    TextFormat("github", "GitHub workflow annotations", to_github),
)
"""The one registry of problem formats, in the order `--format` lists them."""
