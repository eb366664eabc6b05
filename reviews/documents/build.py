"""Builds reviews/templates/reviews/docx/results.docx: `python -m reviews.documents.build`.

Context: doc (DocumentHeader), year, rule_set (str), sentences (list of str),
rows (list of {group, label, abbreviation, count, share, total}).
"""

from pathlib import Path

from core.docx_builder import TemplateBuilder

PATH = Path(__file__).resolve().parents[1] / "templates" / "reviews" / "docx" / "results.docx"


def build_results(path: Path | str = PATH) -> Path:
    b = TemplateBuilder()
    b.paragraph(
        "Căn cứ {{ rule_set }}, kết quả đánh giá, xếp loại chất lượng năm {{ year }} như sau:"
    )
    b.heading("I. Tổng hợp")
    b.loop("s in sentences", "- {{ s }}.")
    b.heading("II. Chi tiết theo nhóm")
    b.table(
        ["Nhóm", "Mức xếp loại", "Số lượng", "Tỷ lệ"],
        ["{{ row.group }}", "{{ row.label }}", "{{ row.count }}", "{{ row.share }}"],
        loop="row in rows",
        widths_mm=(50, 65, 22, 28),
    )
    return b.save(path)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chibo.settings")
    django.setup()
    print(build_results())
