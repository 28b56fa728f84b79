# Set-up and everyday commands. `make demo` and `make test` install what they need first.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BCIC   := $(VENV)/bin/bcic
# Re-install only when the declared dependencies change.
STAMP  := $(VENV)/.installed-from-pyproject

.PHONY: install venv-package runtime-packages system-packages web-assets lint test demo demo-ontology demo-validate demo-store demo-serve bench clean

install: $(STAMP) runtime-packages web-assets

$(PY): | venv-package
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# Debian packages the project needs beside Python, each as package:probe (a command on PATH, or a
# file). Only the missing ones are installed, with one apt-get run (root, or sudo when available).
# - default-jre-headless: HermiT and Pellet, the OWL reasoners of `bcic ontology check`, run on Java;
# - libapache-jena-java: Jena's SPARQL client (arq.rsparql) queries /sparql in the tests (jars
#   only, no launcher scripts);
# - virtuoso-opensource-7-bin: the real SPARQL server the remote-store tests start (their own
#   instance, database and ports; binaries only, so no debconf prompt and no system service);
#   the other one they start, the Oxigraph server, comes from PyPI with the dev extra (`oxigraph`,
#   into .venv/bin);
# - curl: another real client of the endpoint in the tests;
# - nodejs, npm: install the web app's front-end packages (YASGUI, Chart.js) from the npm registry;
# - chromium: the real browser the web app's browser tests drive (through Playwright).
# - fonts-wqy-microhei: Chinese glyphs in the browser tests' screenshots.
DEMO_PACKAGES := default-jre-headless:java nodejs:node npm:npm
TEST_PACKAGES := $(DEMO_PACKAGES) libapache-jena-java:/usr/share/java/jena-cmds.jar \
                 virtuoso-opensource-7-bin:virtuoso-t curl:curl chromium:/usr/bin/chromium \
                 fonts-wqy-microhei:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

define apt_ensure
	@missing=""; \
	for pair in $(1); do \
	  package=$${pair%%:*}; probe=$${pair#*:}; \
	  case "$$probe" in /*) [ -e "$$probe" ] ;; *) command -v "$$probe" >/dev/null 2>&1 ;; esac \
	    || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "Missing Debian packages:$$missing (root or sudo is needed to install them)" >&2; exit 2; fi; \
	  echo "Installing Debian packages:$$missing"; \
	  $$SUDO mkdir -p /usr/share/man/man1; \
	  $$SUDO apt-get update && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
endef

runtime-packages:
	$(call apt_ensure,$(DEMO_PACKAGES))

# `python3 -m venv` needs ensurepip, which Debian and Ubuntu ship apart, in python3-venv
# (python3.11-venv on Debian 12). Its probe is the folder $(PYTHON) imports ensurepip from, a path
# that does not exist when it cannot import it; asked only while .venv is still to be made.
ENSUREPIP = $(or $(shell $(PYTHON) -c 'import ensurepip, os; print(os.path.dirname(ensurepip.__file__))' 2>/dev/null),/nonexistent/ensurepip)

venv-package:
	$(call apt_ensure,python3-venv:$(ENSUREPIP))

# The front-end packages pinned in web/package-lock.json, into web/node_modules (not committed).
WEB_STAMP := web/node_modules/.installed-from-lock

web-assets: $(WEB_STAMP)

$(WEB_STAMP): web/package-lock.json | runtime-packages
	cd web && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

system-packages:
	$(call apt_ensure,$(TEST_PACKAGES))

# Unused imports and names, undefined names: the suite does not start while pyflakes finds any.
lint: install
	$(PY) -m pyflakes checker web/*.py web/strings tests bench

# The test files run in TEST_WORKERS processes (pytest-xdist), each file whole in one of them, so
# a file's fixtures (a Virtuoso, a store of samples) start once; TEST_WORKERS=0 runs them all here.
TEST_WORKERS ?= 2

test: install system-packages lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

# The main job on the sample clusters: check the ontology, then validate each sample submission and
# write its reports (text, HTML) to var/reports/. Exit 1 from `bcic validate` means "gaps found",
# which two of the three samples promise; only 2 (bad input) or 3 (internal) fail the demo.
EXAMPLES := dehua-ceramics datang-socks meitan-tea
REPORTS  := var/reports

demo: demo-ontology demo-validate demo-store demo-serve

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

# The web app on the demo store, in the foreground (Ctrl-C stops it). DEMO_PORT=… to move it.
DEMO_PORT ?= 8080

demo-serve: install
	@echo "The web app: http://127.0.0.1:$(DEMO_PORT)/  (SPARQL editor /sparql/editor, API /api/docs)"
	$(BCIC) serve --store $(DEMO_STORE) --port $(DEMO_PORT)

bench: install system-packages
	$(PY) -m bench.validation
	$(PY) -m bench.named_queries
	$(PY) -m bench.store_sparql
	$(PY) -m bench.remote_named_queries
	$(PY) -m bench.server_memory
	$(PY) -m bench.knowledge_graph

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
