from django.conf import settings

from .enums import SUBTREE_WRITE_ROLES, Role
from .scope import active_roles, is_system_admin


def chibo(request):
    """What every page needs: the user's roles for the menu."""
    user = getattr(request, "user", None)
    roles = active_roles(user) if user is not None and user.is_authenticated else set()
    return {
        "chibo_roles": roles,
        "chibo_can_browse": bool(roles - {Role.MEMBER}),
        "chibo_is_system_admin": is_system_admin(user),
        # Links to pages that only write (import, taking a member in) are shown only to
        # those who may write somewhere: an inspector or a member would get a 404/403.
        # (the roles of accounts.scope.org_write_filter)
        "chibo_can_write": is_system_admin(user)
        or bool(roles & (SUBTREE_WRITE_ROLES | {Role.SECRETARY})),
        "chibo_debug": settings.DEBUG,
    }
