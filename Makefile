# The two commands of the README: `make demo` and `make test`.
# TORCH is installed before the project so that its `torch>=2.4` is already met
# (here: the CPU build on local disk; on a GPU machine: `make TORCH=torch ...`).
PYTHON ?= python3
VENV   ?= .venv
TORCH  ?= torch==2.13.0
BIN    := $(VENV)/bin
export MUJOCO_GL ?= egl

.PHONY: demo test lab export clean-nbs docs results benchmark wheels bench-gpu

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
	$(BIN)/python -m pytest -n 2 --dist loadscope

# the notebooks in JupyterLab (the library is installed in the same environment, editable)
lab: $(VENV)/.installed
	$(BIN)/jupyter lab nbs $$([ "$$(id -u)" = 0 ] && echo --allow-root)

export: $(VENV)/.installed
	$(BIN)/nbdev_clean
	$(BIN)/nbdev_export

# the docs site without Quarto (nbdev processing + Sphinx/myst-nb); with Quarto: $(BIN)/nbdev_docs
docs: $(VENV)/.installed
	$(BIN)/pwm-flow-docs

# the analysis notebook re-executed in place from the files in results/mini/ alone (seconds), so that it is
# committed with its plots
results: $(VENV)/.installed
	cd nbs && $(abspath $(BIN))/exec_nb 20_results.ipynb --dest 20_results.ipynb --exc_stop
	$(BIN)/nbdev_clean --fname nbs/20_results.ipynb

# the mini-benchmark itself (one resumable command: teachers and data, pretraining, policies, results/mini/*.csv;
# days of CPU), then the analysis notebook
benchmark: $(VENV)/.installed
	$(BIN)/pwm-flow-experiment
	$(MAKE) results

# ---- The GPU check, for a bare GPU machine: Python and torch only, perhaps no package registry ----
# `make wheels`, where pip reaches a registry, fetches into .whl/ what pwm-flow-bench needs beyond what such a machine
# has (torch, numpy, pandas, tqdm, PyYAML, packaging, cloudpickle), for its Python (GPU_PYTHON). Bring the repository
# with .whl/ to the GPU machine; there `make bench-gpu` installs them and the project into .gpu-site/ without a
# registry, then times the MLP and Flow Heun K=2 at GPU_SIZE (B=512, H=16, eager and compiled) and runs a short
# data-parallel (DDP) world-model update: NCCL over all GPUs when there are two or more, else two gloo processes on CPU.
GPU_PYTHON ?= 3.12
GPU_SIZE   ?= 48M
GPU_WHEELS := hydra-core==1.3.8 omegaconf==2.3.1 tensordict==0.15.3 pyvers==0.2.3 fastcore==1.14.5
SITE       := .gpu-site

wheels:
	rm -rf .whl && mkdir -p .whl
	$(PYTHON) -m pip download -q --no-deps --only-binary=:all: --python-version $(GPU_PYTHON) --implementation cp \
	    --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl $(GPU_WHEELS)
	$(PYTHON) -m pip wheel -q --no-deps -w .whl antlr4-python3-runtime==4.9.3  # an sdist only: built here (pure Python)

bench-gpu:
	@ls .whl/*.whl >/dev/null 2>&1 || { echo "error: no wheels in .whl/: run 'make wheels' where pip reaches a registry, and bring .whl/ along"; exit 2; }
	$(PYTHON) -m pip install -q --no-index --no-deps --no-compile --upgrade --target $(SITE) .whl/*.whl
	$(PYTHON) -m pip install -q --no-index --no-deps --no-build-isolation --no-compile --upgrade --target $(SITE) .
	PYTHONPATH=$(SITE) $(PYTHON) $(SITE)/bin/pwm-flow-bench size=$(GPU_SIZE) batch_size=512 wm_batch_size=1024 horizon=16 \
	    'variants=[mlp,heun2]' compile=true iterations=5 warmup=2
	n=$$($(PYTHON) -c 'import torch; print(torch.cuda.device_count())'); \
	if [ "$$n" -ge 2 ]; then p=$$n d=cuda s=$(GPU_SIZE); else p=2 d=cpu s=tiny; fi; \
	echo "DDP: $$p processes on $$d"; \
	PYTHONPATH=$(SITE) $(PYTHON) -m torch.distributed.run --standalone --nproc_per_node=$$p --no-python \
	    $(PYTHON) $(SITE)/bin/pwm-flow-bench size=$$s device=$$d batch_size=64 wm_batch_size=256 'variants=[mlp]' iterations=3 warmup=1
