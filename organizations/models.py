"""The party tree (ORG-01..05): organizations, residential units, committees and terms."""

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node

from core.text import fold

from .enums import (
    CELL_KINDS,
    CellCategory,
    CommitteeKind,
    OrgKind,
    ResidentialUnitKind,
    SuccessionKind,
)
from .validators import validate_org_code

if TYPE_CHECKING:

    class OrganizationManager(models.Manager["Organization"]):
        """What the project calls of treebeard's MP_NodeManager (treebeard ships no types)."""

        def get_root_nodes(self) -> models.QuerySet["Organization"]: ...
        def get_parent(
            self, node: "Organization", update: bool = False
        ) -> "Organization | None": ...
        def get_ancestors(self, node: "Organization") -> models.QuerySet["Organization"]: ...
        def get_children(self, node: "Organization") -> models.QuerySet["Organization"]: ...
        def add_root(
            self,
            create_kwargs: dict[str, Any] | None = None,
            *,
            instance: "Organization | None" = None,
        ) -> "Organization": ...
        def add_child(
            self,
            target: "Organization",
            create_kwargs: dict[str, Any] | None = None,
            *,
            instance: "Organization | None" = None,
        ) -> "Organization": ...
        def move(
            self, node: "Organization", target: "Organization", pos: str | None = None
        ) -> None: ...


class Organization(MP_Node):  # type: ignore[misc]  # treebeard ships no types
    """Any node of the party tree, of any depth (ORG-01)."""

    if TYPE_CHECKING:
        # treebeard's materialized path (MP_Node ships no types): the fields and manager used.
        objects: ClassVar[OrganizationManager]
        steplen: ClassVar[int]
        path: str
        depth: int
        numchild: int

    name = models.CharField(_("tên tổ chức"), max_length=255)
    kind = models.CharField(_("loại tổ chức"), max_length=32, choices=OrgKind.choices)
    category = models.CharField(
        _("loại hình chi bộ"), max_length=32, choices=CellCategory.choices, blank=True
    )
    code = models.CharField(
        _("mã tổ chức"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_org_code],
        help_text=_("Mã theo cơ sở dữ liệu đảng viên: M1.M2.M3.M4.M5, ví dụ 38.168.053.000.001"),
    )
    established_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    dissolved_on = models.DateField(_("ngày giải thể, hợp nhất"), null=True, blank=True)
    # ORG-03 flags.
    especially_difficult = models.BooleanField(_("vùng đặc biệt khó khăn"), default=False)
    merged_cell = models.BooleanField(_("chi bộ sinh hoạt ghép"), default=False)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True, default="")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tổ chức đảng")
        verbose_name_plural = _("tổ chức đảng")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = fold(f"{self.name} {self.code or ''}")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", args=[self.pk])

    @property
    def is_cell(self) -> bool:
        return self.kind in CELL_KINDS

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_on is not None

    def subtree_q(self, prefix: str = "") -> models.Q:
        """Q for this node and everything below it, for any model related by `prefix`."""
        return models.Q(**{f"{prefix}path__startswith": self.path})


class OrganizationMove(models.Model):
    """A subtree moved under a new superior (the 2025 reorganization, mergers)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="moves")
    from_superior = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("từ cấp trên"),
    )
    to_superior = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sang cấp trên"),
    )
    moved_on = models.DateField(_("ngày hiệu lực"))
    reason = models.CharField(_("căn cứ, lý do"), max_length=255, blank=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-moved_on", "-id"]
        verbose_name = _("điều chuyển tổ chức")

    def __str__(self) -> str:
        return f"{self.organization} ({self.moved_on:%d/%m/%Y})"


class OrganizationSuccession(models.Model):
    """Predecessor → successor when organizations merge, split or are renamed."""

    predecessor = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="successions_in"
    )
    kind = models.CharField(_("hình thức"), max_length=16, choices=SuccessionKind.choices)
    effective_on = models.DateField(_("ngày hiệu lực"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kế thừa tổ chức")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_succession"),
            models.CheckConstraint(
                condition=~models.Q(predecessor=models.F("successor")), name="succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class ModelCellDesignation(models.Model):
    """ORG-03: a cell chosen as model cell (chi bộ điểm) for a year."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="model_years"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="unique_model_cell_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.year})"


class ResidentialUnit(models.Model):
    """A village or block (thôn, bản, tổ dân phố) and the cell that covers it."""

    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=32, choices=ResidentialUnitKind.choices)
    cell = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="residential_units",
        verbose_name=_("chi bộ phụ trách"),
    )
    # ORG-03: a village with no party member of its own.
    no_party_member = models.BooleanField(_("thôn chưa có đảng viên"), default=False)
    households = models.PositiveIntegerField(_("số hộ"), null=True, blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True, default="")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("thôn, tổ dân phố")
        verbose_name_plural = _("thôn, tổ dân phố")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Term(models.Model):
    """A committee's term (nhiệm kỳ), e.g. 2020–2025."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(_("nhiệm kỳ"), max_length=64)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("nhiệm kỳ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="term_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    """An elected committee (cấp ủy, ban thường vụ, chi ủy) of an organization for a term."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="committees"
    )
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="committees")
    kind = models.CharField(_("loại"), max_length=16, choices=CommitteeKind.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cấp ủy")
        constraints = [
            models.UniqueConstraint(fields=["term", "kind"], name="unique_committee_per_term")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.term.name}"


class DocumentNumber(models.Model):
    """DOC-01: the register of issued document numbers ("Số 01-NQ/CB").

    Numbers run per document type across the committee's term (the organization's term
    in force on the issue date); with no term recorded for that date, per calendar year.
    `ref` names the object the document was made for ("meetings.Minutes:42"): asking
    again for the same object and type returns the same number. Allocate through
    `organizations.services.numbering.next_number`, never by hand.
    """

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="document_numbers",
        verbose_name=_("tổ chức ban hành"),
    )
    term = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="document_numbers",
        verbose_name=_("nhiệm kỳ"),
    )
    # The calendar year of issue; the numbering series when there is no term.
    year = models.PositiveSmallIntegerField(_("năm"))
    doc_type = models.CharField(_("loại văn bản"), max_length=8)
    number = models.PositiveIntegerField(_("số"))
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=255, blank=True)
    ref = models.CharField(_("đối tượng"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "doc_type", "-issued_on", "-number"]
        verbose_name = _("số văn bản")
        verbose_name_plural = _("sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "term", "doc_type", "number"],
                condition=models.Q(term__isnull=False),
                name="unique_document_number_per_term",
            ),
            models.UniqueConstraint(
                fields=["organization", "year", "doc_type", "number"],
                condition=models.Q(term__isnull=True),
                name="unique_document_number_per_year",
            ),
            models.UniqueConstraint(
                fields=["organization", "doc_type", "ref"],
                condition=~models.Q(ref=""),
                name="unique_document_number_per_ref",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="document_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number:02d}-{self.doc_type} ({self.organization})"
