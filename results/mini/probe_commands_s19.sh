# Session 19 (issue 13). The same machine as session 18 (AVX-512 CPU), the same worktree at the grid's commit 9d9d09c
# and the same regenerated data (data/mini, see probe_commands_s18.sh). Every row this session added has
# cpu_capability AVX512. Two grid cells at a time, one per core, each exactly the commands of
# `pwm-flow-experiment stage=pretrain` and `stage=sweep` for it (as in probe_commands_s18.sh, step 1):
export MUJOCO_GL=egl OMP_NUM_THREADS=1
RECIPE="alg=pwm_mini offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
cell() {  # variant seed [pretrain_only]: pretrain once, then the policies of both budgets (60k only for heun4, euler2)
  V=$1 S=$2
  case $V in mlp|heun2|euler1|mlp_residual) BUDGETS="60000 600";; *) BUDGETS="60000";; esac
  [ "$3" = pretrain_only ] && BUDGETS=""
  pwm-flow-pretrain -m hydra/launcher=basic seed=$S +variant=$V $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 threads=1 device=cpu \
    hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  for W in $BUDGETS; do
    F=world_model.pt; [ $W = 600 ] && F=world_model_600.pt
    pwm-flow-train -m hydra/launcher=basic seed=$S task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
      +variant=$V $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
      hydra.sweep.dir=runs/mini/wm$W 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
  done
}
# core 1: the MLP's seeds 2 and 3; core 2: Flow Heun K=2 seed 1 (its session-17 world model was lost with that machine)
(cell mlp 2; cell mlp 3) &
(cell heun2 1; cell euler1 1 pretrain_only)  # Flow Euler K=1 seed 1: its world model only, its policies not yet run
wait
# The tables: step 2 of probe_commands_s18.sh, unchanged (REPO=<the checkout that commits them>, run from the worktree)
