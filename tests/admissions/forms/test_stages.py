"""admissions.forms.stages: one StepForm (date, scan, override reason, facts, the ADM-06
check beside its field) under the admission and full-membership step forms, which add only
their stage's facts."""

from datetime import date

import pytest

from admissions.enums import FullStage, Proposal, Stage
from admissions.forms.stages import AdvanceForm, CommitteeBaseForm, FullAdvanceForm
from admissions.models import AdmissionCase
from admissions.services.full_membership import open_full_case
from admissions.services.stages import advance

pytestmark = pytest.mark.django_db


def fields(form):
    return list(form.fields)


def test_the_date_comes_first_and_the_override_reason_last(case):
    form = AdvanceForm(case=case, stage=Stage.CELL_RESOLUTION)
    names = fields(form)
    assert names[0] == "on" and names[-2:] == ["document", "override_reason"]
    assert {"votes_for", "votes_against", "over_age_agreement", "education_exception"} <= set(names)
    assert fields(AdvanceForm(case=case, stage=Stage.APPLICATION)) == [
        "on",
        "document",
        "override_reason",
    ]


def test_facts_leave_out_the_common_fields_and_empty_ones(case):
    form = AdvanceForm(
        case=case,
        stage=Stage.CELL_RESOLUTION,
        data={"on": "14/02/2025", "votes_for": "8", "override_reason": "Đã báo cáo"},
    )
    assert form.is_valid(), form.errors
    facts = form.facts()
    assert facts["votes_for"] == 8
    assert "votes_against" in facts and facts["votes_against"] is None  # kept: None means 0
    assert not {"on", "document", "override_reason"} & set(facts)
    assert facts["over_age_agreement"] == "" and facts["education_exception"] is False


def test_a_sympathizer_step_needs_a_helper_of_the_cell_unless_one_is_set(case, full_members):
    form = AdvanceForm(case=case, stage=Stage.SYMPATHIZER)
    helper = form.fields["helper"]
    assert helper.required
    assert set(helper.queryset) == set(full_members)  # the cell's full members
    case.candidate.helper = full_members[0]
    case.candidate.save()
    form = AdvanceForm(case=case, stage=Stage.SYMPATHIZER)
    assert not form.fields["helper"].required
    assert form.fields["helper"].initial == full_members[0].pk


def test_adm06_committee_count_refused_beside_its_field(case, walk):
    walk(case, Stage.CELL_RESOLUTION)
    data = {"on": "20/02/2025", "committee_against": "0"}
    form = AdvanceForm(case=case, stage=Stage.COMMITTEE_RESOLUTION)
    assert "committee_size" not in form.fields  # the base is the register's, never typed
    assert form.fields["on"].widget.attrs["hx-get"].endswith(f"/cases/{case.pk}/committee-base/")
    short = AdvanceForm(
        case=case, stage=Stage.COMMITTEE_RESOLUTION, data={**data, "committee_for": "5"}
    )
    assert not short.is_valid()
    assert "ADM-06" in " ".join(short.errors["committee_for"])
    enough = AdvanceForm(
        case=case, stage=Stage.COMMITTEE_RESOLUTION, data={**data, "committee_for": "6"}
    )
    assert enough.is_valid(), enough.errors  # 6 of the 9 seated: exactly 2/3


def test_a_bad_date_is_a_field_error(case):
    form = AdvanceForm(case=case, stage=Stage.APPLICATION, data={"on": "31/02/2024"})
    assert not form.is_valid() and "on" in form.errors


def test_full_membership_steps_add_their_own_facts(case, walk, officer):
    walk(case, Stage.MEMBER_FILE)
    fcase = open_full_case(AdmissionCase.objects.get(pk=case.pk).member, by=officer)
    form = FullAdvanceForm(fcase=fcase, stage=FullStage.CELL_RESOLUTION)
    assert {"proposal", "votes_for", "votes_against"} <= set(form.fields)
    decision = FullAdvanceForm(fcase=fcase, stage=FullStage.DECISION)
    assert {"decision_number", "extension_reason"} <= set(decision.fields)
    advance(
        fcase,
        FullStage.CELL_RESOLUTION,
        by=officer,
        on=date(2026, 3, 20),
        proposal=Proposal.FULL,
        votes_for=9,
    )
    fcase.refresh_from_db()
    over = FullAdvanceForm(
        fcase=fcase,
        stage=FullStage.COMMITTEE_RESOLUTION,
        data={"on": "25/03/2026", "committee_for": "10"},
    )
    assert not over.is_valid()
    assert "(9)" in " ".join(over.errors["committee_for"])  # more votes than members


def test_committee_base_form_reads_the_typed_day_or_none():
    assert CommitteeBaseForm({"on": "20/02/2025"}).day() == date(2025, 2, 20)
    assert CommitteeBaseForm({"on": "31/02/2025"}).day() is None
    assert CommitteeBaseForm({"on": ""}).day() is None
