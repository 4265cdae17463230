"""The progress report as Markdown: the paper's blocks, pipe tables, a month grid, the annex.

Every value from the plan passes through `ilotc.output.text.markdown`; the report's own words
are escaped the same way, so nothing in either can make markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from ilotc.output.report import texts as t
from ilotc.output.report.grid import month_grid
from ilotc.output.report.paper import Figure, Heading, Paragraph, Table, build_paper, progress_table
from ilotc.output.text import markdown
from ilotc.report.progress import Report


def pipe_table(table: Table) -> list[str]:
    """A pipe table; numeric columns right-aligned."""
    rule = ["---:" if i in table.numeric else "---" for i in range(len(table.headers))]
    lines = [_row(table.headers), "| " + " | ".join(rule) + " |"]
    lines += [_row(row) for row in table.rows]
    if table.caption:
        lines = [f"*{markdown(table.caption)}*", "", *lines]
    return lines


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(markdown(cell) if cell else " " for cell in cells) + " |"


def _figure(report: Report, figure: Figure) -> list[str]:
    if figure.which == "progress":
        return [*pipe_table(progress_table(report)), ""]
    return [
        f"*{markdown(figure.caption)}*",
        "",
        "```text",
        *month_grid(report.chart),
        "```",
        "",
        markdown(t.GRID_LEGEND) + ".",
        "",
    ]


def render_markdown(report: Report) -> str:
    """The report as one Markdown document: the cover first, then the paper, then the annex."""
    paper = build_paper(report)
    cover = paper.cover
    # the cover in the Governing Body's order: office and body, symbol, session, place and date;
    # then committee, item on the agenda and purpose; the title is the document's one level-1 heading
    head = [v for v in (cover.office, cover.body, cover.symbol, cover.session, cover.place_date) if v]
    out = [markdown(" · ".join(head)), ""]
    lines = [v for v in (cover.committee, cover.agenda_item) if v]
    out += [" · ".join([*map(markdown, lines), f"**{markdown(cover.purpose)}**"]), ""]
    if cover.original:  # as a UN paper says "Original: French" on its cover
        out += [markdown(cover.original), ""]
    out += [f"# {markdown(paper.title)}", "", f"**{markdown(paper.subtitle)}**", ""]
    if paper.caveat:
        out += [f"> **{markdown(t.labelled(t.ILLUSTRATIVE_LABEL))}** {markdown(paper.caveat)}", ""]
    out += [f"> **{markdown(t.labelled(t.PURPOSE_LABEL))}** {markdown(paper.purpose)}", ""]
    if cover.decision_point:
        out += [f"**{markdown(cover.decision_point)}**", ""]
    for block in paper.blocks:
        out += _block(report, block)
    out += [markdown(paper.closing), ""]
    if cover.decision_point:
        out += [f"**{markdown(cover.decision_point)}**", ""]
    out += [f"## {markdown(t.HEADINGS['annex'])}", "", *pipe_table(paper.annex), ""]
    return "\n".join(out)


def _block(report: Report, block: Heading | Paragraph | Table | Figure) -> list[str]:
    if isinstance(block, Heading):
        return [f"## {markdown(block.text)}", ""]
    if isinstance(block, Paragraph):
        lines = [f"{block.number}\\. {markdown(block.text)}", ""]
        if block.items:
            lines += [f"   - {markdown(item)}" for item in block.items] + [""]
        return lines
    if isinstance(block, Table):
        return [*pipe_table(block), ""]
    return _figure(report, block)
