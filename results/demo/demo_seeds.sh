#!/bin/bash
# Session 34 (issue 13, item 8): the demo's spread over seeds. `make demo` is `pwm-flow-demo` at seed 1; here seeds
# 1-10, one after another (each demo uses both cores), each in its own folder under $1 (default runs/demo_seeds).
# Measured on an Intel Xeon with AVX-512 kernels (the kind of the README's demo table) at 18a8164, with `.venv` from
# `make .venv/.installed`, root /work/s34/demo. Run from the repository root.
set -e
ROOT=${1:-runs/demo_seeds}
export PATH=$PWD/.venv/bin:$PATH
for s in 1 2 3 4 5 6 7 8 9 10; do pwm-flow-demo seed=$s hydra.run.dir=$ROOT/seed$s; done
python results/demo/demo_seeds.py $ROOT results/demo/demo_seeds.csv
