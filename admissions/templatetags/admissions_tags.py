"""Filters of the admission screens: Vietnamese percentages ("98,4%") as in the documents."""

from django import template

from core.documents import percent as _percent

register = template.Library()


@register.filter
def percent(value, digits=1):
    """ADM-11: 0.984 → "98,4%"; None → ""."""
    return _percent(value, int(digits))
