"""Build `fds_2020_action_plan.docx`: the milestone tables of a real public action plan, every row.

Source: *Federal Data Strategy: 2020 Action Plan*, Office of Management and Budget, Executive
Office of the President of the United States (released in December 2019); read in full from its
web edition, https://strategy.data.gov/action-plan/, whose source is the page
`pages/action-plan.md` of the public repository GSA/data-strategy (commit
00ef4d42f3b87be9c5b07425d1c63d1c89c99f25).

The plan has three kinds of actions (Agency Actions, Community of Practice Actions, Shared
Solution Actions), twenty actions "Action 1: ..." to "Action 20: ...", and under each action a
table of its milestones. The Agency Actions' tables read Milestone | Measurement | Target Date |
Reporting Mechanism | Required or Encouraged; the other actions' tables read Milestone |
Measurement | Target Date | Responsible Party. Here each kind of action is one Word table with
those columns, its heading a row spanning the table, each action's heading a row spanning the
table above its milestones. All 65 milestones are here, in the plan's order.

Texts are copied as the page shows them: a link is its words ("strategy.data.gov"), a line break
(<br>) is a line break, bold is dropped, and so are the footnote marks (a Measurement cell's 13
and 14 and the Responsible Party "...Executive Steering Committee" 15); "OMB*" keeps its asterisk
(the note under Action 8's table that explains it is not a row and is not here). Spelling and
wording are the plan's own ("1 months", "catalogue", "(See Above)"); two spaces in a row are one,
as the page shows them.

Run `python tests/examples/importing/fds_2020_action_plan.py` to rebuild the file.
"""

from __future__ import annotations

from pathlib import Path

import docx

AGENCY = ("Milestone", "Measurement", "Target Date", "Reporting Mechanism", "Required or Encouraged")
SHARED = ("Milestone", "Measurement", "Target Date", "Responsible Party")
FDS = "strategy.data.gov"
CFO_ONLY = "Required for CFO Act Agencies only.\nEncouraged for all agencies.\n(see OMB M-19-23)"
CFO_ONLY_4 = "Required for CFO Act Agencies only\nEncouraged for all agencies"
PLAN_2022 = "FY 2022 Annual Performance Plan and Budget Submission"
ALL = "Required for all agencies"
ENCOURAGED = "Encouraged for all agencies"
RESOURCES = "Posted to resources.data.gov"
NGDA = "SAOGI at OMB, FGDC, FGDC NGDA Lead Covered Agencies, GSA"

