"""Every write of the annual review: rounds, steps, publication (REV-01..05).

Keyword-only, one transaction each; the audit trail is django-simple-history's.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.findings import Finding, Severity, blocking
from members.enums import ACTIVE_STATUSES
from members.models import Member
from organizations.models import Organization

from . import rules
from .enums import STEP_ORDER, Level, Step, Subject
from .models import MemberReview, OrganizationReview, ReviewRound
from .queries import checks
from .queries.rounds import covering_round

if TYPE_CHECKING:
    from accounts.models import User


def _refuse(findings: list[Finding]) -> None:
    found = blocking(findings)
    if found:
        errors: dict[str, list[str]] = {}
        for f in found:
            errors.setdefault(f.field or "__all__", []).append(str(f))
        raise ValidationError(errors)


@transaction.atomic
def open_round(
    *,
    organization: Organization,
    year: int,
    by: "User",
    cutoff_on: date | None = None,
    review_exempted: bool = False,
    apply_excellent_cap: bool | None = None,
) -> ReviewRound:
    """A review round for the subtree of `organization` and the year; the rule set is
    the one in force for that year (REV-01..04)."""
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("Chưa thể đánh giá năm chưa đến.")})
    if ReviewRound.objects.filter(organization=organization, year=year).exists():
        raise ValidationError({"year": _("Đợt đánh giá năm này đã được mở.")})
    rule_set = rules.rule_set_for(year)
    if apply_excellent_cap is None:
        apply_excellent_cap = rule_set.cap_by_default
    return ReviewRound.objects.create(
        organization=organization,
        year=year,
        rule_set=rule_set.code,
        cutoff_on=cutoff_on,
        review_exempted=review_exempted,
        apply_excellent_cap=apply_excellent_cap,
        created_by=by,
    )


@transaction.atomic
def update_round(
    round_: ReviewRound,
    *,
    cutoff_on: date | None,
    review_exempted: bool,
    apply_excellent_cap: bool,
    by: "User",
) -> ReviewRound:
    round_.cutoff_on = cutoff_on
    round_.review_exempted = review_exempted
    round_.apply_excellent_cap = apply_excellent_cap
    round_.save()
    return round_


def _check_step(
    review: MemberReview | OrganizationReview,
    step: str,
    subject: str,
    level: str,
    score: int | None,
) -> list[Finding]:
    """Order of steps, the level in the year's rule set, the score (REV-04)."""
    if step not in STEP_ORDER:
        raise ValidationError({"step": _("Bước không hợp lệ.")})
    if review.published_on:
        raise ValidationError({"__all__": _("Kết quả đã công bố, không sửa được.")})
    index = STEP_ORDER.index(step)
    later = [s for s in STEP_ORDER[index + 1 :] if getattr(review, f"{s}_level")]
    if later:
        raise ValidationError({"__all__": _("Bước sau đã được ghi, không sửa bước này.")})
    if index > 0 and not getattr(review, f"{STEP_ORDER[index - 1]}_level"):
        raise ValidationError(
            {"__all__": _("Cần ghi bước “%(s)s” trước.") % {"s": Step(STEP_ORDER[index - 1]).label}}
        )
    rule_set = review.rules
    findings = rules.level_findings(rule_set, subject, level)
    if not findings:
        findings += rules.score_findings(rule_set, level, score)
    return findings


def _save_step(
    review: MemberReview | OrganizationReview,
    step: str,
    level: str,
    score: int | None,
    note: str,
    by: "User",
) -> None:
    setattr(review, f"{step}_level", level)
    setattr(review, f"{step}_score", score)
    setattr(review, f"{step}_note", note)
    setattr(review, f"{step}_by", by)
    setattr(review, f"{step}_at", timezone.now())
    review.save()


