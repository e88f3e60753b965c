# Hormones and Bone: the two commands are `make book` and `make test`.
# Both create .venv from requirements.txt when it is missing or older than the pins.
# The build command and its flags are written here once, in the `build` target: make book,
# make test and the Python tools and tests (coursebook/build.py) all build through it.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB_FLAGS := -W -n --keep-going
# What `make build` builds (SRC) and where (OUT: the site lands in OUT/_build/html), with any
# further jupyter-book arguments (JB_ARGS); NOTEBOOKS_FIRST= (empty) skips the parallel run.
SRC ?= .
OUT ?= .
JB_ARGS ?=
NOTEBOOKS_FIRST ?= yes
# The notebook timeout, written once in _config.yml (execute.timeout).
NB_TIMEOUT := $(shell sed -n 's/^  timeout: *\([0-9]*\).*/\1/p' _config.yml)
# make test builds here from scratch, so a stale execution cache can never hide a failure.
TEST_OUT := _build/test
SITE := $(TEST_OUT)/_build/html
# make test's learners' environment (coursebook/learner_env.py): the download unpacked with its
# .venv made as the student guide says; nbval runs every notebook on its kernel, so one run
# checks the saved outputs and that the learners' environment alone runs the notebook.
LEARNER := $(CURDIR)/$(TEST_OUT)/learner
JOBS ?= 2
# Node packages for the browser checks (axe-core, Lighthouse): exact pins in package-lock.json.
NODE_STAMP := node_modules/.installed
# The build's own node packages (katex, purgecss): their stamp, made by the rule below `build`.
KATEX := node_modules/katex/dist/katex.min.js

.PHONY: build execute student-edition student-html book book-student print test serve bench clean help env notebooks lighthouse system-packages

help:
	@echo "make book   build the HTML book into _build/html (the student edition in _build/html/student)"
	@echo "make book-student  build the student edition (no answers) into _build/student"
	@echo "make print  build one printable page per tier into _build/print"
	@echo "make test   run every check (package, data, notebooks, chapter solutions, full build)"
	@echo "make serve  serve the built book on http://127.0.0.1:8000"
	@echo "make bench  measure install, build, rebuild, notebook and test times"
	@echo "make lighthouse  Lighthouse CI (mobile, desktop; budgets in lighthouserc*.json)"
	@echo "make notebooks  re-run every notebook on a fresh kernel and save its outputs (NB=one)"
	@echo "make clean  remove the build and the environment"

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@echo "Creating $(VENV) with $(PYTHON) from requirements.txt"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==24.3.1"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $(STAMP)

# The one build. The notebooks first run two at a time (jupyter-cache's local-parallel executor,
# one process per core) into the execution cache that the build reads (OUT/_build/.jupyter_cache);
# the build then finds each one there, or runs it itself if it failed, to report the error.
# The parallel run happens again only when a notebook changed since the last one (its stamp).
SRC_NOTEBOOKS = $(shell find $(SRC)/notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
NOTEBOOKS_RUN := $(OUT)/_build/.jupyter_cache/.notebooks-run
build: $(STAMP) $(KATEX) $(if $(NOTEBOOKS_FIRST),$(NOTEBOOKS_RUN))
	@student=""; if [ -n "$(STUDENT)" ] && [ "$${BONELAB_EDITION:-learner}" = learner ]; then \
	  if [ -n "$(NOTEBOOKS_FIRST)" ]; then mkdir -p $(STUDENT_OUT); \
	    $(MAKE) --no-print-directory student-html >$(STUDENT_LOG) 2>&1 & student=$$!; fi; fi; \
	echo "$(BIN)/jupyter-book build $(SRC) $(JB_FLAGS) --path-output $(OUT) $(JB_ARGS)"; \
	status=0; $(BIN)/jupyter-book build $(SRC) $(JB_FLAGS) --path-output $(OUT) $(JB_ARGS) \
	  || status=$$?; \
	if [ -n "$$student" ]; then wait $$student || status=$$?; cat $(STUDENT_LOG); \
	  if [ $$status = 0 ]; then $(STUDENT_COPY); fi; fi; \
	exit $$status
	@if [ -n "$(STUDENT)" ] && [ -z "$(NOTEBOOKS_FIRST)" ] && \
	  [ "$${BONELAB_EDITION:-learner}" = learner ]; then \
	  $(MAKE) --no-print-directory student-edition; fi

# The student edition inside the site, at OUT/_build/html/student/: the same book with every
# answer removed (coursebook/editions.py), built by the same `build` target as the learner
# edition. It reads the learner build's notebook execution cache (a link to it), so it costs
# only the Sphinx time, which it prints. Once the notebooks have run first (the execution cache
# is full, so neither build writes to it), the two editions build at the same time, one per core;
# the student edition's output follows the learner's in the log, whole. Otherwise (a build
# that may execute notebooks itself) it follows the learner edition. STUDENT= (empty) builds
# the learner edition alone.
STUDENT ?= yes
STUDENT_OUT = $(OUT)/_build/student-edition
STUDENT_LOG = $(STUDENT_OUT)/build.log
# Into the site once both editions are built.
STUDENT_COPY = rm -rf $(OUT)/_build/html/student; \
	cp -r $(STUDENT_OUT)/_build/html $(OUT)/_build/html/student; \
	echo "The student edition is in $(OUT)/_build/html/student"
student-edition: student-html
	@$(STUDENT_COPY)
student-html: $(STAMP)
	@mkdir -p $(STUDENT_OUT)/_build
	@cache=$(STUDENT_OUT)/_build/.jupyter_cache; [ -L $$cache ] || rm -rf $$cache; \
	ln -sfn "$$(cd $(OUT) && pwd)/_build/.jupyter_cache" $$cache
	@start=$$(date +%s); \
	BONELAB_EDITION=student $(MAKE) --no-print-directory build OUT=$(STUDENT_OUT) NOTEBOOKS_FIRST=; \
	echo "Student edition built in $$(( $$(date +%s) - start )) s: $(STUDENT_OUT)/_build/html"

# The node packages the build itself runs (installed with the others when missing or older than
# package.json): katex renders the math (sphinxcontrib-katex runs it in node) and PurgeCSS
# writes the theme stylesheet's subset (coursebook/themestyles.py). KATEX is defined at the top,
# since make reads a rule's prerequisites where the rule is written.
$(KATEX): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make book needs Node.js and npm (apt-get install nodejs npm)" >&2; exit 1; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $(KATEX)

# The notebooks' parallel run alone (make bench times it apart from the editions).
execute: $(NOTEBOOKS_RUN)
$(NOTEBOOKS_RUN): $(SRC_NOTEBOOKS) | $(STAMP)
	@mkdir -p $(OUT)/_build
	@export JUPYTERCACHE=$(OUT)/_build/.jupyter_cache; \
	echo y | $(BIN)/jcache notebook add $(SRC_NOTEBOOKS) >/dev/null; \
	$(BIN)/jcache project execute --executor local-parallel --timeout $(NB_TIMEOUT) \
	  --verbosity WARNING
	@touch $@

book: $(STAMP)
	@$(MAKE) --no-print-directory build
	@echo
	@echo "Open file://$(CURDIR)/_build/html/index.html (or run: make serve);"
	@echo "the student edition: file://$(CURDIR)/_build/html/student/index.html"

# The student edition alone (`make book` builds it too, inside the site): the same book with
# every answer removed (coursebook/editions.py reads BONELAB_EDITION). Its own output folder,
# so the two editions never share a stale page.
book-student: $(STAMP)
	@BONELAB_EDITION=student $(MAKE) --no-print-directory build OUT=_build/student
	@echo
	@echo "Open file://$(CURDIR)/_build/student/_build/html/index.html"

# One printable page per tier (singlehtml + _static/print.css), tables of contents generated
# from _toc.yml at build time: see coursebook/print_edition.py.
print: $(STAMP)
	$(BIN)/python -m coursebook.print_edition

# The Debian packages the checks use: Chromium (the only browser; nothing downloads one) with its
# fonts, Node.js with npm for axe-core, pa11y and Lighthouse, and Java for the Nu HTML Checker
# (vnu.jar, from npm). Installed only when missing (as root,
# with apt-get; otherwise the message says what to install): a Node.js from another repository
# (nodesource) already holds npm, and its nodejs package conflicts with Debian's npm.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium fonts-liberation"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the system packages the checks need:$$missing"; \
	    apt-get update -qq; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "make test needs these Debian packages:$$missing" >&2; \
	    echo "install them with: sudo apt-get install --no-install-recommends$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

# No npm package may fetch a browser of its own: Chromium is Debian's.
export PUPPETEER_SKIP_DOWNLOAD := 1
$(NODE_STAMP): package.json package-lock.json | system-packages
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP) $(KATEX)