KINDS: list[tuple[str, tuple[str, ...], list[tuple[str, list[tuple[str, ...]]]]]] = [
    (
        "Agency Actions",
        AGENCY,
        [
            (
                "Action 1: Identify Data Needs to Answer Priority Agency Questions",
                [
                    (
                        "Consult with key agency leaders, such as Chief Data Officers, Evaluation Officers "
                        "and Statistical Officials to identify data needed to answer priority agency "
                        "questions",
                        "Completion",
                        "10 months",
                        PLAN_2022,
                        CFO_ONLY,
                    ),
                    (
                        "Identify data needs for answering priority questions in the interim learning agenda",
                        "Completion",
                        "10 months",
                        PLAN_2022,
                        CFO_ONLY,
                    ),
                    (
                        "Develop a plan to engage the stakeholders needed to access or acquire the data "
                        "needed to answer priority questions",
                        "Completion",
                        "10 months",
                        PLAN_2022,
                        CFO_ONLY,
                    ),
                ],
            ),
            (
                "Action 2: Institutionalize Agency Data Governance",
                [
                    (
                        "Publish agency data governance materials (membership, charter, meeting cadence) on "
                        "[agency].gov/data web page",
                        "Completion",
                        "1 months",
                        "Post to agency/data web page",
                        ALL,
                    ),
                    (
                        "After you complete your assessment of current staff data skills and literacy (see "
                        "Action 3), dedicate staff to support DGB",
                        "Number of FTEs dedicated",
                        "9 months",
                        FDS,
                        ENCOURAGED,
                    ),
                    (
                        "Document how the DGB receives its authority",
                        "Completion",
                        "9 months",
                        FDS,
                        ENCOURAGED,
                    ),
                    (
                        "Put in place a data strategy or road map",
                        "Completion",
                        "1 activity per quarter, any order encouraged of all agencies",
                        f"{FDS} & in agency Information Resource Management Strategic Plan",
                        ENCOURAGED,
                    ),
                    (
                        "Develop a plan for capital planning for enterprise data assets and infrastructure",
                        "Completion",
                        "(See Above)",
                        "(See Above)",
                        ENCOURAGED,
                    ),
                    (
                        "Adopt a master data management program",
                        "Completion",
                        "(See Above)",
                        "(See Above)",
                        ENCOURAGED,
                    ),
                ],
            ),
            (
                "Action 3: Assess Data and Related Infrastructure Maturity",
                [
                    (
                        "Select an operational maturity assessment model for data and data infrastructure",
                        "Completion",
                        "6 months",
                        FDS,
                        ALL,
                    ),
                    (
                        "Agency Chief Data Officer and other senior-level staff participate in any training "
                        "or technical assistance related to maturity assessments",
                        "Number of people attended training",
                        "9 months",
                        FDS,
                        ENCOURAGED,
                    ),
                    (
                        "Document the outcome of the initial data maturity assessment",
                        "Completion",
                        "9 months",
                        FDS,
                        ENCOURAGED,
                    ),
                ],
            ),
            (
                "Action 4: Identify Opportunities to Increase Staff Data Skills",
                [
                    (
                        "Perform an assessment of current staff data literacy and data skills",
                        "Completion",
                        "6 months",
                        FDS,
                        CFO_ONLY_4,
                    ),
                    (
                        "Conduct a gap analysis between the current staff's skills and the skills the agency "
                        "requires",
                        "Number of people attended training",
                        "9 months",
                        FDS,
                        CFO_ONLY_4,
                    ),
                    (
                        "Based on the assessment, establish a baseline and develop a performance plan to "
                        "close the identified data skills and literacy gaps",
                        "Completion",
                        "12 months",
                        FDS,
                        CFO_ONLY_4,
                    ),
                ],
            ),
            (
                "Action 5: Identify Priority Data Assets for Agency Open Data Plans",
                [
                    (
                        "Publish an Open Data Plan for sharing priority agency data assets, developed with "
                        "stakeholder engagement, including data assets that support AI R&D (see Action 6)",
                        "Completion",
                        "After OMB Open Data Plan Guidance is issued; Annually on Agency IRM Strategic Plan "
                        "schedule",
                        "Agency Information Resource Management Strategic Plan",
                        ALL,
                    ),
                    (
                        "Execute a process to evaluate and improve the timeliness, completeness, "
                        "consistency, accuracy, usefulness, and availability of open Government data assets",
                        "Qualitative and quantitative improvements",
                        "12 months",
                        f"{FDS} & agency public data.json APIs",
                        ALL,
                    ),
                ],
            ),
            (
                "Action 6: Publish and Update Data Inventories",
                [
                    (
                        "Update comprehensive data inventories for overall completeness and priority data "
                        "asset sprints",
                        "Metadata quality improvements",
                        "Minimally every 3 months, as often as possible",
                        "Agency public data.json APIs",
                        ALL,
                    ),
                    (
                        "Update comprehensive data inventory to conform to standard metadata",
                        "Completion",
                        "6 months",
                        "Agency public data.json APIs",
                        ALL,
                    ),
                ],
            ),
        ],
    ),
    (
        "Community of Practice Actions",
        SHARED,
        [
            (
                "Action 7: Launch a Federal Chief Data Officer Council",
                [
                    ("Launch CDO Council", "Number of meetings held", "1 month", "OMB"),
                    ("Create resources", "Number of resources published", "12 months", "CDOs"),
                    (
                        "Encourage use of resources by agencies",
                        "Track adoption of resources by agencies",
                        "12 months",
                        "CDOs",
                    ),
                ],
            ),
            (
                "Action 8: Improve Data and Model Resources for AI Research and Development",
                [
                    (
                        "Identify barriers to access and quality limitations",
                        "Completion of RFI",
                        "2 months",
                        "OMB*",
                    ),
                    ("Provide technical schema formats on inventories", "Completion", "12 months", "OMB*"),
                    (
                        "Pilot demonstration of how access to data useful for AI should be enhanced",
                        "Completion",
                        "12 months",
                        "CDOs",
                    ),
                ],
            ),
            (
                "Action 9: Improve Financial Management Data Standards",
                [
                    (
                        "Getting Payments Right",
                        "Metrics related to this CAP Goal are being tracked on performance.gov",
                        "See timeline on performance.gov",
                        "Getting Payments Right Executive Steering Committee",
                    ),
                    (
                        "Results Oriented Accountability for Grants",
                        "Metrics related to this CAP Goal are being tracked on performance.gov",
                        "See timeline on performance.gov",
                        "CAP Goal 8 Executive Steering Committee",
                    ),
                    (
                        "Promote public trust in the stewardship of taxpayer dollars",
                        "Publication of strategy",
                        "September 2020",
                        "Financial Data Transformation Executive Steering Committee",
                    ),
                ],
            ),
            (
                "Action 10: Integrate Geospatial Data Practices into the Federal Data Enterprise",
                [
                    ("Establish the NSDI strategic plan", "Completion", "12 months", NGDA),
                    (
                        "Publish a GeoPlatform providing standards-compliant web services for NGDAs",
                        "Completion",
                        "12 months",
                        NGDA,
                    ),
                    ("Engage with other relevant councils", "Number of engagements", "12 months", NGDA),
                    (
                        "Publish NGDA data theme data assets with standards compliant metadata and "
                        "webservice endpoints",
                        "Percentage of NGDA data assets that are compliant",
                        "12 months",
                        NGDA,
                    ),
                    (
                        "Track NGDAs for implementation of standards",
                        "Percentages of NGDAs with: i) metadata standards, ii) established content "
                        "standards, iii) standards in process, iv) data assets not requiring standards, "
                        "v) no established standards",
                        "12 months",
                        NGDA,
                    ),
                ],
            ),
        ],
    ),
    (
        "Shared Solution Actions",
        SHARED,
        [
            (
                "Action 11: Develop a Repository of Federal Enterprise Data Resources",
                [
                    (
                        "Make regular updates to resources.data.gov in response to stakeholder input",
                        "Frequency of feature updates and site improvements",
                        "12 months",
                        "GSA",
                    ),
                    (
                        "Track growth and success of the site",
                        "Number of resources available by type, resource usage",
                        "12 months",
                        "GSA",
                    ),
                    (
                        "Engage stakeholders to prioritize content",
                        "Number of stakeholder engagement activities",
                        "12 months",
                        "GSA, the Office of Government Information Services of the National Archives, "
                        "and OMB",
                    ),
                ],
            ),
            (
                "Action 12: Create OMB Federal Data Policy Committee",
                [
                    ("Launch FDPC", "Number of meetings held", "1 month", "OMB"),
                    (
                        "Set priorities for 2020",
                        "Completion of written priorities endorsed by membership",
                        "3 months",
                        "OMB",
                    ),
                    (
                        "Carry out at least 1 data policy coordination activity",
                        "Number of data policy related memorandum and circulars updated, streamlined, or "
                        "rescinded",
                        "12 months",
                        "OMB",
                    ),
                ],
            ),
            (
                "Action 13: Develop a Curated Data Skills Catalog",
                [
                    (
                        "Share draft catalog contents with CDOs and other stakeholders",
                        "Completion",
                        "2 months",
                        "GSA",
                    ),
                    (
                        "Collect input and make revisions",
                        "Number of stakeholder engagement activities; Improvements added",
                        "6 months",
                        "GSA",
                    ),
                    (
                        "Publish the catalogue on resources.data.gov",
                        "Posted to resources.data.gov; Number of resources available in the catalog by data "
                        "role",
                        "11 months",
                        "GSA",
                    ),
                    (
                        "Transfer responsibility for maintenance to the CDO council",
                        "Completion",
                        "12 months",
                        "CDO Council",
                    ),
                ],
            ),
            (
                "Action 14: Develop a Data Ethics Framework",
                [
                    (
                        "Initial examination of ethical issues encountered across data life cycle",
                        "",
                        "6 months",
                        "GSA with CDO Council and ICSP",
                    ),
                    ("Release initial data ethics framework and use cases", RESOURCES, "12 months", "GSA"),
                    (
                        "Transfer responsibility for review and update",
                        "",
                        "Ongoing every 24 months",
                        "CDO Council, ICSP",
                    ),
                ],
            ),
            (
                "Action 15: Develop a Data Protection Toolkit",
                [
                    ("Release initial toolkit", RESOURCES, "12 months", "FCSM"),
                    (
                        "Release updated Report on Statistical Disclosure Limitation Methodology",
                        RESOURCES,
                        "12 months",
                        "FCSM",
                    ),
                ],
            ),
            (
                "Action 16: Pilot a One-stop Standard Research Application",
                [
                    ("Create pilot portal", "Completion", "3 months", "Census Bureau"),
                    (
                        "Recruit users to try the portal and give feedback",
                        "Number of users",
                        "4 months",
                        "Census Bureau",
                    ),
                    (
                        "Publish report describing success of the project and feedback that will inform "
                        "future improvements",
                        RESOURCES,
                        "12 months",
                        "Census Bureau",
                    ),
                ],
            ),
            (
                "Action 17: Pilot an Automated Tool for Information Collection Reviews that Supports Data "
                "Inventory Creation and Updates",
                [
                    ("Develop pilot tool", "Completion", "6 months", "NCES"),
                    ("Test tool with at least two agencies", "Completion", "12 months", "NCES"),
                    (
                        "Engage stakeholders for feedback on the tool",
                        "Number of stakeholder engagement activities",
                        "12 months",
                        "NCES",
                    ),
                    (
                        "Publish report describing agency tests and stakeholder input",
                        RESOURCES,
                        "12 months",
                        "NCES",
                    ),
                ],
            ),
            (
                "Action 18: Pilot Enhanced Data Management Tool for Federal Agencies",
                [
                    (
                        "Demonstrate pilot and initial feature set with a pilot agency",
                        "Completion",
                        "3 months",
                        "GSA",
                    ),
                    (
                        "Infrastructure/security roadmap for production platform",
                        "Completion",
                        "3 months",
                        "GSA",
                    ),
                    (
                        "Achieve interoperability with continually updated Federal open data metadata schema",
                        "Completion",
                        "6 months",
                        "GSA",
                    ),
                    ("Develop business plan and cost model", RESOURCES, "6 months", "GSA"),
                    ("Onboard agency customers", "Number of agencies onboarded", "9 months", "GSA"),
                    (
                        "Demonstrate increased data asset availability and improved usage",
                        "Number of datasets and usage of data assets through platform",
                        "12 months",
                        "GSA",
                    ),
                ],
            ),
            (
                "Action 19: Develop Data Quality Measuring and Reporting Guidance",
                [
                    (
                        "Completion of report on best practices for reporting on output quality",
                        RESOURCES,
                        "6 months",
                        "FCSM",
                    ),
                    (
                        "Completion of metadata guidance for use by data originators",
                        RESOURCES,
                        "12 months",
                        "FCSM",
                    ),
                    ("Develop tools to aid metadata maintenance", RESOURCES, "12 months", "FCSM"),
                ],
            ),
            (
                "Action 20: Develop a Data Standards Repository",
                [
                    (
                        "Develop repository with communities, frameworks, and schemas",
                        "Completion",
                        "12 months",
                        "GSA and OMB",
                    ),
                ],
            ),
        ],
    ),
]


