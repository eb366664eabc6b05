"""Official party documents (DOC-01, 36-HD/VPTW): DOCX from docxtpl, PDF from WeasyPrint.

Every official document (minutes, resolutions, reports, notices, decisions) carries the
same frame, in this order (DOC-01):

- top right: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined), and under it the place and
  date in italic ("Lạng Sơn, ngày 05 tháng 3 năm 2026");
- top left: the superior body ("ĐẢNG ỦY XÃ TÂN LẬP"), the issuing body in bold
  ("CHI BỘ THÔN NÀ PHÁT"), "*", and the number and symbol ("Số 01-TB/CB": number,
  document type abbreviation, issuing body abbreviation);
- centred, bold: the document type ("THÔNG BÁO") and the summary (trích yếu);
- the body;
- bottom right: authority ("T/M CHI BỘ"), title ("BÍ THƯ"), space for the signature
  and seal, the signer's name; bottom left: "Nơi nhận:" and the recipients.

A4, Times New Roman (Liberation Serif where Times New Roman is not installed: it has
the same metrics) 14 pt, margins top 20, bottom 20, left 30, right 15 mm (36-HD allows
20–25, 20–25, 30–35, 15–20); page numbers from the second page, centred at the top.

This module is generic (no organization models): `DocumentHeader` holds the frame's
texts, and `organizations.documents.header_for(organization, ...)` fills one in from the
party tree and the numbering register (`organizations.services.numbering.next_number`).

DOCX::

    from core.documents import render_docx
    from organizations.documents import header_for
    from organizations.services.numbering import next_number

    number = next_number(cell, DocType.THONG_BAO, on=day, by=user, title=..., ref=f"meetings.Meeting:{m.pk}")
    doc = header_for(cell, number=number, summary="Về việc tổ chức sinh hoạt chuyên đề",
                     signer_name="Hoàng Văn Đức", recipients=["Đảng ủy xã (b/c)", "Đảng viên trong chi bộ", "Lưu"])
    data = render_docx("meetings/docx/notice.docx", {"doc": doc, "meeting": m})

A DOCX template is a copy of the base template (`documents/docx/base.docx`): the DOC-01
header and footer are already in it as docxtpl tags over `doc` (a `DocumentHeader`);
the feature adds its body between them. Templates are built by a script so that the
binary can be rebuilt and reviewed: see `core/docx_builder.py` (the worked example
`documents/docx/example_notice.docx` is built there, `make`-free: `python -m
core.docx_builder`). The base template itself renders a simple document whose body
is `body`, a list of paragraphs: `render_docx("documents/docx/base.docx", {"doc": doc,
"body": [...]})`.

PDF::

    data = render_pdf("meetings/pdf/notice.html", {"doc": doc, "meeting": m})

where the HTML template extends `documents/base.html` and fills `{% block body %}`.
The filters `long_date`, `short_date`, `percent` and `number` are built in (no `{% load
%}`), in HTML and in DOCX templates alike. WeasyPrint never touches the network: only
`{% static %}` files (found by the staticfiles finders) and `data:` URLs are served to it
(charts can be embedded as data: PNG/SVG).

Documents are Vietnamese by law: both renderers run under `translation.override("vi")`,
so gettext-marked strings in templates and context come out in Vietnamese whatever the
user's interface language.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as date_type
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.db import models
from django.template.backends.django import DjangoTemplates
from django.template.utils import get_app_template_dirs
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from django.template.backends.django import DjangoTemplates
    from jinja2.sandbox import SandboxedEnvironment

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
FONT_FAMILY = "Times New Roman"
FONT_FALLBACK = "Liberation Serif"
# 36-HD/VPTW margins (mm): chosen inside the allowed ranges.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"
# WeasyPrint resolves relative URLs against this; `.invalid` never resolves, and the
# fetcher below only ever serves local files for it.
LOCAL_BASE_URL = "http://chibo.invalid/"


class DocType(models.TextChoices):
    """Document types and their symbol abbreviations (36-HD/VPTW, appendix)."""

    NGHI_QUYET = "NQ", gettext_lazy("Nghị quyết")
    BIEN_BAN = "BB", gettext_lazy("Biên bản")
    QUYET_DINH = "QĐ", gettext_lazy("Quyết định")
    BAO_CAO = "BC", gettext_lazy("Báo cáo")
    KE_HOACH = "KH", gettext_lazy("Kế hoạch")
    THONG_BAO = "TB", gettext_lazy("Thông báo")
    CONG_VAN = "CV", gettext_lazy("Công văn")
    CHI_THI = "CT", gettext_lazy("Chỉ thị")
    KET_LUAN = "KL", gettext_lazy("Kết luận")
    HUONG_DAN = "HD", gettext_lazy("Hướng dẫn")
    CHUONG_TRINH = "CTr", gettext_lazy("Chương trình")
    TO_TRINH = "TTr", gettext_lazy("Tờ trình")
    DE_AN = "ĐA", gettext_lazy("Đề án")
    QUY_CHE = "QC", gettext_lazy("Quy chế")
    GIAY_MOI = "GM", gettext_lazy("Giấy mời")
    GIAY_GIOI_THIEU = "GGT", gettext_lazy("Giấy giới thiệu")


# A công văn has no type name printed: its summary ("V/v ...") goes under the number.
UNTITLED_TYPES = frozenset({DocType.CONG_VAN})


# --- Vietnamese numbers and dates ---------------------------------------------------


def _decimal(value: Decimal | float | int | str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))  # 0.3612 stays 0.3612, not 0.36119999…
    return Decimal(value)


def number(value: Decimal | float | int | str | None, digits: int = 0) -> str:
    """1234567 → "1.234.567"; number(1234.5, 1) → "1.234,5" (Vietnamese separators).

    Rounds half up (36,125 → 36,13 with 2 digits). None gives "".
    """
    if value is None or value == "":
        return ""
    quantum = Decimal(1).scaleb(-digits)
    rounded = _decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _sep, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def percent(fraction: Decimal | float | int | str | None, digits: int = 2) -> str:
    """A fraction as a Vietnamese percentage: 0.3612 → "36,12%", percent(0.085, 1) → "8,5%".

    The precision is explicit because reports use the one the articles use. None gives "".
    """
    if fraction is None or fraction == "":
        return ""
    return f"{number(_decimal(fraction) * 100, digits)}%"


def long_date(d: date_type | None) -> str:
    """The date line of a party document: "ngày 05 tháng 3 năm 2026".

    36-HD/VPTW: dates are written in Arabic numerals; a day below 10 and a month below 3
    take a leading zero, so days are "01"–"09", months January and February are "01" and
    "02", and months 3–12 are written as they are ("ngày 05 tháng 3", "ngày 15 tháng 12",
    "ngày 01 tháng 02"). Without a date (a draft) the numbers are left blank to be
    written by hand.
    """
    if d is None:
        return "ngày     tháng     năm     "
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def year(value: date_type | int | None) -> str:
    """A year as it is written, never grouped: 2026, not "2.026" (a date gives its year).

    A Django template localizes a bare `{{ d.year }}` with the thousands separator."""
    if value is None or value == "":
        return ""
    return str(value.year if isinstance(value, date_type) else int(value))


def short_date(d: date_type | None) -> str:
    """05/03/2026 (tables inside documents)."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def _upper(text: object) -> str:
    return str(text or "").upper()


