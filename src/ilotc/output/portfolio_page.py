"""The portfolio page (`report --portfolio`): the status table of every plan, as Markdown or HTML.

The same rows as `ilotc status` (`ilotc.model.portfolio`), most behind first, with a chart
of late actions per plan. The HTML page is one self-contained file: inline CSS, an inline
SVG chart, and a few lines of inline script that filter the table and the chart as one
types (nothing is fetched; without script the page shows every plan). Values from the plans
go through `ilotc.output.text` (Markdown escaped, HTML autoescaped with `html_value`).
"""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ilotc.i18n import N_, _, language, long_date
from ilotc.model.labels import HEADERS
from ilotc.model.portfolio import PlanStatus
from ilotc.output.text import html_templates, markdown

TEMPLATE = "portfolio.html.j2"
BAR_CELLS = 30
"""The widest bar of the Markdown chart, in characters."""


class _Texts(NamedTuple):
    """The page's words in the interface language."""

    title: str
    headers: tuple[str, ...]
    chart: str
    filter: str
    no_plan: str
    none_late: str


def _texts(as_of: dt.date) -> _Texts:
    return _Texts(
        title=_("Portfolio status as of {date}").format(date=long_date(as_of)),
        headers=(
            _(HEADERS["plan"]),
            _(N_("Title")),
            _(HEADERS["actions"]),
            _(N_("Done %")),
            _(N_("Late")),
            _(N_("Next due")),
            _(N_("Last change")),
        ),
        chart=_("Late actions per plan"),
        filter=_("Filter plans"),
        no_plan=_("No plan matches."),
        none_late=_("No action is late."),
    )


def _cells(row: PlanStatus) -> tuple[str, ...]:
    percent = row.done_percent
    return (
        row.plan,
        row.title,
        str(row.actions),
        "" if percent is None else str(percent),
        str(row.late),
        row.next_due.isoformat() if row.next_due else "",
        str(row.last_change) if row.last_change else "",
    )


def render_markdown(rows: Sequence[PlanStatus], as_of: dt.date) -> str:
    """The page as Markdown: a heading, the table, and the chart as bars of characters."""
    texts = _texts(as_of)
    lines = [f"# {markdown(texts.title)}", ""]
    lines.append("| " + " | ".join(markdown(h) for h in texts.headers) + " |")
    lines.append("|" + "---|" * len(texts.headers))
    lines += ["| " + " | ".join(markdown(cell) for cell in _cells(row)) + " |" for row in rows]
    lines += ["", f"## {markdown(texts.chart)}", ""]
    most = max((row.late for row in rows), default=0)
    if most == 0:
        lines.append(markdown(texts.none_late))
    else:
        lines.append("```")
        width = max(len(row.plan) for row in rows)
        for row in rows:
            bar = "█" * round(BAR_CELLS * row.late / most)
            # a fenced block shows text as written: only control characters need escaping
            lines.append(f"{_fenced(row.plan).ljust(width)}  {bar} {row.late}".rstrip())
        lines.append("```")
    return "\n".join(lines) + "\n"


def _fenced(text: str) -> str:
    return markdown(text).replace("`", "'") if "`" in text or "\n" in text else text


def render_html(rows: Sequence[PlanStatus], as_of: dt.date) -> str:
    """The page as one self-contained HTML file."""
    environment = html_templates()
    most = max((row.late for row in rows), default=0)
    return environment.get_template(TEMPLATE).render(
        rows=[(row, _cells(row)) for row in rows],
        texts=_texts(as_of),
        lang=language(),
        most=most,
        bar=_bar_width(most),
    )


def _bar_width(most: int) -> Callable[[int], float]:
    return lambda late: 0.0 if most == 0 else round(100 * late / most, 1)


PORTFOLIO_FORMATS: dict[str, Callable[[Sequence[PlanStatus], dt.date], str]] = {
    "markdown": render_markdown,
    "html": render_html,
}
"""The formats of the portfolio page, by `report --format` name."""
