"""People of another app that an enrolment can be linked to, and the news of a certificate.

Training imports nothing from admissions (ARCHITECTURE: admissions reads training, never
the reverse). Two small seams let the two work together without typing anything twice:

- A *directory* of linkable people. The admissions app registers one in its
  AppConfig.ready() (admissions.links): it lists the candidates (quần chúng ưu tú, cảm
  tình đảng) a user may read, and resolves a reference ("admissions.candidate:12", see
  training.queries.candidate_ref_of) for that user; anything outside the user's subtree
  is unknown. The enrolment form offers its choices; `services.enroll_person` checks the
  reference through it and copies the person's name, birth date and citizen ID.
- The signal `certificate_changed`, sent by `services.record_result` after a learner's
  result is written (inside its transaction): the admissions app marks the PRB-04
  dossier item of an open full-membership case from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from django.dispatch import Signal

if TYPE_CHECKING:
    from accounts.scope import RequestUser
    from organizations.models import Organization

# Sent with `enrollment` (training.models.Enrollment, saved) and `by` (the user).
certificate_changed = Signal()


@dataclass(frozen=True)
class LinkedPerson:
    """A person of another app as the enrolment needs them."""

    ref: str
    full_name: str
    date_of_birth: date
    citizen_id: str
    label: str  # shown in the choice list: name, birth date, cell, state
    url: str = ""


class Directory(Protocol):
    def linkable_for(
        self, user: RequestUser, within: Organization | None = None
    ) -> list[LinkedPerson]:
        """The people `user` may link, in the order of the choice list, those of the
        organization `within`'s subtree only when given (one query)."""
        ...

    def get_for(self, user: RequestUser, ref: str) -> LinkedPerson | None:
        """The person of `ref` if `user` may read them, else None (one query)."""
        ...

    def describe(self, user: RequestUser, refs: Iterable[str]) -> dict[str, LinkedPerson]:
        """The people of `refs` that `user` may read, by reference (one query)."""
        ...


class _NoDirectory:
    def linkable_for(
        self, user: RequestUser, within: Organization | None = None
    ) -> list[LinkedPerson]:
        return []

    def get_for(self, user: RequestUser, ref: str) -> LinkedPerson | None:
        return None

    def describe(self, user: RequestUser, refs: Iterable[str]) -> dict[str, LinkedPerson]:
        return {}


_directory: Directory = _NoDirectory()


def register(directory: Directory) -> None:
    global _directory
    _directory = directory


def directory() -> Directory:
    return _directory
