#!/bin/bash
# Session 34 (issue 13, item 8): the demo's spread over seeds. `make demo` is `pwm-flow-demo` with seed 1; here seeds 1-10,
# each in its own folder, one after another (each demo uses both cores), on an Intel Xeon with AVX-512 kernels (the
# README's demo table was measured on this kind), from the repository at 18a8164 with `.venv` from `make .venv/.installed`.
export PATH=$PWD/.venv/bin:$PATH
for s in 1 2 3 4 5 6 7 8 9 10; do
  pwm-flow-demo seed=$s hydra.run.dir=/work/s34/demo/seed$s > /work/s34/demo_seed$s.out
done
python results/demo/demo_seeds.py /work/s34/demo results/demo/demo_seeds.csv
