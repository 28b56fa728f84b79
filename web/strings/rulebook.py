"""UI strings of the rulebook pages."""

STRINGS: dict[str, dict[str, str]] = {}
