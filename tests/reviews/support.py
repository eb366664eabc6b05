"""Helpers of the review tests: a member's review taken to its decision, an organization's,
a discipline recorded on a member."""

from datetime import date

from discipline.enums import DecidingBody
from discipline.services import disciplines as discipline_services
from reviews import services


def decide(member, year, level, by_cell, by_committee, score=None):
    services.record_member_step(
        member=member, year=year, step="self", level=level, score=score, by=by_cell
    )
    services.record_member_step(
        member=member, year=year, step="proposal", level=level, score=score, by=by_cell
    )
    return services.record_member_step(
        member=member, year=year, step="decision", level=level, score=score, by=by_committee
    )


def discipline_of(tree, member, by, *, on=date(2020, 6, 1), form="reprimand", self_remedied=False):
    return discipline_services.record_discipline(
        subject_member=member,
        form=form,
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Vi phạm",
        offence_on=on - (on - date(on.year, 1, 1)),
        decided_on=on,
        self_remedied=self_remedied,
        by=by,
    )


def decide_org(org, year, level, by):
    for step in ("self", "proposal", "decision"):
        services.record_organization_step(
            organization=org, year=year, step=step, level=level, by=by
        )
