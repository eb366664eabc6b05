"""Cell meetings (MTG-01..10): plan, attendance, minutes content, resolutions and tasks.

Every write goes through meetings.services; the rules (MTG-03, MTG-05, MTG-07, MTG-08)
are pure functions in meetings.rules over the rows kept here.
"""

import secrets
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import AttendanceStatus, MeetingKind, MeetingState, Rating
from .rules.agenda import shown_title


class Meeting(models.Model):
    """One meeting of a cell (or of a grassroots đảng bộ as a whole, MTG-01)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("chi bộ, đảng bộ"),
    )
    kind = models.CharField(_("loại sinh hoạt"), max_length=16, choices=MeetingKind.choices)
    planned_on = models.DateField(_("ngày dự kiến"))
    # MTG-02: a thematic meeting has a topic.
    topic = models.CharField(_("chủ đề"), max_length=255, blank=True)
    state = models.CharField(
        _("tình trạng"), max_length=12, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    held_on = models.DateField(_("ngày sinh hoạt"), null=True, blank=True)
    starts_at = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    ends_at = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chủ trì"),
    )
    minute_taker = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thư ký"),
    )
    # DOC-02 / MTG-04: the content of the minutes.
    news_and_directions = models.TextField(
        _("thông tin thời sự, chủ trương, chỉ đạo của cấp trên"), blank=True
    )
    ideological_situation = models.TextField(_("tình hình tư tưởng đảng viên"), blank=True)
    review_of_tasks = models.TextField(_("kiểm điểm nhiệm vụ, nghị quyết tháng trước"), blank=True)
    discussion = models.TextField(_("thảo luận"), blank=True)
    conclusion = models.TextField(_("kết luận, nghị quyết"), blank=True)
    speakers = models.PositiveSmallIntegerField(
        _("số lượt ý kiến phát biểu"), null=True, blank=True
    )
    # MTG-03: criteria the secretary ticks (the others are computed).
    prepared_content = models.BooleanField(
        _("chuẩn bị nội dung và dự thảo nghị quyết"), default=False
    )
    # DOC-02: "minutes written up in full" is computed (meetings.rules.minutes); only the
    # signatures cannot be read from the data: a signed scan proves them, else this tick.
    minutes_signed = models.BooleanField(
        _("biên bản đã có chữ ký của chủ trì và thư ký"), default=False
    )
    resolution_carried_out = models.BooleanField(_("nghị quyết được thực hiện"), default=False)
    # MTG-04: the meeting's own self-rating (the MTG-05 score is computed beside it).
    self_rating = models.CharField(
        _("chi bộ tự đánh giá"), max_length=8, choices=Rating.choices, blank=True
    )
    # Optimistic locking: every write states the version it saw (meetings.services.common.Conflict).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "planned_on", "id"]
        verbose_name = _("buổi sinh hoạt chi bộ")
        verbose_name_plural = _("buổi sinh hoạt chi bộ")
        indexes = [
            models.Index(fields=["organization", "planned_on"]),
            models.Index(fields=["state", "kind", "held_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state=MeetingState.HELD) | models.Q(held_on__isnull=False),
                name="meeting_held_has_date",
            ),
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True)
                | models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        label = self.topic if self.kind == MeetingKind.THEMATIC and self.topic else ""
        text = f"{self.get_kind_display()} {self.on:%d/%m/%Y}"
        return f"{text} — {label}" if label else text

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def on(self) -> date:
        """The meeting's date: held, else planned."""
        return self.held_on or self.planned_on

    @property
    def is_held(self) -> bool:
        return self.state == MeetingState.HELD

    @property
    def is_cancelled(self) -> bool:
        return self.state == MeetingState.CANCELLED

    @property
    def duration_minutes(self) -> int | None:
        if self.starts_at is None or self.ends_at is None:
            return None
        day = self.on
        delta = datetime.combine(day, self.ends_at) - datetime.combine(day, self.starts_at)
        return int(delta.total_seconds() // 60)


class AgendaItem(models.Model):
    """One item of the agenda, in order (MTG-04, adapted by cell category)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("nội dung"), max_length=255)
    notes = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("nội dung chương trình")

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def shown_title(self) -> str:
        """The title in the active language when it is a standard MTG-04 item."""
        return shown_title(self.title)


class Attendance(models.Model):
    """One member's attendance at one meeting (MTG-03, EXM-02, MTG-07).

    The flags are taken from the register on the meeting date when the row is written,
    so that later changes to the member do not rewrite past meetings.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField(_("điểm danh"), max_length=12, choices=AttendanceStatus.choices)
    reason = models.CharField(_("lý do vắng"), max_length=255, blank=True)
    # MTG-03: armed-forces members on special duty are left out of the attendance base.
    on_special_duty = models.BooleanField(
        _("làm nhiệm vụ đặc biệt (lực lượng vũ trang)"), default=False
    )
    # Snapshot of the register on the meeting date.
    temporary = models.BooleanField(_("sinh hoạt tạm thời tại chi bộ"), default=False)
    away = models.BooleanField(_("đang sinh hoạt tạm thời nơi khác"), default=False)
    exempted = models.BooleanField(_("được miễn sinh hoạt"), default=False)
    full_member = models.BooleanField(_("đảng viên chính thức"), default=True)
    # MTG-07: suspended from party activity, prosecuted or detained on the meeting date,
    # from the register's dated periods (members.NonParticipation) via
    # meetings.services.common.is_suspended(); left out of the resolution's vote base.
    suspended = models.BooleanField(_("đình chỉ sinh hoạt, bị truy tố, tạm giam"), default=False)
    recorded_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "member__sort_key", "id"]
        verbose_name = _("điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="unique_attendance"),
        ]
        indexes = [models.Index(fields=["member", "status"])]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_status_display()}"


