"""What the admissions app lends to training (training.links), registered in
AdmissionsConfig.ready(): the directory of candidates a training enrolment can be linked
to, and the receiver that marks the PRB-04 dossier when a certificate is recorded.

The directory is scoped like every read (admissions.queries.cases.candidates_for): a
candidate of a cell outside the user's subtree is neither offered nor accepted.
"""

from __future__ import annotations

from training.links import LinkedPerson
from training.queries import candidate_ref_of

from .enums import CandidateState
from .models import Candidate
from .queries.cases import candidates_for
from .services.certificates import sync_new_member_course_of

PREFIX = f"{Candidate._meta.label_lower}:"
# Only people still on the list are offered; a linked reference stays readable after.
LINKABLE_STATES = (CandidateState.OUTSTANDING, CandidateState.SYMPATHIZER)


def _person(candidate: Candidate) -> LinkedPerson:
    return LinkedPerson(
        ref=candidate_ref_of(candidate),
        full_name=candidate.full_name,
        date_of_birth=candidate.date_of_birth,
        citizen_id=candidate.citizen_id,
        label=f"{candidate.full_name} ({candidate.date_of_birth:%d/%m/%Y}) — "
        f"{candidate.cell.name} · {candidate.get_state_display()}",
        url=candidate.get_absolute_url(),
    )


def _pk(ref: str) -> int | None:
    if not ref.startswith(PREFIX):
        return None
    try:
        return int(ref[len(PREFIX) :])
    except ValueError:
        return None


class CandidateDirectory:
    """training.links.Directory over admissions.Candidate."""

    def linkable_for(self, user, within=None) -> list[LinkedPerson]:
        qs = candidates_for(user).filter(state__in=LINKABLE_STATES).select_related("cell")
        if within is not None:
            qs = qs.filter(within.subtree_q("cell__"))
        return [_person(c) for c in qs.order_by("sort_key", "id")]

    def get_for(self, user, ref: str) -> LinkedPerson | None:
        pk = _pk(ref)
        if pk is None:
            return None
        candidate = candidates_for(user).select_related("cell").filter(pk=pk).first()
        return _person(candidate) if candidate is not None else None

    def describe(self, user, refs) -> dict[str, LinkedPerson]:
        pks = [pk for pk in (_pk(r) for r in refs) if pk is not None]
        if not pks:
            return {}
        qs = candidates_for(user).select_related("cell").filter(pk__in=pks)
        return {candidate_ref_of(c): _person(c) for c in qs}


def on_certificate_changed(sender, *, enrollment, by, **kwargs) -> None:
    """PRB-04: a new-member course result of a member with an open full-membership case
    marks (or unmarks) the dossier item of that case."""
    if not enrollment.member_id:
        return

    sync_new_member_course_of(enrollment.member, by=by)
