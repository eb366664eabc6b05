"""Every read of the admission work, one module per concept (scoped: 404 outside the user's reach)."""
