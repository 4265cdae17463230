"""The only place schedules and initial statuses are decided: validated files become plans.

An action's schedules are those its file states, else those its timeline reads as (read by
`ilotc.timeline`, once per action); its initial status is the one stated, else the one its
first schedule implies (CONTRACT: actions already under way start `in_progress`, all others
`planned`). The checks of a file (`ilotc.store.validate.checks`) read these decisions from a `Decisions`
they share with `build_plan`, rather than making them again.
"""

from collections.abc import Iterator
from typing import Any, NamedTuple, TypeVar

from ilotc.model.dates import PlanDate
from ilotc.model.plan import Action, Change, Document, Plan
from ilotc.model.registry import Partner, PartnerRole, Programme, Registry
from ilotc.model.report_identity import LocalText, ReportIdentity
from ilotc.model.schedule import Reading, Schedule
from ilotc.model.vocab import Kind, Status
from ilotc.store.models import (
    ActionModel,
    DocumentModel,
    LanguageTexts,
    PartnerModel,
    PartnersFile,
    PlanFile,
    ReportSettings,
    ScheduleSpec,
)
from ilotc.timeline import ReadingSettings, read_as

T = TypeVar("T")

STATED_NOTHING = ReadingSettings()
"""A plan that says nothing of how its timelines are read: each phrase's language is detected."""


def schedule_from_spec(spec: ScheduleSpec) -> Schedule:
    """The schedule a file states explicitly."""
    return Schedule(
        kind=spec.kind,
        start=PlanDate.parse(spec.start) if spec.start else None,
        due=PlanDate.parse(spec.due) if spec.due else None,
        every_months=spec.every_months,
        immediate=spec.immediate,
        label=spec.label,
        linked_to=spec.linked_to,
    )


def _worded(stated: tuple[Schedule, ...], read: tuple[Schedule, ...]) -> tuple[Schedule, ...]:
    """Stated schedules with the words of the timeline's reading: a milestone stated where the
    timeline reads first initiatives ("Premières initiatives ...") is one of first initiatives."""
    if len(stated) != len(read):
        return stated
    return tuple(
        given._replace(initiatives=True)
        if given.kind is got.kind is Kind.MILESTONE and got.initiatives
        else given
        for given, got in zip(stated, read, strict=True)
    )


def default_initial_status(schedules: tuple[Schedule, ...]) -> Status:
    """CONTRACT: actions already under way start `in_progress`, all others `planned`."""
    return Status.IN_PROGRESS if schedules[0].kind is Kind.ONGOING else Status.PLANNED


class Decided(NamedTuple):
    """What is decided for one action: how its timeline reads, its schedules (stated, else
    read), the status those schedules imply, and its initial status (stated, else implied)."""

    reading: Reading
    schedules: tuple[Schedule, ...]
    implied_status: Status
    initial_status: Status


def settings_of(document: object) -> ReadingSettings:
    """How a plan says its timelines are read, from its `document` (a model or a mapping of a
    file that may not be valid: only valid values count, the checks report the others)."""
    fields = ("language", "day_first", "fiscal_year_start")
    if isinstance(document, dict):
        lang, day_first, fiscal = (document.get(key) for key in fields)
    else:
        lang, day_first, fiscal = (getattr(document, key, None) for key in fields)
    return ReadingSettings(
        lang if lang in ("en", "fr", "es") else None,
        day_first if isinstance(day_first, bool) else None,
        fiscal if type(fiscal) is int and 1 <= fiscal <= 12 else None,
    )


def decide(model: ActionModel, settings: ReadingSettings = STATED_NOTHING) -> Decided:
    """Decide an action's schedules and initial status (its timeline read now, as the plan's
    `settings` say)."""
    reading = read_as(model.timeline, settings)
    if model.schedules:
        schedules = _worded(tuple(schedule_from_spec(spec) for spec in model.schedules), reading.schedules)
    else:
        schedules = reading.schedules
    implied = default_initial_status(schedules)
    return Decided(reading, schedules, implied, model.initial_status or implied)


class Decisions:
    """Each action model's decisions, made when first asked for and then kept, so that the
    checks of a file and the building of its plan share them."""

    def __init__(self, settings: ReadingSettings = STATED_NOTHING) -> None:
        # by the model's identity; the model is kept too, so its id is not reused
        self._made: dict[int, tuple[ActionModel, Decided]] = {}
        self.settings = settings  # how the plan says its timelines are read

    def read_as(self, settings: ReadingSettings) -> None:
        """Read timelines as `settings` say from now on (the plan's, once its document is
        known); decisions made before are made again."""
        if settings != self.settings:
            self.settings = settings
            self._made.clear()

    def of(self, model: ActionModel) -> Decided:
        """The decisions for `model`, made now if not yet."""
        made = self._made.get(id(model))
        if made is None:
            made = self._made[id(model)] = (model, decide(model, self.settings))
        return made[1]


