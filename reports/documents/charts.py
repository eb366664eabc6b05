"""Bar charts of the annual report drawn on the server with Pillow (no plotting library
is installed): horizontal bars, one per label, the value printed at the end of each bar
the Vietnamese way ("36,12%", "1.234"). The numbers are the section's own (annual.Chart),
the same the tables print."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from core.documents import number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)
BOLD_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)
WIDTH = 1200
BAR_HEIGHT = 44
GAP = 18
MARGIN = 24
BAR_COLOR = (183, 28, 28)
TEXT_COLOR = (33, 37, 41)
GRID_COLOR = (222, 226, 230)


@cache
def _font(bold: bool, size: int):
    for path in BOLD_PATHS if bold else FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def value_text(value: float, unit: str) -> str:
    if unit == "%":
        return f"{number(value, 2)}%"
    return number(value, 0 if float(value).is_integer() else 1)


def bar_chart_png(
    title: str, labels: Sequence[StrOrPromise], values: list[float], unit: str = ""
) -> bytes:
    """A PNG of a horizontal bar chart (white background, 1200 px wide)."""
    title_font, font = _font(True, 30), _font(False, 24)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    label_width = min(
        max((probe.textlength(str(label), font=font) for label in labels), default=0) + 16,
        WIDTH * 0.45,
    )
    top = MARGIN + 50
    height = top + len(labels) * (BAR_HEIGHT + GAP) + MARGIN
    image = Image.new("RGB", (WIDTH, int(height)), "white")
    draw = ImageDraw.Draw(image)
    draw.text((MARGIN, MARGIN), str(title), fill=TEXT_COLOR, font=title_font)
    x0 = MARGIN + label_width
    span = WIDTH - x0 - MARGIN - 170
    top_value = max([float(v) for v in values] + [100.0 if unit == "%" else 0.0, 1.0])
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * (BAR_HEIGHT + GAP)
        text = _fit(draw, str(label), font, label_width - 16)
        draw.text((MARGIN, y + 8), text, fill=TEXT_COLOR, font=font)
        draw.rectangle([x0, y, x0 + span, y + BAR_HEIGHT], fill=(248, 249, 250), outline=GRID_COLOR)
        length = span * float(value) / top_value
        if length > 0:
            draw.rectangle([x0, y, x0 + max(length, 2), y + BAR_HEIGHT], fill=BAR_COLOR)
        draw.text((x0 + span + 12, y + 8), value_text(value, unit), fill=TEXT_COLOR, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _fit(draw, text: str, font, width: float) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
