"""English as the second language: the switch works and the catalogue is complete.

The catalogue checks read locale/en/LC_MESSAGES/django.po directly, so they fail as soon as
someone adds a translatable string, runs makemessages and does not translate it (intended).
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD

LOGIN = reverse("accounts:login")
SET_LANGUAGE = reverse("set_language")
LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

# Python %-placeholders (name and conversion; flags such as 02 may differ), str.format
# fields and HTML tags must survive translation.
PLACEHOLDER = re.compile(
    r"%(\(\w+\))?[-#0 +]*\d*(?:\.\d+)?([sdifr%])|(\{\w*\})|(</?[a-zA-Z][^>]*>)"
)


def _placeholders(text):
    # %i and %d are the same conversion in Python (msgfmt --check-format agrees). This matters
    # for source strings where a literal percent sign followed by a space and a letter reads
    # as a directive, e.g. "trên 85% dự" ("% d"), which English renders as "85% in …" ("% i").
    return sorted(
        name + ("d" if conversion == "i" else conversion) + brace + tag
        for name, conversion, brace, tag in PLACEHOLDER.findall(text)
        if conversion != "%" or name
    )


def _unquote(line):
    text = line.strip()
    assert text.startswith('"') and text.endswith('"'), line
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text[1:-1])


def parse_po(path):
    """Entries of a .po file: dicts with flags, msgctxt, msgid, msgid_plural, msgstr {index: text}."""
    entries, entry, field = [], None, None

    def new():
        return {"flags": set(), "msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}}

    entry = new()
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry["msgid"] is not None:
                entries.append(entry)
            entry, field = new(), None
        elif line.startswith("#~"):
            continue  # obsolete entries are not used
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field[0]] += _unquote(line)
        else:
            keyword, _, value = line.partition(" ")
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match or keyword == "msgstr":
                index = int(match.group(1)) if match else 0
                entry["msgstr"][index] = _unquote(value)
                field = ("msgstr", index)
            else:
                assert keyword in ("msgctxt", "msgid", "msgid_plural"), line
                entry[keyword] = _unquote(value)
                field = (keyword,)
    return entries


def _messages():
    return [entry for entry in parse_po(PO_FILE) if entry["msgid"] != ""]


# --- the language switch ------------------------------------------------------------------


@pytest.mark.django_db
def test_login_page_is_vietnamese_by_default(client):
    html = client.get(LOGIN).content.decode()
    assert "Đăng nhập" in html
    assert "Tên đăng nhập" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_login_page_in_english_after_choosing_english(client):
    response = client.post(SET_LANGUAGE, {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    html = client.get(LOGIN).content.decode()
    assert '<html lang="en">' in html
    assert "Log in" in html
    assert "Username" in html
    assert "Password" in html
    assert "Đăng nhập" not in html


@pytest.mark.django_db
def test_accept_language_alone_does_not_switch_to_english(client):
    # Vietnamese first (core.middleware.VietnameseFirstMiddleware, commit 3077353): only the
    # VI/EN switch (the language cookie) chooses English, not the browser's Accept-Language.
    html = client.get(LOGIN, headers={"accept-language": "en"}).content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_choosing_vietnamese_again_switches_back(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Log in" in client.get(LOGIN).content.decode()
    client.post(SET_LANGUAGE, {"language": "vi", "next": LOGIN})
    html = client.get(LOGIN).content.decode()
    assert "Đăng nhập" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_navigation_in_english_after_login(client, officer, admin_user):
    client.post(SET_LANGUAGE, {"language": "en", "next": LOGIN})
    response = client.post(LOGIN, {"username": officer.username, "password": PASSWORD})
    assert response.status_code == 302
    html = client.get(reverse("home:page")).content.decode()
    for label in ("Party organizations", "Party members", "Log out", "Main navigation"):
        assert label in html, label
    for label in ("Tổ chức đảng", "Đăng xuất"):
        assert label not in html, label

    client.post(reverse("accounts:logout"))
    client.post(LOGIN, {"username": admin_user.username, "password": PASSWORD})
    html = client.get(reverse("home:page")).content.decode()
    assert "Accounts" in html
    assert "Holiday calendar" in html


@pytest.mark.django_db
def test_navigation_in_vietnamese_after_login(client, officer):
    client.post(LOGIN, {"username": officer.username, "password": PASSWORD})
    html = client.get(reverse("home:page")).content.decode()
    assert "Tổ chức đảng" in html
    assert "Đăng xuất" in html
    assert "Log out" not in html


def test_model_choices_and_messages_translate():
    from members.enums import MemberStatus

    with translation.override("en"):
        assert str(MemberStatus.PROBATIONARY.label) == "Probationary"
        assert str(MemberStatus.STRUCK_OFF.label) == "Struck off"
    with translation.override("vi"):
        assert str(MemberStatus.PROBATIONARY.label) == "Dự bị"


# --- the catalogue --------------------------------------------------------------------------


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    messages = _messages()
    assert len(messages) > 100
    untranslated = [
        entry["msgid"]
        for entry in messages
        if not entry["msgstr"] or not all(text.strip() for text in entry["msgstr"].values())
    ]
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry["flags"]]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy: {fuzzy[:20]}"


def test_plural_entries_have_both_forms():
    for entry in _messages():
        if entry["msgid_plural"] is not None:
            assert sorted(entry["msgstr"]) == [0, 1], entry["msgid"]


def test_translations_keep_placeholders_and_tags():
    wrong = []
    for entry in _messages():
        sources = [entry["msgid"]] + (
            [entry["msgid_plural"]] if entry["msgid_plural"] is not None else []
        )
        for index, text in entry["msgstr"].items():
            source = sources[min(index, len(sources) - 1)]
            if _placeholders(source) != _placeholders(text):
                wrong.append((source, text))
    assert not wrong, wrong[:10]


def test_compiled_catalogue_matches_the_po_file():
    """The .mo is committed (machines without gettext); it must hold every translation."""
    assert MO_FILE.exists(), "run: manage.py compilemessages"
    with MO_FILE.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    stale = []
    for entry in _messages():
        key = (
            entry["msgid"]
            if entry["msgctxt"] is None
            else f"{entry['msgctxt']}\x04{entry['msgid']}"
        )
        if entry["msgid_plural"] is None:
            if catalog.get(key) != entry["msgstr"].get(0):
                stale.append(entry["msgid"])
        elif catalog.get((key, 0)) != entry["msgstr"].get(0):
            stale.append(entry["msgid"])
    assert not stale, f"{len(stale)} not compiled, run compilemessages: {stale[:10]}"


def test_translation_functions_keep_names_makemessages_knows():
    """makemessages finds `_`, `gettext`, `gettext_lazy`, `ngettext`…: a string marked through
    another alias (`gettext_lazy as _lazy`) never reaches the catalogue and stays Vietnamese
    in English."""
    root = Path(__file__).resolve().parents[2]
    alias = re.compile(r"\b(?:n|p|np)?gettext(?:_lazy|_noop)? as (?!_\b)(\w+)")
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for folder in (
            "core",
            "accounts",
            "organizations",
            "members",
            "meetings",
            "admissions",
            "training",
            "discipline",
            "reviews",
            "reports",
            "api",
            "chibo",
            "demo",
        )
        for path in (root / folder).rglob("*.py")
        for match in alias.finditer(path.read_text())
    ]
    assert found == []


def test_one_vietnamese_word_two_meanings_through_contexts():
    """'Hủy' is a state (Cancelled) and a button (Cancel); 'Kiểm tra' an inspection and a
    check column: pgettext contexts keep them apart in the catalogue."""
    from discipline.enums import Activity
    from meetings.enums import MeetingState
    from members.enums import TransferState

    with translation.override("en"):
        assert str(MeetingState.CANCELLED.label) == "Cancelled"
        assert str(TransferState.CANCELLED.label) == "Cancelled"
        assert translation.gettext("Hủy") == "Cancel"
        assert str(Activity.INSPECTION.label) == "Inspection"
        assert translation.pgettext("check column", "Kiểm tra") == "Check"
    with translation.override("vi"):
        assert str(MeetingState.CANCELLED.label) == "Hủy"
