# Session 26 (issue 13). The machine of sessions 20-25 was still there (AVX-512; worktree at 9d9d09c, data and run
# folders intact). $RECIPE and $POLICY are those of probe_commands_s19.sh's cell(); the commands run from the
# worktree, one process per core; pretrain() and cell_policies() as in probe_commands_s25.sh, with the budget W
# (60000: world_model.pt, 600: world_model_600.pt) as a third argument of cell_policies.
export MUJOCO_GL=egl OMP_NUM_THREADS=1
cell_policies() {
  F=world_model.pt; [ $3 = 600 ] && F=world_model_600.pt
  pwm-flow-train -m hydra/launcher=basic seed=$2 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
    +variant=$1 $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
    hydra.sweep.dir=runs/mini/wm$3 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
pretrain() {
  pwm-flow-pretrain -m hydra/launcher=basic seed=$2 +variant=$1 $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 \
    threads=1 device=cpu hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
}
restore() {  # policies of a cell whose run folders were lost with sessions 18-19's machine, from its committed world models
  mkdir -p runs/mini/pretrain/$1/seed$2
  cp -n $REPO/results/mini/world_models/$1/seed$2/world_model*.pt runs/mini/pretrain/$1/seed$2/
  cell_policies $1 $2 $3
}
QUEUE="mlp:3:60000 mlp_residual:1:60000 mlp_residual:2:60000 mlp_residual:3:60000 euler1:1:60000 heun2:1:60000
       mlp:2:600 mlp:3:600 mlp_residual:1:600 mlp_residual:2:600 mlp_residual:3:600 heun2:1:600"
claim() { mkdir claims/${1//:/_} 2>/dev/null; }  # each cell is taken by one core only
mkdir -p claims
# Core A: Flow Heun K=4 seed 3's pretraining resumed from its checkpoint at 48,000, then its policies, then the queue.
(pretrain heun4 3 && cell_policies heun4 3 60000 && for c in $QUEUE; do claim $c && restore ${c//:/ }; done) &
# Core B: the queue.
(for c in $QUEUE; do claim $c && restore ${c//:/ }; done) &
wait
# Stopped by hand before the session's end: mlp_residual:2:600 and mlp_residual:3:600 killed part-way (their folders
# deleted), heun2:1:600 not started. Then the tables and the provisional rliable aggregate, as in sessions 20-25.
