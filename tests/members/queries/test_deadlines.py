"""Transfer deadlines (TRF-01..02), due and overdue, across Tết 2026 and weekends.

Tết Bính Ngọ: mùng 1 is Tuesday 17/02/2026; the official break is 14–22/02/2026 (the
holiday table is seeded by a migration, so these tests use `db`, never transactional_db).
"""

from datetime import date as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from members.enums import TransferKind, TransferReason, TransferState
from members.models import Transfer
from members.queries.deadlines import (
    LETTER,
    REPORT,
    RETURN,
    deadline_of,
    deadlines_for,
    letter_due,
    report_due,
    transfer_deadlines,
    transfer_findings,
)
from tests.members.services.test_transfers import make_member

pytestmark = pytest.mark.django_db

TRIGGER = D(2026, 1, 9)  # Friday, five weeks before Tết
LETTER_DUE = D(2026, 4, 10)  # 60th working day after it, the Tết break skipped


def _transfer(member, to, **fields) -> Transfer:
    values = {
        "kind": TransferKind.OFFICIAL,
        "reason": TransferReason.JOB_MOVE,
        "state": TransferState.PENDING,
        "trigger_on": TRIGGER,
        "from_organization": member.organization,
        "to_organization": to,
    }
    values.update(fields)
    return Transfer.objects.create(member=member, **values)


# --- TRF-01: the letter within 60 working days of the trigger -------------------------


def test_trf_01_sixty_working_days_across_tet_2026():
    # 12/01–13/02: 25 working days; 14–22/02 Tết; 23/02–31/03: 27; 01–10/04: 8.
    assert letter_due(TRIGGER) == LETTER_DUE
    # Without the Tết break the 60th working day would have been a week earlier.
    assert letter_due(TRIGGER) != D(2026, 4, 3)


def test_trf_01_the_60th_working_day_is_due_the_next_day_overdue(tree):
    transfer = _transfer(make_member(tree["cell_a"]), tree["cell_b"])
    on_time = deadline_of(transfer, LETTER_DUE)
    assert (on_time.step, on_time.rule_id, on_time.due) == (LETTER, "TRF-01", LETTER_DUE)
    assert not on_time.overdue and on_time.days_left == 0
    late = deadline_of(transfer, D(2026, 4, 11))  # Saturday, the day after
    assert late.overdue
    assert deadline_of(transfer, D(2026, 4, 13)).days_late == 1  # Monday: 1 working day late


def test_trf_01_days_left_are_working_days_across_tet(tree):
    transfer = _transfer(make_member(tree["cell_a"]), tree["cell_b"])
    # From Friday 13/02: 23–27/02 (5) + March (22) + 01–10/04 (8).
    assert deadline_of(transfer, D(2026, 2, 13)).days_left == 35
    assert deadline_of(transfer, D(2026, 2, 20)).days_left == 35  # Tết days count nothing


def test_trf_01_a_late_letter_is_a_warning_on_the_transfer(tree):
    transfer = _transfer(
        make_member(tree["cell_a"]),
        tree["cell_b"],
        state=TransferState.SENT,
        letter_number="1",
        letter_on=D(2026, 4, 13),
    )
    findings = transfer_findings(transfer, today=D(2026, 4, 14))
    assert [f.rule_id for f in findings] == ["TRF-01"]
    transfer.letter_on = LETTER_DUE
    assert transfer_findings(transfer, today=D(2026, 4, 14)) == []


# --- TRF-02: report within 30 days of the letter ---------------------------------------


def test_trf_02_day_30_is_due_day_31_overdue(tree):
    transfer = _transfer(
        make_member(tree["cell_a"]),
        tree["cell_b"],
        state=TransferState.SENT,
        letter_number="1",
        letter_on=D(2026, 3, 2),
    )
    assert report_due(D(2026, 3, 2)) == D(2026, 4, 1)  # day 30 is a Wednesday
    row = deadline_of(transfer, D(2026, 4, 1))
    assert (row.step, row.rule_id, row.overdue) == (REPORT, "TRF-02", False)
    assert deadline_of(transfer, D(2026, 4, 2)).overdue
    transfer.received_on = D(2026, 4, 2)
    assert [f.rule_id for f in transfer_findings(transfer, today=D(2026, 4, 2))] == ["TRF-02"]
    transfer.received_on = D(2026, 4, 1)
    assert transfer_findings(transfer, today=D(2026, 4, 2)) == []


def test_trf_02_a_last_day_in_the_tet_break_moves_to_the_next_working_day():
    # 16/01 + 30 days = Sunday 15/02, inside the break (14–22/02): Monday 23/02.
    assert report_due(D(2026, 1, 16)) == D(2026, 2, 23)


def test_trf_02_a_last_day_on_a_weekend_moves_to_monday():
    # 07/03 + 30 = Monday 06/04 (working); 05/03 + 30 = Saturday 04/04 → Monday 06/04.
    assert report_due(D(2026, 3, 5)) == D(2026, 4, 6)


