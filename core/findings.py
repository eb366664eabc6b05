"""Structured results of rule checks: the rule ID, how serious, and a Vietnamese message."""

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    message: str
    field: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    def __str__(self) -> str:
        return f"{self.message} ({self.rule_id})"


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.blocking]
