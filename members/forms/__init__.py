"""Forms of the member register, by area."""
