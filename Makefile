# Two commands do everything on a fresh machine (only python3 and make needed):
#   make run    set up, then clean the bundled fixtures and print a summary
#   make test   set up, then run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-dev
INSTALLED_BASE := $(VENV)/.installed-base

.PHONY: setup run test lint quality speed clean

setup: $(INSTALLED)

# `make run` needs only cleaner itself; `make test` (and `setup`) the dev extra: the test
# tools, every optional format, moto's S3 server and Ray.
$(INSTALLED_BASE): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(INSTALLED_BASE)

$(INSTALLED): $(INSTALLED_BASE)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

run: $(INSTALLED_BASE)
	$(BIN)/cleaner run fixtures/ --output out/fixtures --overwrite

test: setup
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/python -m pytest
	$(BIN)/cleaner rules test
	$(BIN)/cleaner check fixtures/

lint: setup
	$(BIN)/ruff check cleaner tests bench

quality: setup
	$(BIN)/python -m bench.quality

speed: setup
	$(BIN)/python -m bench.speed --rounds 5

clean:
	rm -rf $(VENV) out build dist *.egg-info
