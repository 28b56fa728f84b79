"""Where the project's rule files live, spelled out once: the project's own ontology/ and
shapes/, or those of the folder BCIC_RULES_DIR names (a maintainer's draft copy of both, read by
every command instead: `BCIC_RULES_DIR=draft bcic rules coverage`)."""

import os
from pathlib import Path

RULES_DIR_ENV = "BCIC_RULES_DIR"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
RULES_ROOT = Path(os.environ[RULES_DIR_ENV]).resolve() if os.environ.get(RULES_DIR_ENV) \
    else PROJECT_ROOT
ONTOLOGY_DIR = RULES_ROOT / "ontology"
SHAPES_DIR = RULES_ROOT / "shapes"
EXAMPLES_DIR = PROJECT_ROOT / "examples"

CORE_ONTOLOGY_FILE = ONTOLOGY_DIR / "bcic.ttl"
INDICATORS_FILE = ONTOLOGY_DIR / "indicators.ttl"
REQUIREMENTS_FILE = ONTOLOGY_DIR / "requirements.ttl"
DATA_STRUCTURE_FILE = ONTOLOGY_DIR / "datacube.ttl"

# In the order the rulebook's digest reads them (checker/rulebook.py).
ALL_ONTOLOGY_FILES = (CORE_ONTOLOGY_FILE, INDICATORS_FILE, REQUIREMENTS_FILE, DATA_STRUCTURE_FILE)


def missing_rule_files() -> list[Path]:
    """The ontology files and the shapes folder the rules are read from that are not there (a
    BCIC_RULES_DIR naming a folder that is no copy of both), and `shapes/*.ttl` when the shapes
    folder holds no shapes file: a rulebook of no shape would find no gap in any submission."""
    missing = [path for path in (*ALL_ONTOLOGY_FILES, SHAPES_DIR) if not path.exists()]
    if SHAPES_DIR.is_dir() and not any(SHAPES_DIR.glob("*.ttl")):
        missing.append(SHAPES_DIR / "*.ttl")
    return missing