# --- the DOC-01 frame ---------------------------------------------------------------


@dataclass
class DocumentHeader:
    """The texts of a document's DOC-01 frame, as the templates print them.

    Names are given in natural case ("Đảng ủy xã Tân Lập") and printed in capitals where
    36-HD wants capitals (the `*_line` properties). `symbol` defaults to
    "<doc_type>/<body_abbreviation>" ("TB/CB"); `type_title` defaults to the type's name
    ("Thông báo"), and "" prints none (a công văn, whose summary goes under the number).
    `number` None leaves the number blank for a draft ("Số    -TB/CB").
    `left_signer_title`/`left_signer_name` add a second signature at the bottom left,
    under the recipients if any (minutes: the minute-taker, "THƯ KÝ").
    """

    body_name: str
    body_abbreviation: str
    doc_type: str
    superior_name: str = ""
    number: int | None = None
    symbol: str = ""
    place: str = ""
    date: date_type | None = None
    type_title: StrOrPromise | None = None
    summary: str = ""
    authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: Sequence[str] = field(default_factory=tuple)
    # A second signature at the bottom left (minutes: "THƯ KÝ" left, "CHỦ TRÌ" right).
    left_signer_title: str = ""
    left_signer_name: str = ""

    def __post_init__(self) -> None:
        if not self.symbol:
            self.symbol = f"{self.doc_type}/{self.body_abbreviation}"
        if self.type_title is None:
            known = self.doc_type in DocType.values and self.doc_type not in UNTITLED_TYPES
            self.type_title = DocType(self.doc_type).label if known else ""
        self.recipients = tuple(r for r in (self.recipients or ()) if str(r).strip())

    # What the templates print.
    heading = PARTY_HEADING

    @property
    def superior_line(self) -> str:
        return _upper(self.superior_name)

    @property
    def body_line(self) -> str:
        return _upper(self.body_name)

    @property
    def number_line(self) -> str:
        """ "Số 01-TB/CB": numbers below 10 take a leading zero."""
        shown = f"{self.number:02d}" if self.number is not None else "\u00a0" * 6
        return f"Số {shown}-{self.symbol}"

    @property
    def place_date(self) -> str:
        """ "Lạng Sơn, ngày 05 tháng 3 năm 2026" (italic in print)."""
        when = long_date(self.date)
        return f"{self.place}, {when}" if self.place else when[0].upper() + when[1:]

    @property
    def type_line(self) -> str:
        return _upper(self.type_title)

    @property
    def summary_under_number(self) -> str:
        """A công văn's summary, printed under its number: "V/v ..."."""
        if self.type_title or not self.summary:
            return ""
        summary = str(self.summary)
        return summary if summary.lower().startswith("v/v") else f"V/v {summary}"

    @property
    def summary_line(self) -> str:
        """The summary under the type title (empty for a công văn)."""
        return str(self.summary) if self.type_title else ""

    @property
    def authority_line(self) -> str:
        return _upper(self.authority)

    @property
    def signer_title_line(self) -> str:
        return _upper(self.signer_title)

    @property
    def left_signer_title_line(self) -> str:
        return _upper(self.left_signer_title)

    @property
    def recipient_lines(self) -> list[str]:
        """ "- Đảng ủy xã (b/c)," ... "- Lưu." (each line a dash, a comma, the last a stop)."""
        lines = []
        last = len(self.recipients) - 1
        for i, recipient in enumerate(self.recipients):
            text = str(recipient).strip().lstrip("-").strip().rstrip(",.;")
            lines.append(f"- {text}{'.' if i == last else ','}")
        return lines


