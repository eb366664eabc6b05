"""The forms of the admission screens, one module per concept: parse and show; every write goes through services."""