def _fill(cell: docx.table._Cell, text: str) -> None:
    """A cell's text, one paragraph per line, as Word holds it."""
    first, *rest = text.split("\n")
    cell.text = first
    for line in rest:
        cell.add_paragraph(line)


def _spanning(table: docx.table.Table, row: int, text: str) -> None:
    merged = table.cell(row, 0).merge(table.cell(row, len(table.columns) - 1))
    _fill(merged, text)


def build(path: Path) -> None:
    """One table per kind of action: its header, the kind's heading and each action's heading as
    rows spanning the table, each milestone a row."""
    document = docx.Document()
    document.add_paragraph("2020 Action Plan")
    for kind, header, actions in KINDS:
        rows = 2 + sum(1 + len(milestones) for _title, milestones in actions)
        table = document.add_table(rows=rows, cols=len(header))
        for column, text in enumerate(header):
            _fill(table.cell(0, column), text)
        _spanning(table, 1, kind)
        row = 2
        for title, milestones in actions:
            _spanning(table, row, title)
            row += 1
            for milestone in milestones:
                assert len(milestone) == len(header), milestone
                for column, text in enumerate(milestone):
                    _fill(table.cell(row, column), text)
                row += 1
        document.add_paragraph("")
    document.core_properties.title = "Federal Data Strategy: 2020 Action Plan"
    document.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_suffix(".docx"))