class SupervisorAssignment(models.Model):
    """MTG-06: a superior committee member assigned to attend and guide a cell for a year."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="supervisor_assignments",
        verbose_name=_("chi bộ"),
    )
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="supervised_cells",
        verbose_name=_("cấp ủy viên phụ trách"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "organization"]
        verbose_name = _("cấp ủy viên dự sinh hoạt")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "member", "year"], name="unique_supervisor_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.organization} ({self.year})"


class SuperiorAttendee(models.Model):
    """A superior committee member who attended a meeting (MTG-06, DOC-02)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="superiors")
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đảng viên"),
    )
    name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    assignment = models.ForeignKey(
        SupervisorAssignment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("phân công phụ trách"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("cấp ủy cấp trên dự sinh hoạt")

    def __str__(self) -> str:
        return str(self.member) if self.member_id else self.name


class Resolution(models.Model):
    """A resolution adopted at a meeting, with its vote (MTG-07)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    number = models.CharField(_("số"), max_length=50, blank=True)
    title = models.CharField(_("trích yếu"), max_length=255)
    text = models.TextField(_("nội dung"), blank=True)
    votes_for = models.PositiveSmallIntegerField(_("tán thành"), default=0)
    votes_against = models.PositiveSmallIntegerField(_("không tán thành"), default=0)
    votes_abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("nghị quyết")

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Task(models.Model):
    """A task assigned at a meeting (MTG-04: next month's tasks with assignees)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="tasks")
    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("nghị quyết"),
    )
    text = models.CharField(_("nhiệm vụ"), max_length=500)
    assignee = models.ForeignKey(
        "members.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_tasks",
        verbose_name=_("người thực hiện"),
    )
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    done_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "due_on", "id"]
        verbose_name = _("nhiệm vụ được giao")

    def __str__(self) -> str:
        return self.text


def _document_path(instance: "MeetingDocument", filename: str) -> str:
    return f"meetings/{instance.meeting.organization_id}/{instance.meeting_id}/{filename}"


class MeetingDocument(models.Model):
    """A file attached ahead of (or after) the meeting, visible to the cell's members."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to=_document_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "uploaded_at", "id"]
        verbose_name = _("tài liệu sinh hoạt")

    def __str__(self) -> str:
        return self.title


class ScoringConfig(models.Model):
    """MTG-05 weights of the 100-point score, per province (empty organization: default).

    The 15/20/45/20 split is the published example; provinces set their own, so the UI
    presents it as a configurable default.
    """

    organization = models.OneToOneField(
        "organizations.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_scoring",
        verbose_name=_("tỉnh, thành phố"),
    )
    preparation = models.PositiveSmallIntegerField(_("chuẩn bị"), default=15)
    attendance = models.PositiveSmallIntegerField(_("tham dự"), default=20)
    conduct = models.PositiveSmallIntegerField(_("tiến hành"), default=45)
    closing = models.PositiveSmallIntegerField(_("kết thúc"), default=20)
    # "Speakers at maximum": the number of contributions that earns the full points.
    min_speakers = models.PositiveSmallIntegerField(_("số ý kiến phát biểu tối thiểu"), default=3)
    source = models.CharField(_("căn cứ (văn bản)"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thang điểm sinh hoạt chi bộ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    preparation__lte=100, attendance__lte=100, conduct__lte=100, closing__lte=100
                ),
                name="scoring_weights_bounded",
            ),
            # MTG-05: the four parts make up the 100-point score.
            models.CheckConstraint(
                condition=models.Q(
                    preparation=100
                    - models.F("attendance")
                    - models.F("conduct")
                    - models.F("closing")
                ),
                name="scoring_weights_sum_100",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization or _("Mặc định"))


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret link of a cell's ICS calendar (no login; regenerating revokes the old one)."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="meeting_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lịch sinh hoạt (ICS)")

    def __str__(self) -> str:
        return str(self.organization)

    def regenerate(self) -> None:
        self.token = _new_token()


def _scan_path(instance: "SignedScan", filename: str) -> str:
    """A random name under media/meetings/scans/: nothing in it names the cell or the
    meeting, and the file is only ever served through the scoped view."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"meetings/scans/{secrets.token_hex(2)}/{secrets.token_urlsafe(24)}.{ext}"


class SignedScan(models.Model):
    """The signed scan of a numbered biên bản (DOC-02) or nghị quyết, archived (DOC-01).

    Replacing a scan adds a row; the earlier rows stay (the newest is the current one).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="signed_scans")
    # Empty for the minutes; the resolution for a nghị quyết.
    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_scans",
        verbose_name=_("nghị quyết"),
    )
    number = models.ForeignKey(
        "organizations.DocumentNumber",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("số văn bản"),
    )
    file = models.FileField(_("bản ký (bản quét)"), upload_to=_scan_path, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(_("loại tệp"), max_length=64)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người lưu"),
    )
    uploaded_at = models.DateTimeField(_("thời điểm lưu"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("bản ký đã lưu")
        indexes = [models.Index(fields=["meeting", "resolution", "uploaded_at"])]

    def __str__(self) -> str:
        return self.original_name or (self.file.name or "").rsplit("/", 1)[-1]

    @property
    def extension(self) -> str:
        return (self.file.name or "").rsplit(".", 1)[-1].lower()
