"""reports.documents.charts: the annual report's bar charts, drawn on the server."""

import base64
from io import BytesIO

from PIL import Image

from reports.documents.charts import bar_chart_png, data_uri


def test_bar_chart_is_a_png_sized_by_its_bars():
    png = bar_chart_png(
        "Tỷ lệ (%)", ["Đủ 12 kỳ", "9–11 kỳ", "Dưới 9 kỳ"], [36.12, 47.49, 16.39], "%"
    )
    image = Image.open(BytesIO(png))
    assert image.format == "PNG" and image.width == 1200
    taller = Image.open(BytesIO(bar_chart_png("x", list("abcdef"), [1, 2, 3, 4, 5, 6])))
    assert taller.height > image.height


def test_a_chart_goes_into_the_page_as_a_data_uri():
    png = bar_chart_png("x", ["a"], [1])
    uri = data_uri(png)
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == png
