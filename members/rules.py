"""Rules of the member register, each named by its ID in shared/domain/RULES.md.

Pure functions over dates and plain values: no queries here. Services and queries feed
them; tests check them at their boundaries.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.findings import Finding, Severity

# BDG-01: badge years and presentation days (3/2, 19/5, 2/9, 7/11).
BADGE_YEARS = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
PRESENTATION_DAYS = ((2, 3), (5, 19), (9, 2), (11, 7))  # (month, day)
# BDG-01: up to 12 months early for serious illness for 30-65 years, 24 months for 70-90.
EARLY_MONTHS_SHORT = 12
EARLY_MONTHS_LONG = 24

# TRF-01: an official transfer within 60 working days of the move; TRF-02: report to the
# receiving organization within 30 days of the introduction letter.
TRANSFER_WORKING_DAYS = 60
REPORT_DAYS = 30
# TRF-01: temporary transfer from 3 months to under 1 year (full-time study: up to 2 years).
TEMPORARY_MIN_MONTHS = 3
TEMPORARY_MAX_MONTHS = 12
TEMPORARY_STUDY_MAX_MONTHS = 24


def add_years(start: date, years: int) -> date:
    """The same day `years` later (29 February falls on 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(start)


def full_years(start: date, on: date) -> int:
    """Complete years from `start` to `on` (the age on a birthday counts that year)."""
    years = on.year - start.year
    if (on.month, on.day) < (start.month, start.day):
        years -= 1
    return years


def full_months(start: date, on: date) -> int:
    """Complete months from `start` to `on` (ADM-01 counts age in months)."""
    months = (on.year - start.year) * 12 + on.month - start.month
    if on.day < start.day:
        months -= 1
    return months


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date | None  # inclusive; None while it lasts


def _membership_gaps(periods: Iterable[Period], on: date) -> list[tuple[date, date]]:
    """AGE-01: the days (first, last) between home memberships up to `on`, and after the
    last one for a member no longer in any membership. Days before the first are not gaps."""
    spans = sorted((p for p in periods if p.starts_on <= on), key=lambda p: p.starts_on)
    if not spans:
        return []
    gaps = []
    covered_until = spans[0].ends_on if spans[0].ends_on is not None else on
    for span in spans[1:]:
        if covered_until >= on:
            break
        if span.starts_on > covered_until + timedelta(days=1):
            gaps.append((covered_until + timedelta(days=1), span.starts_on - timedelta(days=1)))
        end = span.ends_on if span.ends_on is not None else on
        covered_until = max(covered_until, end)
    if covered_until < on:
        gaps.append((covered_until + timedelta(days=1), on))
    return gaps


def gap_days(
    periods: Iterable[Period],
    on: date,
    *,
    absences: Iterable[Period] = (),
    since: date | None = None,
) -> int:
    """AGE-01: days of non-participation up to `on` (that day included).

    The gaps between the end of one home membership and the start of the next (leaving and
    re-admission, transfer gaps: TRF-02), and, for a member no longer in any membership, the
    days since the last one ended; plus the recorded `absences` (out of contact) from
    `since` (the admission decision) on. A day counts once even when a gap and an absence
    overlap.
    """
    spans = _membership_gaps(periods, on)
    for absence in absences:
        first = absence.starts_on if since is None else max(absence.starts_on, since)
        last = on if absence.ends_on is None else min(absence.ends_on, on)
        if first <= last:
            spans.append((first, last))
    total = 0
    covered_until: date | None = None
    for first, last in sorted(spans):
        if covered_until is not None and first <= covered_until:
            first = covered_until + timedelta(days=1)
        if first <= last:
            total += (last - first).days + 1
        covered_until = last if covered_until is None else max(covered_until, last)
    return total


def party_age_start(
    admitted_on: date, periods: Iterable[Period], on: date, absences: Iterable[Period] = ()
) -> date:
    """AGE-01: the admission decision date moved later by the non-participation days.

    A re-admitted member counts from the first admission decision, minus the gaps and the
    recorded periods out of contact (`absences`).
    """
    days = gap_days(periods, on, absences=absences, since=admitted_on)
    return admitted_on + timedelta(days=days)


def party_age_years(
    admitted_on: date | None,
    periods: Iterable[Period],
    on: date,
    absences: Iterable[Period] = (),
) -> int | None:
    """AGE-01: complete years of party age on `on` (None when never admitted)."""
    if admitted_on is None or admitted_on > on:
        return None
    return full_years(party_age_start(admitted_on, periods, on, absences), on)


def presentation_dates(year: int) -> list[date]:
    """BDG-01: the four days of the year on which badges are presented."""
    return [date(year, month, day) for month, day in PRESENTATION_DAYS]


def next_presentation_date(on: date) -> date:
    """BDG-01: the first presentation day on or after `on`."""
    for candidate in presentation_dates(on.year) + presentation_dates(on.year + 1):
        if candidate >= on:
            return candidate
    raise AssertionError("unreachable")


def early_months(years: int) -> int:
    """BDG-01: how many months early a seriously ill member may receive this badge."""
    return EARLY_MONTHS_LONG if years >= 70 else EARLY_MONTHS_SHORT


def badge_due(
    years: int,
    age_start: date,
    presentation_on: date,
    *,
    seriously_ill: bool = False,
) -> bool:
    """BDG-01: is the `years` badge due at `presentation_on` for a party age from `age_start`?"""
    reached_on = add_years(age_start, years)
    if reached_on <= presentation_on:
        return True
    if seriously_ill:
        return add_months(reached_on, -early_months(years)) <= presentation_on
    return False


# EXM-01 "past working age": the retirement age under normal working conditions (Labour
# Code 2019 art. 169, Decree 135/2020/NĐ-CP art. 4), as (years, months) by the year in
# which it is reached. Until 2020: men 60, women 55 (Labour Code 2012 art. 187). From
# 2021 it rises each year, by 3 months for men up to 62 in 2028 and by 4 months for women
# up to 60 in 2035. RULES.md names the condition but not the age: this table is the law.
RETIREMENT_BASE = {"male": (60, 0), "female": (55, 0)}
RETIREMENT_FIRST_YEAR = 2021
RETIREMENT_STEP_MONTHS = {"male": 3, "female": 4}
RETIREMENT_FINAL = {"male": (62, 0), "female": (60, 0)}


def retirement_age(sex: str, year: int) -> tuple[int, int]:
    """EXM-01: the retirement age (years, months) for someone reaching it in `year`."""
    base_years, base_months = RETIREMENT_BASE[sex]
    if year < RETIREMENT_FIRST_YEAR:
        return base_years, base_months
    months = base_years * 12 + base_months
    months += RETIREMENT_STEP_MONTHS[sex] * (year - RETIREMENT_FIRST_YEAR + 1)
    final_years, final_months = RETIREMENT_FINAL[sex]
    months = min(months, final_years * 12 + final_months)
    return divmod(months, 12)


def retirement_on(date_of_birth: date | None, sex: str) -> date | None:
    """EXM-01: the day the member reaches retirement age (Decree 135/2020, appendix I).

    The age applies by the year it is reached: the first year Y whose age, added to the
    date of birth, falls in Y (a man born 10/1961 is not 60 years 3 months in 2021 but
    reaches 60 years 6 months in 04/2022).
    """
    if date_of_birth is None or sex not in RETIREMENT_BASE:
        return None
    year = date_of_birth.year + RETIREMENT_BASE[sex][0]  # the earliest it can be reached
    while True:
        years, months = retirement_age(sex, year)
        reached = add_months(date_of_birth, years * 12 + months)
        if reached.year <= year:
            return reached
        year += 1


def is_past_working_age(date_of_birth: date | None, sex: str, on: date) -> bool:
    """EXM-01: has the member reached retirement age on `on` (that day included)?"""
    reached = retirement_on(date_of_birth, sex)
    return reached is not None and on >= reached


def exemption_findings(
    *,
    ground: str,
    past_working_age: bool,
    poor_health: bool,
    own_request: bool,
    starts_on: date,
    ends_on: date | None,
    cell_decided_on: date | None,
    retires_on: date | None = None,
) -> list[Finding]:
    """EXM-01: the conditions of an exemption from party work and activity.

    `past_working_age` is computed by the caller (is_past_working_age on `starts_on`);
    `retires_on`, when known, is named in the message.
    """
    findings: list[Finding] = []
    if ground == "age":
        missing = []
        if not past_working_age:
            missing.append(
                "đã hết tuổi lao động"
                + (f" (đủ tuổi nghỉ hưu ngày {retires_on:%d/%m/%Y})" if retires_on else "")
            )
        if not poor_health:
            missing.append("sức khỏe yếu")
        if not own_request:
            missing.append("đảng viên tự nguyện đề nghị")
        if missing:
            findings.append(
                Finding(
                    "EXM-01",
                    Severity.BLOCKING,
                    "Miễn vì tuổi cao cần đủ cả ba điều kiện; còn thiếu: "
                    + ", ".join(missing)
                    + ".",
                    "ground",
                )
            )
    elif ends_on is None:
        findings.append(
            Finding(
                "EXM-01",
                Severity.BLOCKING,
                "Miễn công tác và sinh hoạt vì lý do khác tuổi cao phải có thời hạn (đến ngày).",
                "ends_on",
            )
        )
    if ends_on is not None and ends_on < starts_on:
        findings.append(
            Finding("EXM-01", Severity.BLOCKING, "Ngày kết thúc trước ngày bắt đầu.", "ends_on")
        )
    if cell_decided_on is None:
        findings.append(
            Finding(
                "EXM-01",
                Severity.BLOCKING,
                "Chi bộ phải xem xét, quyết định việc miễn.",
                "cell_decided_on",
            )
        )
    elif cell_decided_on > starts_on:
        findings.append(
            Finding(
                "EXM-01",
                Severity.BLOCKING,
                "Ngày bắt đầu miễn không được trước ngày chi bộ quyết định.",
                "starts_on",
            )
        )
    return findings


def temporary_transfer_findings(
    starts_on: date, until: date | None, *, study: bool
) -> list[Finding]:
    """TRF-01: a temporary transfer lasts 3 months to under 1 year (study: up to 2 years)."""
    if until is None:
        return [
            Finding(
                "TRF-01", Severity.BLOCKING, "Chuyển sinh hoạt tạm thời phải có thời hạn.", "until"
            )
        ]
    findings = []
    if until < add_months(starts_on, TEMPORARY_MIN_MONTHS):
        findings.append(
            Finding("TRF-01", Severity.BLOCKING, "Sinh hoạt tạm thời từ 3 tháng trở lên.", "until")
        )
    limit = TEMPORARY_STUDY_MAX_MONTHS if study else TEMPORARY_MAX_MONTHS
    if study and until > add_months(starts_on, limit):
        findings.append(
            Finding(
                "TRF-01",
                Severity.BLOCKING,
                "Đi học tập trung: sinh hoạt tạm thời tối đa 2 năm.",
                "until",
            )
        )
    if not study and until >= add_months(starts_on, limit):
        findings.append(
            Finding(
                "TRF-01",
                Severity.BLOCKING,
                "Sinh hoạt tạm thời dưới 1 năm; dài hơn thì chuyển sinh hoạt chính thức.",
                "until",
            )
        )
    return findings
