"""core.findings: a rule check's result (rule ID, severity, message) and the blocking ones."""

import pytest

from core.findings import Finding, Severity, blocking


def test_only_a_blocking_severity_blocks():
    assert Finding("ADM-01", Severity.BLOCKING, "Chưa đủ tuổi").blocking is True
    assert Finding("ADM-01", Severity.WARNING, "Sắp hết hạn").blocking is False
    assert Finding("ADM-01", Severity.INFO, "Ghi chú").blocking is False


def test_a_finding_reads_as_its_message_then_its_rule():
    finding = Finding("ADM-07", Severity.WARNING, "Quá hạn 60 ngày làm việc", field="date")
    assert str(finding) == "Quá hạn 60 ngày làm việc (ADM-07)"
    assert finding.field == "date"
    assert Finding("ADM-07", Severity.INFO, "x").field is None


def test_blocking_keeps_the_blocking_findings_in_order():
    first = Finding("A-1", Severity.BLOCKING, "một")
    warning = Finding("A-2", Severity.WARNING, "hai")
    second = Finding("A-3", Severity.BLOCKING, "ba")
    assert blocking([first, warning, second]) == [first, second]
    assert blocking([warning]) == []
    assert blocking([]) == []


def test_findings_are_values():
    assert Finding("A-1", Severity.INFO, "x") == Finding("A-1", Severity.INFO, "x")
    with pytest.raises(AttributeError):
        Finding("A-1", Severity.INFO, "x").message = "y"  # type: ignore[misc]
    assert Severity("blocking") is Severity.BLOCKING
