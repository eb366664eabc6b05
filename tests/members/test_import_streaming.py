"""The import's on-disk stores: the shared-strings table and the keys seen in the file."""

import io

import pytest

from members.imports.seen import CARD, CITIZEN_ID, SeenKeys
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


def test_seen_keys_first_row_exact_and_by_kind():
    seen = SeenKeys()
    try:
        assert seen.first(CITIZEN_ID, "001080000001", 2) == 2
        assert seen.first(CARD, "001080000001", 3) == 3  # another kind of key
        assert seen.first(CITIZEN_ID, "001080000002", 4) == 4
        assert seen.first(CITIZEN_ID, "001080000001", 9) == 2
        assert seen.first(CARD, "001080000001", 10) == 3
        assert seen.first(CARD, "a001", 11) == 11  # exact: case counts, as in a dict
        assert seen.first(CARD, "A001", 12) == 12
    finally:
        seen.close()
