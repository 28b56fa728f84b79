"""Where `bcic validate` writes its reports, refusing any place that would destroy a submission.

A report never replaces an input file (by its path, a symbolic link or a hard link to it), and in
a batch every file gets its own report, named by the file's stem: two inputs of one stem would
write the same report, so such a batch is refused before any file is validated.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError


def refuse_input_as_output(output: Path, inputs: Sequence[Path]) -> None:
    """Raise an input error when writing `output` would overwrite one of `inputs`."""
    for source in inputs:
        if _same_file(output, source):
            raise InputError.of("error.validate.output_is_input", output=str(output),
                                source=str(source))


def batch_report_paths(inputs: Sequence[Path], directory: Path,
                       extension: str) -> dict[Path, Path]:
    """Each input's report, `DIRECTORY/<stem>.<extension>`; an input error when two inputs share
    a stem or a report would overwrite an input."""
    by_stem: dict[str, Path] = {}
    for source in inputs:
        other = by_stem.setdefault(source.stem, source)
        if other != source:
            raise InputError.of("error.validate.each_same_stem", first=str(other),
                                second=str(source), report=f"{source.stem}.{extension}")
    reports = {source: directory / f"{source.stem}.{extension}" for source in inputs}
    for report in reports.values():
        refuse_input_as_output(report, inputs)
    return reports


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same inode."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet): then they cannot be one file
        return False
