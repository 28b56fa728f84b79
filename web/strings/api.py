"""UI strings of the api pages."""

STRINGS: dict[str, dict[str, str]] = {}
