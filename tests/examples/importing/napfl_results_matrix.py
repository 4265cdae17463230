"""Build `napfl_results_matrix.docx` and `.xlsx`: rows of a real public action plan, laid out as it
lays them out (in the spreadsheet, the same cells merged down as Excel merges them).

Source: *National Action Plan on Forced Labour (2021-2025)*, Annex 1 "NAPFL Results Matrix",
Ministry of Human Resources, Malaysia (developed with the support of the ILO), 2021; read from
the publication's web pages https://mohr.gov.my/images/NAPFLFINAL/files/basic-html/page57.html
to page71.html and the two-page spreads .../NAPFL%202021-2025/files/basic-html/page59.html,
page60.html, page65.html, page67.html, page69.html; the text of Strategic Goal 4 from its M&E
framework, page74.html. The stored copy holds the openings of pages 57-60, 64-69 and 71 only, so
25 of the matrix's activities are here, in its order.

The matrix is a five-column table: No | Strategic Goal | Outcomes | Activities | Timeline/Target
year of achievement of outcome. A goal's cell spans (is merged down over) all its rows, an
outcome's cell and its timeline span the outcome's activities. Texts are copied verbatim
(spelling such as "feedbacking" and "attaches" included). Only what the stored copy shows in
full is here: an activity cut off at the end of a page's stored text is left out, and the
words of a goal or outcome cut off so are followed by " […]"; the cells of Strategic Goals 2 and
3, of outcome 2.3 and of the outcome(s) of page 68 fell on pages not in the stored copy and hold
"[…]".

Run `python tests/examples/importing/napfl_results_matrix.py` to rebuild both files.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from openpyxl.styles import Alignment

ELIDED = "[…]"

GOALS: list[tuple[str, str, list[tuple[str, str, list[str]]]]] = [
    (
        "1",
        "By 2025, there will be an improved knowledge base and awareness and understanding of forced "
        "labour among workers and employers, young people, government staff and the general public\n"
        "(Implementation to be coordinated by the Technical Committee on Awareness)",
        [
            (
                "1.1. Workers and employers have increased knowledge on forced labour and are better able "
                "to combat forced labour, including in the supply chains",
                "2023 (partially), 2025",
                [
                    "Conduct a rapid national forced labour awareness assessment among companies to assess "
                    "their level of understanding and awareness of forced labour in their operations.",
                    "Implement targeted awareness raising to support the implementation of the other NAPFL "
                    "interventions, e.g. awareness about freedom of association and how it protects workers "
                    "against forced labour, awareness to employers about due diligence and remediation "
                    "responsibilities and gender dynamics in forced labour.",
                    "Disseminate information materials to workers and employers about ATIPSOM Act and labour "
                    "laws relating to forced labour and child labour. (NAPTIP)",
                    "Develop communication strategy including dissemination plan for informational "
                    "materials that are simple and easy to understand, taking into consideration workers’ "
                    "literacy, gender needs and other important factors.",
                ],
            ),
            (
                f"1.2. The general public (community key stakeholders) have increased {ELIDED}",
                "2023 (partially), 2025",
                [
                    "Hold town-hall meetings and other events to raise awareness and mobilise Malaysian and "
                    "migrant communities and other stakeholders including Embassies to participate in action "
                    "against forced labour, with consideration of hybrid meetings where outreach even to the "
                    "undocumented population is made possible (for example, face-to-face with online "
                    "options).",
                    "Establish feedbacking mechanism from the public about forced labour issues in Malaysia.",
                    "Publicly share key reports or updates on the progress of implementing the NAPFL.",
                ],
            ),
            (
                "1.3. Robust forced labour data collection, analysis and dissemination systems are "
                "operational",
                "2022",
                [
                    "Conduct baseline mapping exercise to identify what sources of data on forced labour are "
                    "available from different stakeholders, and what gaps exist in existing data sources.",
                    "Collect data that are not available as per mapping and establish a forced labour "
                    "database collecting information across different authorities and organisations, with "
                    "strong respect for privacy and victim protection and taking into account gender "
                    "dynamics.",
                    "Develop Government Mechanism to collect national statistical database on forced labour.",
                ],
            ),
        ],
    ),
    (
        "2",
        ELIDED,
        [
            (
                ELIDED,
                ELIDED,
                [
                    "Train labour inspectors on labour trafficking, forced labour and child labour issues "
                    "e.g.:\na) Compliance of labour standards;\nb) The Fundamental Principles and Rights at "
                    "Work; and\nc) Conducting gender and child responsive labour inspection.\n(NAPTIP)",
                    "Develop government strategy to institutionalize trainings on forced labour.",
                ],
            ),
            (
                f"2.4. The Labour Inspectorate and {ELIDED}",
                "2024",
                [
                    "Conduct tailored training (workshops, e-learning courses or similar as appropriate) "
                    "sessions on forced labour legislation, inspection and prosecution for Police Officers "
                    "and the judiciary.",
                ],
            ),
            (
                "2.5 Employers have increased capacity for compliance with forced labour legislation, and "
                "on labour protection of all workers, including migrant workers",
                "2023",
                [
                    "Conduct training and outreach activities with employers organisations and business "
                    "representatives, with the involvement of government, trade union and CSO "
                    "representatives.",
                ],
            ),
            (
                "2.6. Strengthen trade union capacity and inclusivity to organise workers, particularly "
                "migrant workers into trade union members, especially in high-risk sectors.",
                "2023",
                [
                    "Conduct training and outreach activities with workers’ representatives.",
                    "Trade unions provide assistance to potential victims of forced labour in submitting "
                    "their complaints, and also in tripartite dialogues with workers and government.",
                    "Trade unions organise more migrant workers to join especially in high-risk sectors such "
                    "as domestic work.",
                ],
            ),
        ],
    ),
    (
        "3",
        ELIDED,
        [
            (
                ELIDED,  # page 68 and the top of page 69: maybe more than one outcome
                ELIDED,
                [
                    "Identify and address gaps in migration and employment frameworks, including visa "
                    "framework, for example: consider reviewing policies on renewal of work permits to allow "
                    "workers to renew their own work permit and to change employers during the time period "
                    "for which the permit is granted. (NAPTIP)",
                    "Monitor labour recruiters’ licence in Malaysia and their practices in terms of legal "
                    "compliance. (NAPTIP)",
                    "Train foreign and Malaysian labour attachés, immigration officials, border police, "
                    "labour inspectors and other law enforcement personnel on forced labour laws, labour "
                    "migration and vulnerabilities of migrant workers, victim identification and support.",
                    "Increase monitoring of compliance with work permits with the onus to the employers.",
                ],
            ),
            (
                "3.3. Men and women migrant workers are informed of legal migration pathways, their "
                "workplace rights and entitlements and key relevant legislation relating to forced labour "
                f"and TIP, in {ELIDED}",
                "2022, 2025",
                [
                    "Develop a mandatory pre-departure orientation programme with a rights based framework "
                    "targeted at migrant workers to inform them of their rights, the relevant laws relating "
                    "to forced labour, child labour and TIP. (NAPTIP)",
                ],
            ),
        ],
    ),
    (
        "4",
        "By 2025, victims of forced labour will have improved access to remedy, support and protection "
        "services and systems to prevent forced labour will be improved",
        [
            (
                "4.2. Improved national capacity to protect and support victims of forced labour and "
                "prevent that vulnerable workers become victims through establishing better systems and "
                "procedures and training relevant stakeholders",
                "2023, 2025",
                [
                    "Increase the number of support services (e.g. shelters, freedom of movement, skills "
                    "training opportunities, employment opportunities) for victims of forced labour, "
                    "starting with establishing a new shelter in Sarawak.",
                    "Conduct needs assessment to check if the views of victims have been taken into "
                    "consideration and that support services made available are relevant to their needs.",
                    "Train law enforcement officials and court staff, workers, employers, NGO "
                    "representatives, labour attaches or consular officers, religious and community "
                    "leaders on forced labour and ways to support victims and prevent forced labour.",
                ],
            ),
        ],
    ),
]

HEADER = (
    "No",
    "Strategic Goal",
    "Outcomes",
    "Activities",
    "Timeline/Target year of\nachievement of\noutcome",
)


def _fill(cell: docx.table._Cell, text: str) -> None:
    """A cell's text, one paragraph per line, as Word holds it."""
    first, *rest = text.split("\n")
    cell.text = first
    for line in rest:
        cell.add_paragraph(line)


