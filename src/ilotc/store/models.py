"""The two data files' schemas, as Pydantic models.

These models describe the files as written (the JSON Schemas in `schemas/` are generated
from them); `plan.py` turns a validated file into the domain objects the queries use.
Unknown keys are errors, so a misspelt key is reported instead of silently ignored.
Booleans and integers are strict, as the published JSON Schema is: `yes`, `"false"` and `1`
are not booleans, `true` and `"276"` are not integers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ilotc.i18n import SOURCE_LANGUAGE, _
from ilotc.model.dates import PlanDate
from ilotc.model.vocab import IATI_TYPE_CODES, Kind, OrganisationType, Role, Status
from ilotc.timeline import LANGUAGES

__all__ = [
    "IATI_TYPE_CODES",
    "ActionModel",
    "ActionTexts",
    "DocumentModel",
    "DocumentTexts",
    "GroupModel",
    "IssueModel",
    "Kind",
    "LanguageTexts",
    "OrganisationType",
    "Paragraph",
    "PartModel",
    "PartnerModel",
    "PartnerTexts",
    "PartnersFile",
    "PlaceTexts",
    "PlanFile",
    "ProgrammeModel",
    "ReportSettings",
    "Role",
    "RoleModel",
    "ScheduleSpec",
    "SectionModel",
    "Status",
    "StatusChange",
]


PLAN_LANGUAGES = tuple(sorted(LANGUAGES, key=lambda lang: lang != SOURCE_LANGUAGE))
"""The languages a plan may be written in: those of the timeline grammars, English first (as
the interface lists its languages, so the schema and its errors read en, fr, es...)."""

if TYPE_CHECKING:
    PlanLanguage = str  # a type checker wants a Literal written out; the values are checked below
else:
    PlanLanguage = Literal[PLAN_LANGUAGES]  # Literal["en", "fr", "es"], from the grammars


def _real_date(value: str) -> str:
    PlanDate.parse(value)  # raises with the reason (month 13, 30 February...)
    return value


DateText = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
        description="A month YYYY-MM or a day YYYY-MM-DD",
        examples=["2000-06", "2000-06-15"],
    ),
    AfterValidator(_real_date),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="A lowercase id")]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


Language = Literal["en", "fr", "es"]


class ActionTexts(_Strict):
    """An action's texts in another language, for people: its lateness is always read from
    the original timeline."""

    text: Text | None = None
    timeline: Text | None = None


class PlaceTexts(_Strict):
    """A part's, section's, issue's or group's texts in another language."""

    title: Text | None = None
    context: Text | None = None


class DocumentTexts(_Strict):
    """The document's texts in another language."""

    title: Text | None = None
    committee: Text | None = None
    place: Text | None = None


class PartnerTexts(_Strict):
    """A partner's names in another language."""

    name: Text | None = None
    short_name: Text | None = None


_TRANSLATIONS = "The same texts in other languages, by language (the texts above are the original)"


class StatusChange(_Strict):
    """A dated change of an action's status."""

    date: DateText
    status: Status
    note: str | None = None


class ScheduleSpec(_Strict):
    """A schedule stated explicitly, completing or overriding the reading of the timeline."""

    kind: Kind
    start: DateText | None = None
    due: DateText | None = None
    every_months: Annotated[StrictInt, Field(ge=1, le=1200)] | None = None
    immediate: StrictBool = False
    label: str | None = None
    linked_to: str | None = Field(default=None, description="The id of the action it is tied to")

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> ScheduleSpec:
        needs: dict[Kind, tuple[str, ...]] = {
            Kind.DEADLINE: ("due",),
            Kind.MILESTONE: ("due",),
            Kind.WINDOW: ("start", "due"),
        }
        missing = [name for name in needs.get(self.kind, ()) if getattr(self, name) is None]
        if self.kind is Kind.START and self.start is None and not self.immediate:
            missing.append(_("start (or immediate: true)"))
        if missing:
            raise ValueError(
                _("a {kind} schedule needs {keys}").format(kind=self.kind, keys=_(" and ").join(missing))
            )
        if self.start and self.due and PlanDate.parse(self.due) < PlanDate.parse(self.start):
            raise ValueError(_("due {due} is before start {start}").format(due=self.due, start=self.start))
        if self.every_months is not None and self.kind is not Kind.RECURRING:
            raise ValueError(_("every_months belongs to a recurring schedule only"))
        if self.linked_to is not None and self.kind is not Kind.LINKED:
            raise ValueError(_("linked_to belongs to a linked schedule only"))
        return self


