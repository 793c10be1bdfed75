#!/bin/bash
# Session 33 (issue 13). No GPU lent (status: paused). A new machine (Intel Xeon, AVX-512 kernels: the grid's kind),
# nothing of earlier sessions on it. Probe: is the MLP baseline's cartpole-swingup failure at the converged budget
# (3-seed mean 377.2, 0.43 of the teacher; its policies flip between the swung-up and the fallen mode) a property of
# its three world models, or a draw of the policy's seed? Each committed grid world model (MLP and, for contrast, the
# residual control, whose swingup policies settle: mean 876.6) trains two more policies with new seeds (11, 12),
# exactly as the grid's policy command otherwise; MLP seed 1's grid policy runs again first, as a check that this
# machine reproduces the grid (454.166 in runs.csv).

# 1. a worktree at a fixed commit, the data from the committed teacher snapshots (two processes, one from each end of
#    the list of collections, until they meet), as in probe_commands_s27.sh step 4
git worktree add --detach /work/wt33 1b58c81
export MUJOCO_GL=egl OMP_NUM_THREADS=1 PYTHONPATH=/work/wt33 PATH=/work/main/.venv/bin:$PATH
cd /work/wt33 && mkdir -p /work/s33/res/mini && cp -r results/mini/teachers /work/s33/res/mini/
pwm-flow-experiment stage=data results_dir=/work/s33/res/mini &
python - <<'PY'
import subprocess
from pwm_flow.experiment import collect_commands, load_benchmark
for cmd in reversed(list(collect_commands(load_benchmark('results_dir=/work/s33/res/mini')).values())):
    if subprocess.run(cmd).returncode: break  # met the other process (a locked collection folder)
PY
wait
pwm-flow-experiment stage=data results_dir=/work/s33/res/mini   # links the dataset; every collection is complete

# 2. the policies: the grid's $RECIPE and $POLICY (probe_commands_s19.sh), the committed world models
RECIPE="alg=pwm_mini offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
policy() {  # variant folder, variant, world-model seed, policy seed
  pwm-flow-train task=cartpole-swingup +variant=$2 seed=$4 $RECIPE $POLICY \
    offline.world_model=/work/wt33/results/mini/world_models/$1/seed$3/world_model.pt \
    hydra.run.dir=/work/s33/runs/$1/wm$3_pol$4
}
QUEUE="mlp:mlp:1:1 mlp:mlp:1:11 mlp:mlp:1:12 mlp:mlp:2:11 mlp:mlp:2:12 mlp:mlp:3:11 mlp:mlp:3:12
       mlp_residual:mlp_residual:1:11 mlp_residual:mlp_residual:1:12 mlp_residual:mlp_residual:2:11
       mlp_residual:mlp_residual:2:12 mlp_residual:mlp_residual:3:11 mlp_residual:mlp_residual:3:12"
claim() { mkdir /work/s33/claims/${1//:/_} 2>/dev/null; }  # each run is taken by one core only
mkdir -p /work/s33/claims
for core in A B; do (for c in $QUEUE; do claim $c && policy ${c//:/ }; done) & done; wait

# 3. the table
cd /work/main && .venv/bin/python results/mini/probe_s33.py /work/s33/runs probe_s33_swingup.csv

# 4. the same for Flow Heun K=2 (the plan's primary variant; grid swingup 3-seed mean 496.9), then the table again
#    (run after step 3 with the same RECIPE, POLICY, policy() and claim())
QUEUE="heun2:heun2:1:11 heun2:heun2:1:12 heun2:heun2:2:11 heun2:heun2:2:12 heun2:heun2:3:11 heun2:heun2:3:12"
cd /work/wt33
for core in A B; do (for c in $QUEUE; do claim $c && policy ${c//:/ }; done) & done; wait
cd /work/main && .venv/bin/python results/mini/probe_s33.py /work/s33/runs probe_s33_swingup.csv
