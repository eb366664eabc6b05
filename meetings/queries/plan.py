"""The cell's year plan: its ICS calendar feed (the secret token is the key)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from organizations.models import Organization

from ..enums import MeetingState
from ..models import CalendarFeed, Meeting


def calendar_feed_of(organization: Organization) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(organization=organization).first()


def get_feed(token: str) -> CalendarFeed:
    """The feed of a token (404 for a wrong or revoked one)."""
    return get_object_or_404(CalendarFeed.objects.select_related("organization"), token=token)


def feed_meetings(feed: CalendarFeed) -> QuerySet[Meeting]:
    """The meetings the feed lists: the cell's, cancelled ones left out."""
    return Meeting.objects.filter(organization=feed.organization).exclude(
        state=MeetingState.CANCELLED
    )
