"""`report --portfolio`: the portfolio page, in the format asked for, or why it cannot be."""

import datetime as dt

from ilotc.cli.common import fail
from ilotc.i18n import _
from ilotc.model.lateness import plan_dates
from ilotc.model.plan import Action
from ilotc.model.portfolio import portfolio_status
from ilotc.output.portfolio_page import PORTFOLIO_FORMATS
from ilotc.store.loading import Dataset


def portfolio_page(fmt: str, data: Dataset, actions: list[Action], day: dt.date) -> bytes:
    """The page's bytes; exit 2 for a format the page has not (terminal, pdf)."""
    render = PORTFOLIO_FORMATS.get(fmt)
    if render is None:
        fail(
            _("the portfolio page is written as {formats}; for the terminal, use ilotc status").format(
                formats=" or ".join(PORTFOLIO_FORMATS)
            )
        )
    plans = [used.plan for used in data.plans]
    return render(portfolio_status(plans, actions, day, plan_dates(plans)), day).encode("utf-8")
