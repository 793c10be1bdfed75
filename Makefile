# The two commands of the README: `make demo` and `make test`.
# TORCH is installed before the project so that its `torch>=2.4` is already met
# (here: the CPU build on local disk; on a GPU machine: `make TORCH=torch ...`).
PYTHON ?= python3
VENV   ?= .venv
TORCH  ?= torch==2.13.0
BIN    := $(VENV)/bin
export MUJOCO_GL ?= egl

.PHONY: demo test lab export clean-nbs docs results

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install -q "$(TORCH)"
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

demo: $(VENV)/.installed
	$(BIN)/pwm-flow-demo

test: $(VENV)/.installed
	$(BIN)/nbdev_test --n_workers 2
	$(BIN)/python -m pytest

# the notebooks in JupyterLab (the library is installed in the same environment, editable)
lab: $(VENV)/.installed
	$(BIN)/jupyter lab nbs $$([ "$$(id -u)" = 0 ] && echo --allow-root)

export: $(VENV)/.installed
	$(BIN)/nbdev_clean
	$(BIN)/nbdev_export

# the docs site without Quarto (nbdev processing + Sphinx/myst-nb); with Quarto: $(BIN)/nbdev_docs
docs: $(VENV)/.installed
	$(BIN)/pwm-flow-docs

# the mini-benchmark (one resumable command: data, sweep, results/mini/*.csv), then the analysis notebook
# executed in place, so that it is committed with its plots
results: $(VENV)/.installed
	$(BIN)/pwm-flow-experiment
	cd nbs && $(abspath $(BIN))/exec_nb 20_results.ipynb --dest 20_results.ipynb --exc_stop
	$(BIN)/nbdev_clean --fname nbs/20_results.ipynb