test: system-packages $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	rm -rf $(TEST_OUT)
	mkdir -p $(TEST_OUT)
	@echo "Making the learners' environment from the download while the book builds"
	@$(BIN)/python -m coursebook.learner_env $(LEARNER) >$(TEST_OUT)/learner.log 2>&1 & \
	learner=$$!; \
	$(MAKE) --no-print-directory build OUT=$(TEST_OUT) 2>&1 | tee $(TEST_OUT)/build.log \
	  || { wait $$learner || true; exit 1; }; \
	wait $$learner || { cat $(TEST_OUT)/learner.log; exit 1; }; cat $(TEST_OUT)/learner.log
	BONELAB_SITE=$(SITE) BONELAB_BUILD_LOG=$(TEST_OUT)/build.log \
	  BONELAB_STUDENT_SITE=$(SITE)/student BONELAB_STUDENT_LOG=$(TEST_OUT)/build.log \
	  BONELAB_LEARNER_ENV=$(LEARNER)/hormones-and-bone JUPYTER_PATH=$(LEARNER)/jupyter \
	  $(BIN)/python -m pytest -n $(JOBS) --dist loadfile --nbval --nbval-kernel-name bonelab-learner \
	  --nbval-sanitize-with tests/sanitize.cfg -ra

serve: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/python -m coursebook.serve _build/html --port 8000

# Lighthouse through Lighthouse CI (@lhci/cli 0.14.0, npm) with Debian's Chromium on the built
# book, served compressed by LHCI's own server like a static host: mobile (lighthouserc.json)
# and desktop (lighthouserc-desktop.json), three runs per page. Each config holds its pages and
# budgets (scores, bytes per page); a missed one fails. Reports: _build/lighthouse/.
lighthouse: $(STAMP) $(NODE_STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	node_modules/.bin/lhci autorun --config=lighthouserc.json
	node_modules/.bin/lhci autorun --config=lighthouserc-desktop.json

# Re-run notebooks top to bottom on a fresh kernel and save their outputs (nbclient through
# nbconvert), which nbval then compares against: after changing a notebook or code it calls,
# run this, look at the diff, commit. No per-cell timings are recorded, so a re-run that
# changes nothing leaves the file unchanged. One notebook: make notebooks NB=notebooks/x/y.ipynb
NB ?= $(shell find notebooks -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | sort)
notebooks: $(STAMP)
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=120 \
	  --ExecutePreprocessor.record_timing=False $(NB)

bench: $(STAMP)
	$(BIN)/python -m coursebook.bench

clean:
	rm -rf _build $(VENV)