ActionId = Annotated[
    str,
    Field(
        pattern=r"^[^\s:]+$",
        description="Unique within the plan; no spaces or colons (PLAN:ID names it among several "
        "plans). Its scheme is the plan's `ids`: I.1a.1, A.3, P1-02...",
    ),
]
PlaceId = Annotated[
    str,
    Field(min_length=1, description="As the plan numbers or names it: I, A, 1, 1a, Pilier 1..."),
]


class ActionModel(_Strict):
    """One dated action of the plan."""

    id: ActionId
    text: Text
    timeline: str | None = Field(description="The timeline as the document words it, or null")
    initial_status: Literal[Status.PLANNED, Status.IN_PROGRESS] | None = Field(
        default=None, description="Defaults to in_progress for ongoing timelines, else planned"
    )
    partners: list[Slug] = Field(default_factory=list, description="Partner ids")
    responsible: Text | list[Text] | None = Field(
        default=None, description="Who is responsible: a unit's name or a partner id, one or several"
    )
    history: list[StatusChange] = Field(default_factory=list, description="Oldest first")
    schedules: list[ScheduleSpec] | None = None
    note: str | None = None
    translations: dict[Language, ActionTexts] = Field(default_factory=dict, description=_TRANSLATIONS)
    editorial_note: str | None = Field(
        default=None, description="How the action was transcribed: for editors, never printed in a report"
    )


class GroupModel(_Strict):
    """A sub-heading grouping actions within a section (Part II 4)."""

    title: Text
    translations: dict[Language, PlaceTexts] = Field(default_factory=dict, description=_TRANSLATIONS)
    actions: list[ActionModel] = Field(default_factory=list)


class IssueModel(_Strict):
    """A lettered issue (question) of a section, such as 1 a)."""

    id: PlaceId
    title: Text
    context: str | None = None
    translations: dict[Language, PlaceTexts] = Field(default_factory=dict, description=_TRANSLATIONS)
    actions: list[ActionModel] = Field(default_factory=list)


class SectionModel(_Strict):
    """A section of a part."""

    id: PlaceId
    title: Text
    context: str | None = None
    translations: dict[Language, PlaceTexts] = Field(default_factory=dict, description=_TRANSLATIONS)
    actions: list[ActionModel] = Field(default_factory=list)
    groups: list[GroupModel] = Field(default_factory=list)
    issues: list[IssueModel] = Field(default_factory=list)


class PartModel(_Strict):
    """A part of the plan: its actions stand in sections, or directly in the part."""

    id: PlaceId
    title: Text
    translations: dict[Language, PlaceTexts] = Field(default_factory=dict, description=_TRANSLATIONS)
    sections: list[SectionModel] = Field(default_factory=list)
    actions: list[ActionModel] = Field(default_factory=list, description="Actions of a part with no sections")


class Paragraph(_Strict):
    """A numbered paragraph of the document's body."""

    number: Annotated[StrictInt, Field(ge=1)]
    heading: str | None = None
    text: Text


class LanguageTexts(_Strict):
    """A text in each of the interface languages (at least one)."""

    en: Text | None = None
    fr: Text | None = None
    es: Text | None = None


LocalText = Annotated[
    Text | LanguageTexts,
    Field(description="One text for every language, or one per language: {en: ..., fr: ..., es: ...}"),
]


class ReportSettings(_Strict):
    """How `ilotc report` presents this plan's progress: the report's own identity, which
    `--symbol`, `--session`, `--date` and `--purpose` override."""

    symbol: Text | None = Field(
        default=None, description="The report's own symbol, e.g. GB.279/TC/3 (never the plan's)"
    )
    body: LocalText | None = Field(
        default=None, description="The body the report goes to, e.g. Governing Body"
    )
    session: Annotated[StrictInt, Field(ge=1)] | None = Field(
        default=None, description="The session the report goes to"
    )
    place: LocalText | None = Field(default=None, description="Where the session meets, e.g. Geneva")
    date: DateText | None = Field(
        default=None, description="The report's date, on its cover and at its close"
    )
    committee: LocalText | None = Field(default=None, description="The committee that examines it")
    agenda_item: LocalText | None = Field(default=None, description="e.g. THIRD ITEM ON THE AGENDA")
    purpose: Literal["decision", "discussion", "information"] | None = Field(
        default=None,
        description="FOR DECISION, FOR DISCUSSION AND GUIDANCE or FOR INFORMATION "
        "(default: decision where a decision is set, else information)",
    )

    previous: DateText | None = Field(
        default=None,
        description="The date of the previous progress report: the report tells what changed since then",
    )
    decision: LocalText | None = Field(
        default=None,
        description="The draft decision, verbatim, one text or one per language "
        "(else the default text in the report's language)",
    )
    caveat: str | None = Field(
        default=None,
        description="A warning shown at the head of every report, e.g. that the history is illustrative",
    )


