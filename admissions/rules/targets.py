"""ADM-11: targets and results."""

from __future__ import annotations

# --- ADM-11: targets and results ---------------------------------------------------------------


def achievement(admitted: int, target: int | None) -> float | None:
    """ADM-11: admitted / target (738 / 750 → 0.984); None without a target."""
    if not target:
        return None
    return admitted / target


def above_plan(admitted: int, target: int | None) -> float | None:
    """ADM-11: how far above (positive) or below (negative) the plan: 0.4 = 40% above."""
    if not target:
        return None
    return (admitted - target) / target


def rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
