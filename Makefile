# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
DEMO_SERVE ?= 1
DEMO_PORT ?= 8000
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: install demo test lint typecheck unit clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e ".[dev,ml,train,distributed]"
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/rasd analyze examples/ --db $(DEMO_DB) --published 2026-03-21
	$(BIN)/rasd summary --db $(DEMO_DB)
	@if [ "$(DEMO_SERVE)" != "0" ]; then $(BIN)/rasd serve --db $(DEMO_DB) --port $(DEMO_PORT); fi

lint: install
	$(BIN)/ruff check src tests scripts

typecheck: install
	$(BIN)/mypy src/rasd

unit: install
	RASD_TEST_POSTGRES="$${RASD_TEST_POSTGRES:-$$(bash scripts/start_postgres.sh)}" $(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