@transaction.atomic
def record_member_step(
    *,
    member: Member,
    year: int,
    step: str,
    level: str,
    score: int | None = None,
    note: str = "",
    by: "User",
) -> MemberReview:
    """One step of a member's review (REV-05). At the decision, a rating above what the
    year's rule set allows for a member disciplined in the year is refused (REV-02/03)."""
    review = MemberReview.objects.select_for_update().filter(member=member, year=year).first()
    if review is None:
        if member.status not in ACTIVE_STATUSES:
            raise ValidationError({"__all__": _("Đảng viên không còn sinh hoạt đảng.")})
        round_ = covering_round(member.organization.path, year)
        if round_ is None:
            raise ValidationError(
                {"__all__": _("Chưa mở đợt đánh giá năm %(y)s cho tổ chức này.") % {"y": year}}
            )
        review = MemberReview(
            member=member,
            organization=member.organization,
            year=year,
            round=round_,
            rule_set=round_.rule_set,
        )
    findings = _check_step(review, step, Subject.MEMBER, level, score)
    _refuse(findings)
    severity = Severity.BLOCKING if step == Step.DECISION else Severity.WARNING
    facts = checks.member_facts([member.pk], year).get(member.pk, [])
    _refuse(rules.member_discipline_findings(review.rules, level, facts, severity=severity))
    _save_step(review, step, level, score, note, by)
    return review


@transaction.atomic
def record_organization_step(
    *,
    organization: Organization,
    year: int,
    step: str,
    level: str,
    score: int | None = None,
    note: str = "",
    by: "User",
) -> OrganizationReview:
    """One step of an organization's review, decided by the direct superior (REV-05).

    At the decision: the discipline checks (REV-02..04) and the cap on HTXS within the
    group of similar function under the same superior (REV-03) refuse a level above what
    is allowed."""
    review = (
        OrganizationReview.objects.select_for_update()
        .filter(organization=organization, year=year)
        .first()
    )
    if review is None:
        parent = Organization.objects.get_parent(organization)
        round_ = covering_round(parent.path, year) if parent else None
        if round_ is None:
            raise ValidationError(
                {"__all__": _("Chưa mở đợt đánh giá năm %(y)s của cấp trên.") % {"y": year}}
            )
        review = OrganizationReview(
            organization=organization, year=year, round=round_, rule_set=round_.rule_set
        )
    _refuse(_check_step(review, step, Subject.ORGANIZATION, level, score))
    severity = Severity.BLOCKING if step == Step.DECISION else Severity.WARNING
    lead, subs = checks.organization_facts([organization], year).get(organization.pk, ([], []))
    _refuse(
        rules.organization_discipline_findings(review.rules, level, lead, subs, severity=severity)
    )
    if (
        step == Step.DECISION
        and level == Level.EXCELLENT
        and review.rules.excellent_cap_percent
        and review.round.apply_excellent_cap
    ):
        parent_path = organization.path[: -Organization.steplen]
        key = organization.category or organization.kind
        counts = checks.cap_counts(year, parent_path=parent_path)
        n_exc, n_good = counts.get((parent_path, key), [0, 0])
        if review.decision_level != Level.EXCELLENT:
            n_exc += 1
        if review.decision_level == Level.GOOD:
            n_good -= 1
        _refuse(rules.cap_findings(review.rules, checks.group_label(key), n_exc, n_good))
    _save_step(review, step, level, score, note, by)
    return review


@transaction.atomic
def publish_round(round_: ReviewRound, *, published_on: date, by: "User") -> int:
    """Publication (REV-05): every decided review of the round is dated published."""
    if published_on < date(round_.year, 1, 1):
        raise ValidationError({"published_on": _("Ngày công bố trước năm đánh giá.")})
    round_.published_on = published_on
    round_.published_by = by
    round_.save()
    n = 0
    for model in (MemberReview, OrganizationReview):
        rows = list(
            model.objects.filter(round=round_, published_on__isnull=True).exclude(decision_level="")
        )
        for r in rows:
            r.published_on = published_on
        if rows:
            bulk_update_with_history(rows, model, ["published_on"], default_user=by)
        n += len(rows)
    return n
