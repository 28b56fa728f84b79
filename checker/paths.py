"""Where the project's rule files live, spelled out once."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SHAPES_DIR = PROJECT_ROOT / "shapes"
EXAMPLES_DIR = PROJECT_ROOT / "examples"

CORE_ONTOLOGY_FILE = ONTOLOGY_DIR / "bcic.ttl"
INDICATORS_FILE = ONTOLOGY_DIR / "indicators.ttl"
REQUIREMENTS_FILE = ONTOLOGY_DIR / "requirements.ttl"
DATA_STRUCTURE_FILE = ONTOLOGY_DIR / "datacube.ttl"

# In the order the rulebook's digest reads them (checker/rulebook.py).
ALL_ONTOLOGY_FILES = (CORE_ONTOLOGY_FILE, INDICATORS_FILE, REQUIREMENTS_FILE, DATA_STRUCTURE_FILE)
