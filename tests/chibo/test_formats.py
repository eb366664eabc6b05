"""Vietnamese number and date formats, and dates typed as dd/mm/yyyy."""

from datetime import date
from decimal import Decimal

from django import forms
from django.template import Context, Template
from django.utils import translation

from core.forms import Form, VNDateInput


def render(source, **context):
    return Template("{% load humanize l10n %}" + source).render(Context(context))


def test_numbers_use_dot_thousands_and_comma_decimals():
    with translation.override("vi"):
        assert render("{{ n }}", n=Decimal("1234567.8")) == "1.234.567,8"
        assert render("{{ n|floatformat:2 }}", n=36.12) == "36,12"
        assert render("{{ n }}", n=1234567) == "1.234.567"


def test_dates_render_as_dd_mm_yyyy():
    with translation.override("vi"):
        assert render("{{ d|date:'SHORT_DATE_FORMAT' }}", d=date(2026, 3, 5)) == "05/03/2026"
        assert render("{{ d }}", d=date(2026, 3, 5)) == "05/03/2026"
        assert (
            render("{{ d|date:'LONG_DATE_FORMAT' }}", d=date(2026, 3, 5))
            == "ngày 05 tháng 3 năm 2026"
        )


class _DateForm(Form):
    on = forms.DateField()


def test_dates_typed_day_first_parse_that_way():
    with translation.override("vi"):
        form = _DateForm(data={"on": "05/03/2026"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["on"] == date(2026, 3, 5)


def test_impossible_date_is_refused_in_vietnamese():
    with translation.override("vi"):
        form = _DateForm(data={"on": "31/02/2026"})
        assert not form.is_valid()
        assert "ngày" in str(form.errors["on"]).lower()


def test_date_widget_shows_day_first():
    widget = VNDateInput()
    html = widget.render("on", date(2026, 3, 5))
    assert 'value="05/03/2026"' in html
    assert 'placeholder="dd/mm/yyyy"' in html


def test_english_keeps_day_first_dates():
    with translation.override("en"):
        form = _DateForm(data={"on": "05/03/2026"})
        assert form.is_valid()
        assert form.cleaned_data["on"] == date(2026, 3, 5)
