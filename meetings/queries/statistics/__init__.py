"""Compliance statistics of cell meetings (MTG-01, MTG-02, MTG-03, EXM-02).

For a subtree of the party tree and a period (a year, or a range of months), by cell
category (ORG-03) and in total:

- cells holding their periodic meetings every month, in 9–11 of 12 months, or fewer
  (MTG-01; the seed figures "12 kỳ/năm chỉ đạt 36,12%, 9-11 kỳ/năm đạt 47,49%");
- thematic meetings per quarter, and cells with a quarter without one (MTG-02);
- the average attendance rate, meetings and cells above the 85% target (MTG-03), and
  unexcused absences.

Definitions (each one tested):

- **Cells**: organizations of a cell kind (chi bộ cơ sở, chi bộ trực thuộc) in the
  subtree, active at some day of the period (established on or before its last day, not
  dissolved before its first day). A grassroots đảng bộ meeting as a whole (twice a year,
  MTG-01) is not a cell and is not counted here.
- **Periodic meetings held**: the months of the period in which the cell held a meeting
  of kind periodic in state held (held_on in the month). Two meetings in one month are
  one kỳ; planned and cancelled meetings do not count.
- **Expected months**: the months of the period in which the cell existed (the month of
  its establishment and the month of its dissolution included). For a full year that is
  12, and the buckets are the articles' ones: **12** (every expected month), **9–11**
  (at least three quarters of the expected months: `held * 4 >= expected * 3`), **under 9**
  (the rest). For a shorter span the same proportions apply (6 months: 6, 5, under 5).
- **Attendance base** (MTG-03, EXM-02) is meetings.rules.quality.in_attendance_base written as
  SQL (`BASE_Q`): rows of exempted members, of temporary members (counted at home) and of
  members away on a temporary transfer are out; armed-forces members on special duty
  are out when absent. Present-in-base are the base rows with status present.
- **Average attendance** is pooled: present-in-base over base, summed over the held
  meetings (periodic, thematic and extraordinary) of the cells in the period.
- **On target** follows meetings.rules.quality.AttendanceCount.meets_target: *more than* 85%
  (`present * 100 > 85 * base`); a meeting at exactly 85% is **not** on target. A meeting
  with an empty base (no attendance recorded) is left out of the share; so is a cell
  without any. A cell is on target when its pooled rate over the period is above 85%.
- **Unexcused absences**: attendance rows with status unexcused, at held meetings.

Queries: three, whatever the size of the subtree or of the period's data (tested with
1 and 50 cells):

1. the cells, one row per cell with its counts, each a correlated aggregate subquery
   (months with a periodic meeting, thematic meetings per quarter, the cell's MTG-03
   flag as a CASE over its attendance counts); Python then puts each of these rows
   (one per cell: a few hundred for a province) in its bucket with `bucket_of`;
2. the attendance rows, grouped per meeting, then summed per category around that
   derived table (`.aggregate()` with filtered sums): all in SQL, one row back;
3. the meetings held, grouped by category, kind and quarter.

Counting rows never happens in Python: attendance (a million rows a year for a
province) and meetings are aggregated by the database.

Modules: `base` (buckets, the attendance base as SQL, the period, shares), `cells` (per-cell
expressions), `result` (`compliance()`), `drilldown` (`cell_lines()`), `periods` (which
months count).
"""
