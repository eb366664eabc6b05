"""Django admin for system administrators: the tree (treebeard) with its audit trail.

The screens under /organizations/ are the normal way to change the tree; they check the
ORG rules and scope. The admin is a repair tool for superusers only.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from .models import (
    Committee,
    ModelCellDesignation,
    Organization,
    OrganizationMove,
    OrganizationSuccession,
    ResidentialUnit,
    Term,
)


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin, TreeAdmin):
    form = movenodeform_factory(Organization)
    list_display = ["name", "kind", "category", "code", "established_on", "dissolved_on"]
    list_filter = ["kind", "category"]
    search_fields = ["name", "search_name", "code"]


@admin.register(OrganizationMove)
class OrganizationMoveAdmin(admin.ModelAdmin):
    list_display = ["organization", "from_superior", "to_superior", "moved_on", "moved_by"]
    list_select_related = ["organization", "from_superior", "to_superior", "moved_by"]
    raw_id_fields = ["organization", "from_superior", "to_superior", "moved_by"]


@admin.register(OrganizationSuccession)
class OrganizationSuccessionAdmin(SimpleHistoryAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_on"]
    raw_id_fields = ["predecessor", "successor"]


@admin.register(ResidentialUnit)
class ResidentialUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "cell", "households", "no_party_member"]
    list_select_related = ["cell"]
    search_fields = ["name", "search_name"]
    raw_id_fields = ["cell"]


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization", "starts_on", "ends_on"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization"]


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organization", "kind"]
    list_select_related = ["organization", "term"]
    raw_id_fields = ["organization", "term"]


@admin.register(ModelCellDesignation)
class ModelCellDesignationAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "year"]
    raw_id_fields = ["organization"]
