# Set-up and everyday commands. `make demo` and `make test` install what they need first.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BCIC   := $(VENV)/bin/bcic
# Re-install only when the declared dependencies change.
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: install java jena virtuoso test demo demo-ontology demo-validate demo-store bench clean

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

# Apache Jena's command-line tools: tests/test_sparql_endpoint.py runs its SPARQL client
# (arq.rsparql) against the /sparql endpoint. Debian's package ships the jars, no launcher scripts.
jena: java
	@if [ ! -f /usr/share/java/jena-cmds.jar ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "Apache Jena is missing and neither root nor sudo is available: install libapache-jena-java." >&2; exit 2; fi; \
	  echo "Installing Apache Jena's jars for the SPARQL client tests..."; \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libapache-jena-java; \
	fi

# Virtuoso, the real SPARQL server that tests/test_store_virtuoso.py starts (its own instance,
# database and ports, never a system service): Debian's binaries only (virtuoso-t, isql-vt), so
# there is no debconf prompt and no service to stop.
virtuoso:
	@if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "Virtuoso is missing and neither root nor sudo is available: install virtuoso-opensource-7-bin." >&2; exit 2; fi; \
	  echo "Installing Virtuoso for the remote-store tests..."; \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends virtuoso-opensource-7-bin; \
	fi

test: install jena virtuoso
	$(PY) -m pytest

# The main job on the sample clusters: check the ontology, then validate each sample submission and
# write its reports (text, HTML) to var/reports/. Exit 1 from `bcic validate` means "gaps found",
# which two of the three samples promise; only 2 (bad input) or 3 (internal) fail the demo.
EXAMPLES := dehua-ceramics datang-socks meitan-tea
REPORTS  := var/reports

demo: demo-ontology demo-validate demo-store

demo-ontology: install
	$(BCIC) ontology check

demo-validate: install
	@mkdir -p $(REPORTS)
	@for name in $(EXAMPLES); do \
	  echo "== $$name"; \
	  $(BCIC) validate examples/$$name.ttl --format html --output $(REPORTS)/$$name.html; rc=$$?; \
	  [ $$rc -le 1 ] || exit $$rc; \
	  $(BCIC) validate examples/$$name.ttl --lang zh --output $(REPORTS)/$$name.zh.txt; \
	  head -n 12 $(REPORTS)/$$name.zh.txt; \
	done
	@echo "Reports: $(REPORTS)/"

# Store the samples as revisions of a fresh embedded store and ask it across clusters.
DEMO_STORE := var/demo-store

demo-store: install
	@rm -rf $(DEMO_STORE) $(DEMO_STORE)-snapshots
	@for name in $(EXAMPLES); do $(BCIC) ingest examples/$$name.ttl --store $(DEMO_STORE) || exit $$?; done
	$(BCIC) clusters --store $(DEMO_STORE) --lang zh
	$(BCIC) queries run most-violated-clauses --store $(DEMO_STORE) --format table | head -n 12
	@echo "Serve it: $(BCIC) serve --store $(DEMO_STORE)   (SPARQL at http://127.0.0.1:8080/sparql)"

bench: install virtuoso
	$(PY) -m bench.validation
	$(PY) -m bench.named_queries
	$(PY) -m bench.store_sparql

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
