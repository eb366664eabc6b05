"""Biên bản (DOC-02) and nghị quyết of a meeting as DOCX and PDF in the DOC-01 frame.

The frame and the renderers are core.documents; the issuing body, its superior and the
number come from organizations.documents.header_for and organizations.services.numbering (one
series per document type across the committee's term). A document not yet issued
(no number allocated: meetings.services.documents.issue_minutes / issue_resolution) renders as a draft
with a blank number. Body texts are plain paragraphs: the base templates print them.
"""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from core.documents import DocType, DocumentHeader, long_date, number, render_docx, render_pdf
from organizations.documents import header_for
from organizations.models import DocumentNumber, Organization

from ..enums import AttendanceStatus as S
from ..enums import Rating
from ..models import Attendance, Meeting, Resolution
from ..queries.evaluations import meeting_page
from ..queries.scans import minutes_ref, resolution_ref

DOCX_TEMPLATE = "documents/docx/base.docx"
PDF_TEMPLATE = "documents/base.html"


def issued(organization: Organization, doc_type: str, ref: str) -> DocumentNumber | None:
    return DocumentNumber.objects.filter(
        organization=organization, doc_type=doc_type, ref=ref
    ).first()


def _names(attendances: Iterable[Attendance], status: str) -> str:
    return ", ".join(a.member.full_name for a in attendances if a.status == status)


def minutes_body(meeting: Meeting, page: dict[str, Any]) -> list[str]:
    """DOC-02, in order: time and place, chair and minute-taker, attendance, agenda,
    content, discussion, votes, conclusion, tasks, self-rating, start and end."""
    evaluation = page["evaluation"]
    count = evaluation.count
    attendances = page["attendances"]
    start = meeting.starts_at.strftime("%H giờ %M") if meeting.starts_at else "…"
    end = meeting.ends_at.strftime("%H giờ %M") if meeting.ends_at else "…"
    body = [
        _("Hôm nay, vào lúc %(start)s, %(date)s, tại %(place)s, %(org)s tiến hành %(kind)s.")
        % {
            "start": start,
            "date": long_date(meeting.on),
            "place": meeting.place or "…",
            "org": meeting.organization.name,
            "kind": meeting.get_kind_display().lower(),
        }
    ]
    if meeting.topic:
        body.append(_("Chủ đề: %(topic)s.") % {"topic": meeting.topic})
    body.append(
        _("Chủ trì: đồng chí %(chair)s. Thư ký: đồng chí %(taker)s.")
        % {
            "chair": meeting.chair.full_name if meeting.chair else "…",
            "taker": meeting.minute_taker.full_name if meeting.minute_taker else "…",
        }
    )
    body.append(
        _(
            "Tổng số đảng viên của chi bộ: %(total)s; có mặt: %(present)s; được miễn sinh "
            "hoạt: %(exempt)s; vắng có lý do: %(excused)s; vắng không có lý do: %(unexcused)s."
        )
        % {
            "total": count.total,
            "present": count.present,
            "exempt": count.exempt,
            "excused": count.excused,
            "unexcused": count.unexcused,
        }
    )
    for status, label in ((S.EXCUSED, _("Vắng có lý do")), (S.UNEXCUSED, _("Vắng không lý do"))):
        names = _names(attendances, status)
        if names:
            body.append(f"{label}: {names}.")
    if page["superiors"]:
        body.append(
            _("Đồng chí cấp ủy cấp trên dự: %(names)s.")
            % {
                "names": ", ".join(
                    f"{s}{f' ({s.position})' if s.position else ''}" for s in page["superiors"]
                )
            }
        )
    body.append(_("NỘI DUNG SINH HOẠT"))
    for position, item in enumerate(page["agenda"], start=1):
        body.append(f"{position}. {item.title}")
    for label, text in (
        (_("Thông tin thời sự, chủ trương, chỉ đạo của cấp trên"), meeting.news_and_directions),
        (_("Tình hình tư tưởng đảng viên"), meeting.ideological_situation),
        (_("Kiểm điểm nhiệm vụ, nghị quyết tháng trước"), meeting.review_of_tasks),
        (_("Thảo luận"), meeting.discussion),
        (_("Kết luận"), meeting.conclusion),
    ):
        if text.strip():
            body.append(f"{label}:")
            body.extend(line for line in text.splitlines() if line.strip())
    for resolution in page["resolutions"]:
        body.append(
            _(
                "Biểu quyết %(title)s: tán thành %(for)s, không tán thành %(against)s, "
                "không biểu quyết %(abstain)s (trên %(base)s đảng viên làm căn cứ)."
            )
            % {
                "title": resolution.title,
                "for": resolution.votes_for,
                "against": resolution.votes_against,
                "abstain": resolution.votes_abstain,
                "base": evaluation.base_size,
            }
        )
    if page["tasks"]:
        body.append(_("Nhiệm vụ được giao:"))
        for task in page["tasks"]:
            who = f" — {task.assignee.full_name}" if task.assignee else ""
            due = _(" (hạn %(d)s)") % {"d": f"{task.due_on:%d/%m/%Y}"} if task.due_on else ""
            body.append(f"- {task.text}{who}{due}")
    rating = Rating(evaluation.score.rating).label
    self_rating = meeting.get_self_rating_display() if meeting.self_rating else "…"
    body.append(
        _(
            "Chi bộ tự đánh giá chất lượng buổi sinh hoạt: %(self)s (điểm %(points)s/100: %(rating)s)."
        )
        % {"self": self_rating, "points": number(evaluation.score.points, 1), "rating": rating}
    )
    body.append(
        _("Buổi sinh hoạt kết thúc lúc %(end)s cùng ngày. Biên bản đã được thông qua.")
        % {"end": end}
    )
    return body


def minutes_header(meeting: Meeting, number: DocumentNumber | None = None) -> DocumentHeader:
    summary = _("Sinh hoạt chi bộ %(kind)s tháng %(m)s năm %(y)s") % {
        "kind": meeting.get_kind_display().lower().replace("sinh hoạt ", ""),
        "m": meeting.on.month,
        "y": meeting.on.year,
    }
    return header_for(
        meeting.organization,
        doc_type=DocType.BIEN_BAN,
        number=number,
        on=meeting.on,
        summary=summary,
        authority="",
        signer_title=_("Chủ trì"),
        signer_name=meeting.chair.full_name if meeting.chair else "",
        left_signer_title=_("Thư ký"),
        left_signer_name=meeting.minute_taker.full_name if meeting.minute_taker else "",
    )


def minutes_context(meeting: Meeting) -> dict[str, Any]:
    page = meeting_page(meeting)
    number = issued(meeting.organization, DocType.BIEN_BAN, minutes_ref(meeting))
    return {"doc": minutes_header(meeting, number), "body": minutes_body(meeting, page)}


def resolution_context(resolution: Resolution) -> dict[str, Any]:
    meeting = resolution.meeting
    number = issued(meeting.organization, DocType.NGHI_QUYET, resolution_ref(resolution))
    doc = header_for(
        meeting.organization,
        doc_type=DocType.NGHI_QUYET,
        number=number,
        on=meeting.on,
        summary=resolution.title,
        signer_name=meeting.chair.full_name if meeting.chair else "",
        recipients=[_("Cấp ủy cấp trên (b/c)"), _("Đảng viên trong chi bộ"), _("Lưu")],
    )
    body = [line for line in resolution.text.splitlines() if line.strip()] or [resolution.title]
    return {"doc": doc, "body": body}


def render(context: dict[str, Any], fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(PDF_TEMPLATE, context)
    return render_docx(DOCX_TEMPLATE, context)
