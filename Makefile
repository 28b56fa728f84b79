# Set-up and everyday commands. `make demo` and `make test` install what they need first.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BCIC   := $(VENV)/bin/bcic
# Re-install only when the declared dependencies change.
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: install java test demo demo-ontology clean

install: $(STAMP) java

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# HermiT, the OWL reasoner behind `bcic ontology check`, runs on Java.
java:
	@if ! command -v java >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "Java is missing and neither root nor sudo is available: install a Java runtime (default-jre-headless)." >&2; exit 2; fi; \
	  echo "Installing a Java runtime for the HermiT reasoner..."; \
	  $$SUDO mkdir -p /usr/share/man/man1; \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre-headless; \
	fi

test: install
	$(PY) -m pytest

# The main job, one step per target: check the ontology; the validation of the sample data of
# examples/ will be added beside it as another `demo-*` prerequisite of `demo`.
demo: demo-ontology

demo-ontology: install
	$(BCIC) ontology check

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