# --- DOCX ---------------------------------------------------------------------------


def template_file(name: str) -> Path:
    """Find a DOCX template the way Django finds HTML templates: the TEMPLATES dirs,
    then every app's `templates/` ("documents/docx/base.docx" is in core)."""
    path = Path(name)
    if path.is_absolute():
        if path.is_file():
            return path
        raise FileNotFoundError(name)

    dirs = [Path(d) for conf in settings.TEMPLATES for d in conf.get("DIRS", [])]
    dirs += [Path(d) for d in get_app_template_dirs("templates")]
    for directory in dirs:
        candidate = (directory / name).resolve()
        if directory.resolve() in candidate.parents and candidate.is_file():
            return candidate
    raise FileNotFoundError(_("Không tìm thấy mẫu văn bản %(name)s.") % {"name": name})


FILTERS: dict[str, Callable[..., str]] = {
    "long_date": long_date,
    "short_date": short_date,
    "year": year,
    "percent": percent,
    "number": number,
}


def _jinja_env() -> SandboxedEnvironment:
    from jinja2 import StrictUndefined  # noqa: PLC0415 (reason: optional-heavy)
    from jinja2.sandbox import SandboxedEnvironment  # noqa: PLC0415 (reason: optional-heavy)

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def render_docx(template_name: str, context: Mapping[str, Any]) -> bytes:
    """Render a docxtpl template (see `template_file`) and return the .docx bytes.

    Values are XML-escaped (autoescape); an undefined name is an error, not a blank.
    """
    from docxtpl import DocxTemplate  # noqa: PLC0415 (reason: optional-heavy)

    with translation.override("vi"):
        tpl = DocxTemplate(str(template_file(template_name)))
        tpl.render(dict(context), jinja_env=_jinja_env(), autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    return out.getvalue()


# --- PDF ----------------------------------------------------------------------------

register = template.Library()
for _name, _func in FILTERS.items():
    register.filter(_name, _func)


@cache
def _html_engine() -> DjangoTemplates:
    """The project's template dirs, app templates and tag libraries, with the document
    filters built in (a private engine: no context processors, no request)."""
    dirs = [d for conf in settings.TEMPLATES for d in conf.get("DIRS", [])]
    return DjangoTemplates(
        {
            "NAME": "chibo-documents",
            "DIRS": dirs,
            "APP_DIRS": True,
            "OPTIONS": {"builtins": ["core.documents"], "autoescape": True},
        }
    )


def render_html(html_template_name: str, context: Mapping[str, Any]) -> str:
    with translation.override("vi"):
        return _html_engine().get_template(html_template_name).render(dict(context))


def static_fetcher() -> Any:  # a weasyprint.urls.URLFetcher (WeasyPrint ships no types)
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415 (reason: optional-heavy)

    class LocalStaticFetcher(URLFetcher):  # type: ignore[misc]  # URLFetcher is untyped
        """Serves `{% static %}` files from the staticfiles finders and `data:` URLs;
        refuses everything else, so a document can never make a network request."""

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            body, content_type = static_bytes(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalStaticFetcher(allowed_protocols=["data"])


def static_bytes(url: str) -> tuple[bytes, str]:
    """(bytes, content type) of a static file named by a URL under LOCAL_BASE_URL.

    Raises ValueError for any other URL (WeasyPrint then skips the resource)."""
    base = urlsplit(LOCAL_BASE_URL)
    parts = urlsplit(url)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(
        prefix
    ):
        raise ValueError(f"Documents may only use local static files, not {url}")
    relative = unquote(parts.path[len(prefix) :])
    try:
        found = finders.find(relative) if ".." not in relative.split("/") else None
    except SuspiciousFileOperation:
        found = None
    if not found:
        raise ValueError(f"No static file {relative}")
    content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
    return Path(found).read_bytes(), content_type


def pdf_document(html_template_name: str, context: Mapping[str, Any]) -> Any:
    """The laid-out WeasyPrint document (its pages hold the text boxes: tests read them)."""
    from weasyprint import HTML  # noqa: PLC0415 (reason: optional-heavy)

    html = render_html(html_template_name, context)
    return HTML(string=html, base_url=LOCAL_BASE_URL, url_fetcher=static_fetcher()).render()


def render_pdf(html_template_name: str, context: Mapping[str, Any]) -> bytes:
    """Render a Django template extending documents/base.html to PDF bytes."""
    pdf: bytes = pdf_document(html_template_name, context).write_pdf()
    return pdf


def page_texts(document: Any) -> list[str]:
    """The text of each page of a laid-out WeasyPrint document, lines joined by "\\n"."""
    pages = []
    for page in document.pages:
        lines = []
        for box in page._page_box.descendants():
            text = getattr(box, "text", None)
            if text is not None and box.__class__.__name__ == "TextBox":
                lines.append(text)
        pages.append("\n".join(lines))
    return pages
