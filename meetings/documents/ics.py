"""The cell's meetings as an iCalendar feed (RFC 5545), written by hand: a few fields only."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from ..enums import MeetingState

PRODID = "-//chibo//Sinh hoat chi bo//VI"


def _escape(text: str) -> str:
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return out


def _utc(day, at) -> str:
    local = timezone.make_aware(datetime.combine(day, at))
    return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(organization, meetings) -> str:
    now = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(organization.name)}",
    ]
    for meeting in meetings.order_by("planned_on", "id"):
        day = meeting.on
        lines += ["BEGIN:VEVENT", f"UID:meeting-{meeting.pk}@chibo", f"DTSTAMP:{now}"]
        if meeting.starts_at:
            end = (
                meeting.ends_at
                or (datetime.combine(day, meeting.starts_at) + timedelta(hours=2)).time()
            )
            lines += [f"DTSTART:{_utc(day, meeting.starts_at)}", f"DTEND:{_utc(day, end)}"]
        else:
            lines += [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            ]
        summary = f"{meeting.get_kind_display()} — {organization.name}"
        if meeting.topic:
            summary += f": {meeting.topic}"
        lines.append(f"SUMMARY:{_escape(summary)}")
        if meeting.place:
            lines.append(f"LOCATION:{_escape(meeting.place)}")
        lines.append(
            f"STATUS:{'CONFIRMED' if meeting.state != MeetingState.CANCELLED else 'CANCELLED'}"
        )
        lines.append(f"SEQUENCE:{meeting.version}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
