"""reports.queries.files: the kept report files a user may see (those of the organizations
they read; a 404 for the others)."""

import pytest
from django.http import Http404

from reports.models import ReportFile, ReportKind
from reports.queries.files import files_of, get_report_file_for, report_files_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(tree, officer):
    def keep(org, year):
        return ReportFile.objects.create(
            kind=ReportKind.ANNUAL, organization=org, year=year, created_by=officer
        )

    return {
        "commune": keep(tree["commune"], 2025),
        "cell": keep(tree["cell_a"], 2025),
        "elsewhere": keep(tree["other_commune"], 2025),
    }


def test_an_officer_sees_the_files_of_the_subtree(tree, officer, kept):
    assert set(report_files_for(officer)) == {kept["commune"], kept["cell"]}
    assert list(files_of(officer, tree["cell_a"])) == [kept["cell"]]
    assert get_report_file_for(officer, kept["cell"].pk) == kept["cell"]


def test_a_secretary_sees_the_own_cell_only(tree, secretary, kept):
    assert list(report_files_for(secretary)) == [kept["cell"]]
    for other in ("commune", "elsewhere"):
        with pytest.raises(Http404):
            get_report_file_for(secretary, kept[other].pk)