class DocumentModel(_Strict):
    """The document the plan comes from: only its title is required."""

    symbol: Text | None = Field(default=None, description="The document's reference, e.g. GB.276/TC/2")
    session: Annotated[StrictInt, Field(ge=1)] | None = Field(
        default=None, description="The session of the body that examines it"
    )
    place: Text | None = None
    meeting: DateText | None = Field(default=None, description="When the body meets")
    committee: Text | None = None
    committee_code: str | None = None
    agenda_item: str | None = None
    title: Text
    date: DateText | None = Field(
        default=None, description="The plan's date: recurring actions count from it"
    )
    last_modified: DateText | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    note: str | None = None
    report: ReportSettings | None = None
    organisation: Text | None = Field(default=None, description="Who carries the plan out")
    body: Text | None = Field(
        default=None, description="The body that adopts or examines it, e.g. Governing Body"
    )
    language: PlanLanguage | None = Field(
        default=None,
        description="The language the plan is written in: every timeline of the plan is read in it "
        "(detected from each phrase where none is stated)",
    )
    uid: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,62}$")] | None = Field(
        default=None,
        description="The plan's own id (ilotc init writes one at random): keeps its calendar UIDs "
        "apart from any other plan's, even one with the same symbol",
    )
    day_first: bool | None = Field(
        default=None,
        description="Numeric dates in timelines: true day first (31/01/2019), false month first "
        "(01/31/2019); default: day first in French and Spanish, only where evident in English",
    )
    fiscal_year_start: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="The month (1-12) a fiscal year starts in, for timelines like 'FY2019-20' or "
        "'ejercicio 2021'; without it such a timeline is unspecified",
    )
    translations: dict[Language, DocumentTexts] = Field(default_factory=dict, description=_TRANSLATIONS)


def _format_number(value: object) -> object:
    """`true` is not the format 1 (a Literal alone would take it, the JSON Schema does not)."""
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "Input should be 1 or 2", {"expected": "1 or 2"})
    return value


FormatNumber = Annotated[Literal[1, 2], BeforeValidator(_format_number)]


class PlanFile(_Strict):
    """`plan.yaml`: an implementation plan."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="ilotc implementation plan",
    )

    format: FormatNumber = Field(
        default=1,
        description="1 (the default): action ids are 'derived' unless `ids` says otherwise; "
        "2: they are 'free' unless `ids` says otherwise",
    )
    registry: Text | None = Field(
        default=None, description="The partner registry, a path relative to this file"
    )
    ids: Text | None = Field(
        default=None,
        description="The action id scheme: 'derived' (PART.SECTION.N, where the action stands; "
        "the default in format 1), 'free' (any unique id; the default in format 2), or a "
        "regular expression every id must match (RE2 syntax: no backreferences or lookaround). "
        "Ids never hold spaces, shell syntax or invisible characters, whatever the scheme",
    )
    document: DocumentModel
    parts: list[PartModel]


class RoleModel(_Strict):
    """A role an organisation plays in one programme."""

    programme: Slug
    role: Role


class ProgrammeModel(_Strict):
    """A programme whose partners the registry records."""

    id: Slug
    name: Text
    source: str | None = None
    note: str | None = None


class PartnerModel(_Strict):
    """An organisation, or a group of organisations."""

    id: Slug
    name: Text
    short_name: str | None = None
    type: OrganisationType
    group: StrictBool = False
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field(
        default=None, description="ISO 3166-1 alpha-2, for states and their agencies"
    )
    iati_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")] | None = Field(
        default=None, description="Published IATI organisation identifier"
    )
    member_of: list[Slug] = Field(default_factory=list, description="Ids of groups")
    roles: list[RoleModel] = Field(default_factory=list)
    mentions: list[Text] = Field(default_factory=list, description="Wording in the sources")
    note: str | None = None
    translations: dict[Language, PartnerTexts] = Field(default_factory=dict, description=_TRANSLATIONS)


class PartnersFile(_Strict):
    """`partners.yaml`: the partner registry."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="ilotc partner registry",
    )

    programmes: list[ProgrammeModel]
    partners: list[PartnerModel]
