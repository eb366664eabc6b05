"""members.imports.strings: the import's on-disk shared-strings table."""

import io

import pytest

from members.imports.strings import SharedStrings

SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>Nguyễn Văn An</t></si>"
    "<si><r><t>Chi bộ </t></r><r><rPr><b/></rPr><t>Thôn 1</t></r></si>"  # rich text
    '<si><t xml:space="preserve"> có khoảng trắng </t></si>'
    "<si><t>_x005F_x000D_</t></si>"  # an escaped underscore, as openpyxl reads it
    "<si><t/></si>"
    "</sst>"
).encode()


def test_shared_strings_as_openpyxl_reads_them():
    from openpyxl.reader.strings import read_string_table

    expected = list(read_string_table(io.BytesIO(SST)))
    strings = SharedStrings(io.BytesIO(SST))
    try:
        assert len(strings) == len(expected) == 5
        assert [strings[i] for i in range(5)] == expected
        assert strings[1] == "Chi bộ Thôn 1"
        assert strings[-1] == expected[-1]  # as a list
        with pytest.raises(IndexError):
            strings[5]
    finally:
        strings.close()
