# Session 20 (issue 13). A new machine again (AVX-512 CPU, like sessions 18-19; the worktree and data of session 19
# were gone). A new git worktree at the grid's commit 9d9d09c, this repository's .venv (PATH=.../.venv/bin
# PYTHONPATH=<worktree>); every row this session added has cpu_capability AVX512.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 0. The data again, from the committed teacher snapshots: step 0 of probe_commands_s18.sh. Its data.csv equals the
#    one sessions 18-19 wrote (the largest difference to the committed AVX2 data.csv is again walker-stand's teacher
#    at sigma 0.3, 945.3 vs 940.6). To use the second core, a second process collected the same collections in
#    reverse order (the same `pwm-flow-collect` commands, as collect_commands(cfg) gives them) until the two met.
pwm-flow-experiment stage=data jobs=1

# 1. Grid cells, exactly probe_commands_s19.sh's cell() (its RECIPE, POLICY and commands), two at a time, one per core.
#    Flow Euler K=1 seed 1's short-budget policies start from its committed 600-iteration snapshot
#    (results/mini/world_models/euler1/seed1/world_model_600.pt, the file session 19's pretraining wrote):
pwm-flow-train -m hydra/launcher=basic seed=1 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
  +variant=euler1 $RECIPE "offline.world_model=runs/mini/committed/euler1/seed1/world_model_600.pt" $POLICY \
  hydra.sweep.dir=runs/mini/wm600 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
(cell euler1 2) &
(cell heun2 2)
wait

# 2. The tables: step 2 of probe_commands_s18.sh, unchanged (REPO=<the checkout that commits them>, run from the worktree)
