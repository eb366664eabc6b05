"""Signed scans of numbered documents."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.shortcuts import get_object_or_404

from core.documents import DocType
from organizations.models import DocumentNumber

from ..models import (
    Meeting,
    Resolution,
    SignedScan,
)
from .scope import meetings_for

if TYPE_CHECKING:
    from accounts.scope import RequestUser

# --- Signed scans of numbered documents -------------------------------------------------


def minutes_ref(meeting: Meeting) -> str:
    """The reference of a meeting's biên bản in its DocumentNumber and scans."""
    return f"meetings.Meeting:{meeting.pk}"


def resolution_ref(resolution: Resolution) -> str:
    """The reference of a nghị quyết in its DocumentNumber and scans."""
    return f"meetings.Resolution:{resolution.pk}"


@dataclass
class ScanShelf:
    """The signed scans of one document, newest first (the first is the current one)."""

    number: DocumentNumber | None  # None: not numbered, no scan possible
    scans: list[SignedScan]

    @property
    def current(self) -> SignedScan | None:
        return self.scans[0] if self.scans else None

    @property
    def earlier(self) -> list[SignedScan]:
        return self.scans[1:]


def signed_scans(
    meeting: Meeting, resolutions: Iterable[Resolution]
) -> tuple[ScanShelf, dict[int, ScanShelf]]:
    """The biên bản's scans and each resolution's, with their numbers (two queries)."""
    refs: dict[str, int | None] = {minutes_ref(meeting): None}
    refs.update({resolution_ref(r): r.pk for r in resolutions})
    numbers = {
        (n.doc_type, n.ref): n
        for n in DocumentNumber.objects.filter(
            organization_id=meeting.organization_id,
            doc_type__in=[DocType.BIEN_BAN, DocType.NGHI_QUYET],
            ref__in=list(refs),
        )
    }
    scans: dict[int | None, list[SignedScan]] = defaultdict(list)
    for scan in SignedScan.objects.filter(meeting=meeting).select_related("uploaded_by"):
        scans[scan.resolution_id].append(scan)
    minutes = ScanShelf(numbers.get((DocType.BIEN_BAN, minutes_ref(meeting))), scans[None])
    by_resolution = {
        r.pk: ScanShelf(numbers.get((DocType.NGHI_QUYET, resolution_ref(r))), scans[r.pk])
        for r in resolutions
    }
    return minutes, by_resolution


def get_scan_for(user: "RequestUser", pk: int) -> SignedScan:
    """A signed scan, only for those who read the meeting (404 for anyone else)."""
    return get_object_or_404(SignedScan.objects.filter(meeting__in=meetings_for(user)), pk=pk)
