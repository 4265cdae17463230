"""Whether a done action was done on time: days from the end of its deadline to its `done` change.

Apart from `lateness` (what is late now), so that a listing's records, which carry
`done_late_days`, do not import the machinery of overdue and upcoming.
"""

import datetime as dt

from ilotc.model.plan import Action
from ilotc.model.vocab import Kind, Status

_DUE_KINDS = (Kind.DEADLINE, Kind.MILESTONE, Kind.WINDOW)


def days_after_due(action: Action, done_on: dt.date) -> int | None:
    """Days from the end of the action's last due period to `done_on` (0 or less: on time);
    None when it has no due period (a recurring action's `done` marks an occurrence)."""
    dues = [s.due for s in action.schedules if s.kind in _DUE_KINDS and s.due is not None]
    if not dues:
        return None
    return (done_on - max(due.last_day() for due in dues)).days


def done_late_days(action: Action, day: dt.date) -> int | None:
    """Days from the end of the action's last due period to the `done` change that finished
    it, as of `day`: 0 or less when done on time; None when not done, or never due (a
    recurring action's `done` marks an occurrence, not the end)."""
    if not action.history or action.status_as_of(day) is not Status.DONE:
        return None  # with no change recorded, an action is never done (initial statuses)
    done = None
    for change in action.history:
        if change.date.first_day() > day:
            break
        if change.status is Status.DONE and done is None:
            done = change.date.first_day()
        elif change.status is not Status.DONE:
            done = None  # reopened: the change that counts is a later one
    return None if done is None else days_after_due(action, done)