def initial_status_of_mapping(action: dict[str, Any], settings: ReadingSettings = STATED_NOTHING) -> Status:
    """The initial status of an action of a valid file, from its mapping in the file (as an
    edit checks it, before any plan is built): the decision `decide` makes for its model,
    its timeline read as the plan's `settings` say."""
    stated = action.get("initial_status")
    explicit = action.get("schedules") or []
    first = explicit[0] if explicit and isinstance(explicit[0], dict) else None
    if first is not None and first.get("kind") == Kind.ONGOING:
        implied = Status.IN_PROGRESS
    else:  # a valid file's stated schedules agree with its timeline's reading
        implied = default_initial_status(read_as(action.get("timeline"), settings).schedules)
    return Status(stated) if stated else implied


class _Builder:
    """Turns validated action models into actions; equal dates and changes are built once."""

    def __init__(self, name: str, decisions: "Decisions") -> None:
        self.decisions = decisions
        self.changes: dict[tuple[str, Status, str | None], Change] = {}
        self.shared: dict[object, object] = {}  # one object per distinct string or id tuple
        self.actions: list[Action] = []
        self.name = name  # the plan's, carried by each action

    def one(self, value: T) -> T:
        """The object equal to `value` already in use, else `value`: repeats share memory
        (and pickle once in the cache)."""
        return self.shared.setdefault(value, value)  # type: ignore[return-value]

    def change(self, date: str, status: Status, note: str | None) -> Change:
        key = (date, status, note)
        found = self.changes.get(key)
        if found is None:
            found = self.changes[key] = Change(PlanDate.parse(date), status, self.one(note))
        return found

    def add(self, model: ActionModel, place: "_Place") -> None:
        decided = self.decisions.of(model)
        self.actions.append(
            Action(
                id=model.id,
                part=place.part,
                section=place.section,
                section_number=place.section_number,
                text=self.one(model.text),
                timeline=self.one(model.timeline),
                reading=decided.reading,
                schedules=decided.schedules,
                explicit_schedules=bool(model.schedules),
                initial_status=decided.initial_status,
                history=tuple(self.change(c.date, c.status, c.note) for c in model.history),
                partners=self.one(tuple(self.one(partner) for partner in model.partners)),
                note=self.one(model.note),
                editorial_note=self.one(model.editorial_note),
                part_title=place.part_title,
                section_title=place.section_title,
                issue_title=place.issue_title,
                group_title=place.group_title,
                context=place.context,
                order=len(self.actions),
                plan=self.name,
                translations=self.one(_action_translations(model, place.texts)),
                responsible=self.one(_responsible(model.responsible)),
            )
        )


TextsByLanguage = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def _texts(**by_field: "tuple[Any, str]") -> TextsByLanguage:
    """Translations as the model keeps them: each field's translations (a model's
    `translations` map) gathered by language."""
    gathered: dict[str, dict[str, str]] = {}
    for field, (translations, attribute) in by_field.items():
        for lang, texts in translations.items():
            text = getattr(texts, attribute)
            if text is not None:
                gathered.setdefault(lang, {})[field] = text
    return tuple((lang, tuple(texts.items())) for lang, texts in sorted(gathered.items()))


def _action_translations(model: ActionModel, place: TextsByLanguage) -> TextsByLanguage:
    """An action's translations (text, timeline) with its place's (titles, context)."""
    if not model.translations and not place:
        return ()
    gathered = {lang: dict(texts) for lang, texts in place}
    for lang, texts in _texts(text=(model.translations, "text"), timeline=(model.translations, "timeline")):
        gathered.setdefault(lang, {}).update(texts)
    return tuple((lang, tuple(texts.items())) for lang, texts in sorted(gathered.items()))


def _responsible(given: str | list[str] | None) -> tuple[str, ...]:
    """Who is responsible, as a tuple whether the file gives one name or a list."""
    if given is None:
        return ()
    return (given,) if isinstance(given, str) else tuple(given)


class _Place(NamedTuple):
    """Where an action stands in the file."""

    part: str
    part_title: str
    section: str  # the lettered issue or the section
    section_number: str
    section_title: str
    issue_title: str | None = None
    group_title: str | None = None
    context: str | None = None
    texts: TextsByLanguage = ()  # the titles and context in other languages


