"""Views of the member register, one module per area (register, transfers, badges, imports)."""
