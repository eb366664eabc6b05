"""The audit trail shown on record pages: who, when, what changed (old → new)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.audit import history_rows
from tests.factories import MemberFactory, UserFactory


def _move(member, organization, by):
    member.organization = organization
    member._history_user = by
    member.save()


def test_changes_name_old_and_new_values_and_who(tree):
    officer = UserFactory(full_name="Hoàng Văn Thụ")
    member = MemberFactory(full_name="Nông Thị Hoa", organization=tree["cell_a"])
    member.full_name = "Nông Thị Hoà"
    member._history_user = officer
    member.save()
    newest = history_rows(member)[0]
    assert newest.who == "Hoàng Văn Thụ"
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("họ và tên", "Nông Thị Hoa", "Nông Thị Hoà")
    ]


def test_related_records_are_named_with_a_constant_number_of_queries(tree):
    officer = UserFactory()
    one = MemberFactory(organization=tree["cell_a"], date_of_birth=date(1970, 1, 1))
    _move(one, tree["cell_b"], officer)
    many = MemberFactory(organization=tree["cell_a"], date_of_birth=date(1970, 1, 1))
    for _ in range(10):
        _move(many, tree["cell_b"], officer)
        _move(many, tree["other_cell"], officer)

    with CaptureQueriesContext(connection) as few:
        rows = history_rows(one)
    with CaptureQueriesContext(connection) as lots:
        history_rows(many)
    assert len(lots) == len(few)
    change = rows[0].changes[0]
    assert (change.old, change.new) == ("Chi bộ thôn Nà Phát", "Chi bộ thôn Khau Khoang")