def _placed(file: PlanFile) -> Iterator[tuple[ActionModel, "_Place"]]:
    """Every action model with where it stands, in document order."""
    for part in file.parts:
        part_texts = (part.translations, "title")
        alone = _Place(part.id, part.title, "", "", "", texts=_texts(part_title=part_texts))
        for model in part.actions:
            yield model, alone
        for section in part.sections:
            section_texts = {
                "part_title": part_texts,
                "section_title": (section.translations, "title"),
                "context": (section.translations, "context"),
            }
            here = _Place(
                part.id,
                part.title,
                section.id,
                section.id,
                section.title,
                context=section.context,
                texts=_texts(**section_texts),
            )
            for model in section.actions:
                yield model, here
            for group in section.groups:
                in_group = _Place(
                    part.id,
                    part.title,
                    section.id,
                    section.id,
                    section.title,
                    None,
                    group.title,
                    section.context,
                    _texts(**section_texts, group_title=(group.translations, "title")),
                )
                for model in group.actions:
                    yield model, in_group
            for issue in section.issues:
                issue_texts = {**section_texts, "context": (issue.translations, "context")}
                in_issue = _Place(
                    part.id,
                    part.title,
                    issue.id,
                    section.id,
                    section.title,
                    issue.title,
                    None,
                    issue.context,
                    _texts(**issue_texts, issue_title=(issue.translations, "title")),
                )
                for model in issue.actions:
                    yield model, in_issue


def plan_name(file: PlanFile, stem: str) -> str:
    """CONTRACT: a plan is named by its symbol, else by its file name without extension."""
    return file.document.symbol or stem


def build_plan(file: PlanFile, stem: str = "plan", decisions: "Decisions | None" = None) -> Plan:
    """Flatten a validated plan file into actions, in document order; `stem` is the file's
    name without extension (the plan's name when it has no symbol). `decisions` are those
    the checks of this file made (each timeline is then read once), else made here."""
    name = plan_name(file, stem)
    if decisions is None:
        decisions = Decisions(settings_of(file.document))
    decisions.read_as(settings_of(file.document))
    builder = _Builder(name, decisions)
    for model, place in _placed(file):
        builder.add(model, place)
    return Plan(
        document=document_of(file.document),
        part_titles={part.id: part.title for part in file.parts},
        actions=tuple(builder.actions),
        name=name,
    )


def document_of(model: DocumentModel) -> Document:
    """The document a validated plan file describes."""
    return Document(
        symbol=model.symbol,
        session=model.session,
        place=model.place,
        meeting=model.meeting,
        committee=model.committee,
        committee_code=model.committee_code,
        agenda_item=model.agenda_item,
        title=model.title,
        date=model.date,
        last_modified=model.last_modified,
        note=model.note,
        report_previous=model.report.previous if model.report else None,
        report_decision=model.report.decision
        if model.report and isinstance(model.report.decision, str)
        else None,
        report_caveat=model.report.caveat if model.report else None,
        organisation=model.organisation,
        body=model.body,
        language=model.language,
        uid=model.uid,
        translations=_texts(
            title=(model.translations, "title"),
            committee=(model.translations, "committee"),
            place=(model.translations, "place"),
        ),
        day_first=model.day_first,
        fiscal_year_start=model.fiscal_year_start,
        report=report_identity_of(model.report) if model.report else None,
    )


def _local(text: str | LanguageTexts | None) -> LocalText | None:
    if text is None or isinstance(text, str):
        return text
    return tuple(
        (lang, value) for lang, value in (("en", text.en), ("fr", text.fr), ("es", text.es)) if value
    )


def report_identity_of(model: ReportSettings) -> ReportIdentity:
    """The progress report's identity a plan's `report:` block states."""
    return ReportIdentity(
        symbol=model.symbol,
        body=_local(model.body),
        session=model.session,
        place=_local(model.place),
        date=model.date,
        committee=_local(model.committee),
        agenda_item=_local(model.agenda_item),
        purpose=model.purpose,
        decision=_local(model.decision),
    )


def registry_from_file(file: PartnersFile) -> Registry:
    """The registry a validated partner file describes."""
    return Registry(
        tuple(Programme(p.id, p.name, p.source, p.note) for p in file.programmes),
        tuple(_partner(partner) for partner in file.partners),
    )


def _partner(model: PartnerModel) -> Partner:
    return Partner(
        id=model.id,
        name=model.name,
        type=model.type,
        short_name=model.short_name,
        group=model.group,
        country=model.country,
        iati_id=model.iati_id,
        member_of=tuple(model.member_of),
        roles=tuple(PartnerRole(role.programme, role.role) for role in model.roles),
        mentions=tuple(model.mentions),
        note=model.note,
        translations=_texts(name=(model.translations, "name"), short_name=(model.translations, "short_name")),
    )
