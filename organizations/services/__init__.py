"""Every write to the party tree, by area: organizations (tree), residential units and
model cells (units), terms, committees and seats (committees).

Each function takes keyword-only options and the acting user `by`, checks that the user
may do it (PermissionDenied otherwise), validates the domain rules (ValidationError with
Vietnamese messages keyed by form field), and writes in one transaction. The `*_errors`
functions are the same checks without writing, for the forms.
"""

from .base import *  # noqa: F403
from .base import __all__ as _base_all
from .committees import *  # noqa: F403
from .committees import __all__ as _committees_all
from .tree import *  # noqa: F403
from .tree import __all__ as _tree_all
from .units import *  # noqa: F403
from .units import __all__ as _units_all

__all__ = [*_base_all, *_tree_all, *_units_all, *_committees_all]
