"""members.imports.seen: the import's on-disk store of the keys seen in the file."""

from members.imports.seen import CARD, CITIZEN_ID, SeenKeys


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
