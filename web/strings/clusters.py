"""UI strings of the clusters pages."""

STRINGS: dict[str, dict[str, str]] = {}
