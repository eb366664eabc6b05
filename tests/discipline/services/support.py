"""Helpers of the discipline service tests: a discipline recorded on a member or an
organization with the usual defaults, and an appeal taken through its three steps."""

from datetime import date

from discipline.enums import (
    DecidingBody,
)
from discipline.enums import DisciplineForm as F
from discipline.services import appeals, disciplines


def record(tree, by, **kw):
    kw.setdefault("deciding_organization", tree["grassroots"])
    kw.setdefault("deciding_body", DecidingBody.STANDING_COMMITTEE)
    kw.setdefault("offence", "Vi phạm quy chế làm việc")
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return disciplines.record_discipline(by=by, **kw)


def on_org(tree, by, org_key, form=F.DISSOLUTION, **kw):
    """A discipline of an organization decided by its direct superior (DIS-02)."""
    org = tree[org_key]
    superior = {"cell_a": "grassroots", "cell_b": "grassroots", "grassroots": "commune"}[org_key]
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return disciplines.record_discipline(
        subject_organization=org,
        form=form,
        deciding_organization=tree[superior],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Mất đoàn kết nghiêm trọng",
        decision_number="15-QĐ/ĐU",
        by=by,
        **kw,
    )


def on_member(tree, by, member, form, **kw):
    kw.setdefault("offence_on", date(2024, 3, 1))
    kw.setdefault("decided_on", date(2024, 6, 1))
    return disciplines.record_discipline(
        subject_member=member,
        form=form,
        deciding_organization=tree["grassroots"],
        deciding_body=DecidingBody.STANDING_COMMITTEE,
        offence="Vi phạm tư cách đảng viên",
        decision_number="16-QĐ/ĐU",
        by=by,
        **kw,
    )


def appeal(d, by, *, outcome, decided_on=date(2024, 7, 15), new_form=""):
    appeals.record_receipt(d, received_on=date(2024, 6, 5), by=by)
    appeals.record_appeal(d, appealed_on=date(2024, 6, 20), by=by)
    return appeals.resolve_appeal(
        d, outcome=outcome, decided_on=decided_on, new_form=new_form, by=by
    )
