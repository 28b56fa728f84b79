"""Describe the machine and library versions a benchmark ran on."""

from __future__ import annotations

import os
import platform
from importlib.metadata import version


def describe() -> list[str]:
    """Lines naming the processor count, Python and the libraries that matter for speed."""
    libraries = ", ".join(f"{name} {version(name)}" for name in
                          ("rdflib", "pyshacl", "pyoxigraph", "owlready2"))
    return [
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}; {libraries}",
    ]
