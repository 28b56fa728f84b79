"""UI strings of the sparql pages."""

STRINGS: dict[str, dict[str, str]] = {}
