# Session 25 (issue 13). The machine of sessions 20-24 was still there (AVX-512; its worktree at 9d9d09c, data and
# run folders intact). $RECIPE and $POLICY are those of probe_commands_s19.sh's cell(); the commands run from the
# worktree, one process per core.
export MUJOCO_GL=egl OMP_NUM_THREADS=1
cell_policies() {  # the converged budget's policies of one (variant, seed), all four tasks in one process
  pwm-flow-train -m hydra/launcher=basic seed=$2 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
    +variant=$1 $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/world_model.pt" $POLICY \
    hydra.sweep.dir=runs/mini/wm60000 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
pretrain() {  # the pretraining step of cell(); a killed run resumes from its last checkpoint (every 500 iterations)
  pwm-flow-pretrain -m hydra/launcher=basic seed=$2 +variant=$1 $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 \
    threads=1 device=cpu hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
}

# Core A: Flow Heun K=4 seed 3's world model from scratch (stopped by hand after a checkpoint, before the session's end).
pretrain heun4 3 &
# Core B: seed 1's policies (its world model finished in session 24), then seed 2's pretraining resumed from its
# checkpoint at 45,500, then seed 2's policies.
(cell_policies heun4 1 && pretrain heun4 2 && cell_policies heun4 2) &
wait

# Then, with one core free: the tables (grid_partial*.csv, latent error h = 1 on random actions, pretraining curves,
# world models copied to results/mini/world_models/) and the provisional rliable aggregate (aggregate_partial.csv),
# as in sessions 20-24.

# Reproducibility check, and a start on restoring the run folders lost with sessions 18-19's machine (MLP, residual,
# Flow Euler K=1 seed 1, Flow Heun K=2 seed 1): MLP seed 1's committed world models placed where the grid's policy
# command looks for them, and its policies run again at both budgets on the free core.
mkdir -p runs/mini/pretrain/mlp/seed1
cp $REPO/results/mini/world_models/mlp/seed1/world_model*.pt runs/mini/pretrain/mlp/seed1/
for W in 60000 600; do
  F=world_model.pt; [ $W = 600 ] && F=world_model_600.pt
  pwm-flow-train -m hydra/launcher=basic seed=1 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
    +variant=mlp $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
    hydra.sweep.dir=runs/mini/wm$W 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
done
# MLP seed 2 at 60,000 the same way, two tasks per core (its finals match grid_partial.csv too).
mkdir -p runs/mini/pretrain/mlp/seed2
cp $REPO/results/mini/world_models/mlp/seed2/world_model*.pt runs/mini/pretrain/mlp/seed2/
for T in cartpole-balance,cartpole-swingup reacher-easy,walker-stand; do
  pwm-flow-train -m hydra/launcher=basic seed=2 task=$T +variant=mlp $RECIPE \
    "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/world_model.pt" $POLICY \
    hydra.sweep.dir=runs/mini/wm60000 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}' &
done
wait