# --- Temporary transfers past their end ------------------------------------------------


def test_temporary_transfer_past_its_end_without_a_return(tree):
    transfer = _transfer(
        make_member(tree["cell_a"]),
        tree["cell_b"],
        kind=TransferKind.TEMPORARY,
        reason=TransferReason.TEMPORARY_WORK,
        state=TransferState.RECEIVED,
        letter_number="1",
        letter_on=D(2026, 1, 5),
        received_on=D(2026, 1, 6),
        until=D(2026, 6, 30),
    )
    assert deadline_of(transfer, D(2026, 6, 30)) is None
    row = deadline_of(transfer, D(2026, 7, 1))
    assert (row.step, row.rule_id, row.overdue) == (RETURN, "TRF-01", True)
    transfer.state = TransferState.RETURNED
    assert deadline_of(transfer, D(2026, 7, 1)) is None


def test_done_cancelled_and_outside_transfers_have_no_deadline(tree):
    member = make_member(tree["cell_a"])
    for fields in [
        {
            "state": TransferState.RECEIVED,
            "letter_on": D(2026, 1, 12),
            "received_on": D(2026, 1, 13),
        },
        {"state": TransferState.CANCELLED},
        {"state": TransferState.SENT, "letter_on": D(2026, 1, 12), "to_organization": None},
    ]:
        transfer = _transfer(member, tree["cell_b"], **fields)
        assert deadline_of(transfer, D(2026, 12, 31)) is None
    assert transfer_deadlines(Transfer.objects.all(), today=D(2026, 12, 31)) == []


# --- The list: scope, subtree, order, export, query count --------------------------------


def _open_transfers(tree, n):
    for i in range(n):
        member = make_member(tree["cell_a"], name=f"Đảng viên {i}")
        _transfer(member, tree["other_cell"], trigger_on=D(2026, 1, 9 + i % 5))


def test_deadlines_are_scoped_by_either_side(tree, officer, outsider, other_secretary):
    _open_transfers(tree, 2)
    today = D(2026, 3, 1)
    assert len(deadlines_for(officer, today=today)) == 2
    assert len(deadlines_for(outsider, today=today)) == 2  # the receiving side
    assert deadlines_for(other_secretary, today=today) == []
    assert deadlines_for(officer, organization=tree["cell_b"], today=today) == []
    assert len(deadlines_for(officer, organization=tree["cell_a"], today=today)) == 2


def test_overdue_only_and_most_urgent_first(tree, officer):
    for day in (D(2026, 1, 20), D(2026, 1, 9), D(2026, 1, 12)):
        _transfer(
            make_member(tree["cell_a"], name=f"Đảng viên {day.day}"), tree["cell_b"], trigger_on=day
        )
    rows = deadlines_for(officer, today=D(2026, 4, 13))
    assert [r.transfer.trigger_on.day for r in rows] == [9, 12, 20]
    assert [r.due for r in rows] == sorted(r.due for r in rows)
    overdue = deadlines_for(officer, today=D(2026, 4, 13), overdue_only=True)
    assert overdue and all(r.overdue for r in overdue) and len(overdue) < len(rows)


URL = reverse("members:transfer_deadlines")


def _count(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_deadline_page_has_a_constant_number_of_queries(tree, officer, login):
    client = login(officer)
    _open_transfers(tree, 1)
    few, response = _count(client)
    assert len(response.context["rows"]) == 1
    _open_transfers(tree, 49)
    many, response = _count(client)
    assert len(response.context["rows"]) == 50
    assert few == many


def test_deadline_page_marks_overdue_rows(tree, officer, login):
    _open_transfers(tree, 1)
    Transfer.objects.update(trigger_on=D(2025, 1, 2))
    response = login(officer).get(URL)
    assert b'data-testid="overdue"' in response.content
    assert "table-danger" in response.content.decode()


def test_deadline_export_xlsx(tree, officer, login):
    _open_transfers(tree, 3)
    response = login(officer).get(URL, {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "Họ và tên")
    assert len(values) - header - 1 == 3
    assert values[header + 1][5] == "TRF-01"


@pytest.mark.parametrize("name", ["member_user", "other_secretary", "outsider"])
def test_deadline_page_and_export_show_nothing_outside_reach(tree, name, persona, login):
    make_member(tree["cell_a"])  # nothing for cell_b or other_commune
    _transfer(make_member(tree["cell_a"], name="Trần Văn Tư"), tree["grassroots"])
    client = login(persona(name))
    response = client.get(URL)
    if name == "member_user":
        assert response.status_code == 404
        assert client.get(URL, {"format": "xlsx"}).status_code == 404
    else:
        assert response.status_code == 200 and response.context["rows"] == []


def test_deadline_page_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response.url
