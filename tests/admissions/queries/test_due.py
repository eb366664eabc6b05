"""The due and overdue dashboard (admissions.queries_due): one row for every person on
the list, every case and every probationary member, with the next step, its deadline and
who must act; `horizon_days`; a constant number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.enums import CandidateSource, CandidateState, Stage
from admissions.queries.due import due_rows_for
from admissions.rules.deadlines import decision_due
from admissions.rules.reviews import review_due
from admissions.services.candidates import add_candidate, add_review, set_candidate_state
from admissions.services.cases import open_case
from members.enums import Sex

from ..conftest import make_member, probationary

pytestmark = pytest.mark.django_db

TODAY = date(2024, 2, 12)


def add_person(officer, cell, name, on=date(2024, 1, 2)):
    return add_candidate(
        by=officer,
        cell=cell,
        on=on,
        full_name=name,
        sex=Sex.MALE,
        date_of_birth=date(1995, 1, 1),
        source=CandidateSource.RESIDENCE,
    )


def rows_by_name(user, **kwargs):
    kwargs.setdefault("today", TODAY)
    return {r.name: r for r in due_rows_for(user, **kwargs)}


# --- ADM-05: the monthly review ------------------------------------------------------------


def test_adm05_review_due_by_the_end_of_the_month():
    assert review_due(date(2024, 1, 2), None) == date(2024, 1, 31)
    assert review_due(date(2024, 1, 31), None) == date(2024, 1, 31)
    assert review_due(date(2024, 1, 2), date(2024, 1, 1)) == date(2024, 2, 29)  # leap year
    assert review_due(date(2024, 12, 5), date(2024, 12, 1)) == date(2025, 1, 31)
    # A review older than the present state does not count (a new sympathizer).
    assert review_due(date(2024, 3, 10), date(2024, 1, 1)) == date(2024, 3, 31)


def test_outstanding_person_without_a_case_has_a_row(officer, cell):
    add_person(officer, cell, "Người ưu tú")
    row = rows_by_name(officer)["Người ưu tú"]
    assert row.kind == "candidate"
    assert row.step == str(Stage.SYMPATHIZER.label)
    assert (row.rule_id, row.who) == ("ADM-05", "Chi bộ")
    assert row.due == date(2024, 1, 31) and row.overdue  # no review in January
    assert not row.working_days
    # The day of the deadline it is due, not late.
    assert not rows_by_name(officer, today=date(2024, 1, 31))["Người ưu tú"].overdue


def test_sympathizer_row_moves_with_the_reviews_and_names_the_helper(officer, cell, full_members):
    person = add_person(officer, cell, "Cảm tình đảng")
    set_candidate_state(
        person, CandidateState.SYMPATHIZER, by=officer, on=date(2024, 1, 10), helper=full_members[0]
    )
    row = rows_by_name(officer)["Cảm tình đảng"]
    assert row.step == str(Stage.COURSE.label)
    assert full_members[0].full_name in row.due_note
    assert row.due == date(2024, 1, 31)
    add_review(person, by=officer, month=date(2024, 1, 20), note="Tích cực")
    row = rows_by_name(officer)["Cảm tình đảng"]
    assert row.due == date(2024, 2, 29) and not row.overdue


@pytest.mark.parametrize(
    "until, step",
    [
        (Stage.SOURCE, Stage.SYMPATHIZER),
        (Stage.SYMPATHIZER, Stage.COURSE),
        (Stage.APPLICATION, Stage.HISTORY),
    ],
)
def test_case_before_the_cell_resolution_has_the_next_step(officer, case, walk, until, step):
    walk(case, until)
    row = rows_by_name(officer, today=date(2024, 3, 6))["Lường Thị Hoa"]
    assert row.kind == "case"
    assert row.step == str(step.label)
    assert row.rule_id == "ADM-05"
    assert row.url == case.get_absolute_url()


def test_adm04_expired_certificate_means_retaking_the_course(officer, case, walk):
    walk(case, Stage.COURSE)  # certificate 28/02/2024: valid until 28/02/2029
    assert rows_by_name(officer, today=date(2029, 2, 28))["Lường Thị Hoa"].rule_id == "ADM-05"
    row = rows_by_name(officer, today=date(2029, 3, 1))["Lường Thị Hoa"]
    assert row.rule_id == "ADM-04" and row.overdue
    assert row.due == date(2029, 2, 28)
    assert "Học lại" in row.step


def test_adm04_expiry_before_the_review_is_the_deadline(officer, case, walk):
    # A certificate that expires on 10/03/2024, before the March review (31/03/2024).
    walk(case, Stage.COURSE, overrides={Stage.COURSE: {"certificate_on": date(2019, 3, 10)}})
    add_review(case.candidate, by=officer, month=date(2024, 2, 1), note="Tốt")
    row = rows_by_name(officer, today=date(2024, 3, 5))["Lường Thị Hoa"]
    assert (row.rule_id, row.due) == ("ADM-04", date(2024, 3, 10))
    assert row.step == str(Stage.APPLICATION.label) and not row.overdue
    assert "hết hiệu lực" in row.due_note


def test_after_the_cell_resolution_working_day_deadlines(officer, case, walk):
    walk(case, Stage.CELL_RESOLUTION)
    row = rows_by_name(officer, today=date(2025, 2, 17))["Lường Thị Hoa"]
    assert row.rule_id == "ADM-07"
    assert row.step == str(Stage.COMMITTEE_RESOLUTION.label)  # a đảng bộ cơ sở's cell
    assert row.who == "Đảng ủy cơ sở"
    assert row.due == decision_due(date(2025, 2, 14))


def test_every_person_and_probationary_member_has_a_row(officer, cell, tree):
    add_person(officer, cell, "Ưu tú A")
    add_person(officer, tree["cell_b"], "Ưu tú B")
    removed = add_person(officer, cell, "Đã đưa ra")
    set_candidate_state(
        removed, CandidateState.REMOVED, by=officer, on=date(2024, 1, 5), reason="Chuyển đi"
    )
    member = probationary(cell)
    names = set(rows_by_name(officer))
    assert {"Ưu tú A", "Ưu tú B", member.full_name} <= names
    assert "Đã đưa ra" not in names


def test_scoped_to_the_user(officer, cell, tree, other_secretary, outsider):
    add_person(officer, cell, "Ưu tú A")
    add_person(officer, tree["cell_b"], "Ưu tú B")
    assert set(rows_by_name(other_secretary)) == {"Ưu tú B"}
    assert rows_by_name(outsider) == {}


def test_horizon_days_leaves_out_what_is_due_later_but_keeps_the_overdue(officer, cell):
    add_person(officer, cell, "Quá hạn")  # due 31/01/2024: overdue on TODAY
    member = probationary(cell, admitted_on=date(2024, 1, 8))  # probation ends 08/01/2025
    everything = rows_by_name(officer)
    assert {"Quá hạn", member.full_name} <= set(everything)
    near = rows_by_name(officer, horizon_days=60)
    assert set(near) == {"Quá hạn"}
    due = everything[member.full_name].due
    days = (due - TODAY).days
    assert member.full_name in rows_by_name(officer, horizon_days=days)  # due that day: in
    assert member.full_name not in rows_by_name(officer, horizon_days=days - 1)


def count(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_due_rows_constant_queries_with_every_kind_of_row(officer, cell, full_members):
    def add_batch(start, n):
        for i in range(start, start + n):
            person = add_person(officer, cell, f"Người {i}")
            if i % 3 == 1:
                set_candidate_state(
                    person,
                    CandidateState.SYMPATHIZER,
                    by=officer,
                    on=date(2024, 1, 10),
                    helper=full_members[0],
                )
                add_review(person, by=officer, month=date(2024, 1, 1), note="Tốt")
            elif i % 3 == 2:
                open_case(person, by=officer, on=date(2024, 1, 3))
            make_member(cell, name=f"Dự bị {i}", full_on=None, admitted_on=date(2024, 1, 8))

    add_batch(0, 3)
    few = count(lambda: due_rows_for(officer, today=TODAY))
    add_batch(3, 15)
    many = count(lambda: due_rows_for(officer, today=TODAY))
    assert few == many == 5