def build(path: Path) -> None:
    """Write the matrix as the publication lays it out: goal, outcome and timeline cells merged down."""
    document = docx.Document()
    document.add_paragraph("Annex 1: NAPFL Results Matrix")
    document.add_paragraph("NAPFL GOAL: Forced labour incidence is reduced")
    rows = sum(len(activities) for _n, _g, outcomes in GOALS for _o, _t, activities in outcomes)
    table = document.add_table(rows=rows + 1, cols=len(HEADER))
    for column, text in enumerate(HEADER):
        _fill(table.cell(0, column), text)
    row = 1
    for number, goal, outcomes in GOALS:
        goal_top = row
        for outcome, timeline, activities in outcomes:
            outcome_top = row
            for activity in activities:
                _fill(table.cell(row, 3), activity)
                row += 1
            for column, text in ((2, outcome), (4, timeline)):
                merged = table.cell(outcome_top, column).merge(table.cell(row - 1, column))
                _fill(merged, text)
        for column, text in ((0, number), (1, goal)):
            merged = table.cell(goal_top, column).merge(table.cell(row - 1, column))
            _fill(merged, text)
    document.core_properties.title = "National Action Plan on Forced Labour (2021-2025)"
    document.save(str(path))


def build_xlsx(path: Path) -> None:
    """The same matrix as a worksheet: the title lines above it, goal, outcome and timeline
    cells merged down (only the top cell of a merged range holds its value, as Excel keeps it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Annex 1"
    sheet.append(["Annex 1: NAPFL Results Matrix"])
    sheet.append(["NAPFL GOAL: Forced labour incidence is reduced"])
    sheet.append(list(HEADER))
    row = 4
    for number, goal, outcomes in GOALS:
        goal_top = row
        for outcome, timeline, activities in outcomes:
            outcome_top = row
            for activity in activities:
                sheet.cell(row, 4).value = activity
                row += 1
            for column, text in ((3, outcome), (5, timeline)):
                sheet.cell(outcome_top, column).value = text
                sheet.merge_cells(
                    start_row=outcome_top, end_row=row - 1, start_column=column, end_column=column
                )
        for column, text in ((1, number), (2, goal)):
            sheet.cell(goal_top, column).value = text
            sheet.merge_cells(start_row=goal_top, end_row=row - 1, start_column=column, end_column=column)
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)


if __name__ == "__main__":
    build(Path(__file__).with_suffix(".docx"))
    build_xlsx(Path(__file__).with_suffix(".xlsx"))
