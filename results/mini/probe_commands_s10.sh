#!/bin/bash
# Session 10's probes of the MLP baseline (results/mini/probe_s10.csv, probe_s10_wm.csv), after probe_commands_s8.sh
# (its 8x data: data/big_<task>, data/big_all) and probe_commands_s9.sh (the multi-task model runs/big_all_b64).
# They ran from worktrees at c89abe8 with one thread each. The cosine-annealed world models ran with a scratch patch
# of that commit (environment variable PWM_WM_COSINE: before pretraining update k of N, every parameter group's lr set
# to lr0 (1 + cos(pi (k-1) / N)) / 2), the schedule that alg.wm_optim.lr_schedule=cosine gives since a95a358; the
# commands below are written with that key.
set -e
export OMP_NUM_THREADS=1
MT="alg=pwm_mini +variant=mlp offline.dataset=data/big_all/dataset alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 alg.model.task_dim=16 alg.parity.strict=True threads=1 device=cpu"
POL="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250"
# cartpole-swingup from session 9's multi-task model (constant lr, 120k iterations): policy seeds 2 and 3; PWM's
# 10,000 policy iterations (seeds 1 and 2); PWM's policy batch 512
for s in 2 3; do pwm-flow-train seed=$s $MT alg.wm_iterations=120000 task=cartpole-swingup offline.world_model=runs/big_all_b64/pretrain/world_model.pt $POL hydra.run.dir=runs/s10_seed$s/cartpole-swingup; done
pwm-flow-train seed=1 $MT alg.wm_iterations=120000 task=cartpole-swingup offline.world_model=runs/big_all_b64/pretrain/world_model.pt mode=offline iterations=10000 eval_every=500 eval_episodes=10 checkpoint_every=500 hydra.run.dir=runs/s10_long/cartpole-swingup
pwm-flow-train seed=2 $MT alg.wm_iterations=120000 task=cartpole-swingup offline.world_model=runs/big_all_b64/pretrain/world_model.pt mode=offline iterations=10000 eval_every=500 eval_episodes=10 checkpoint_every=500 hydra.run.dir=runs/s10_long_s2/cartpole-swingup
pwm-flow-train seed=1 $MT alg.wm_iterations=120000 alg.batch_size=512 task=cartpole-swingup offline.world_model=runs/big_all_b64/pretrain/world_model.pt $POL hydra.run.dir=runs/s10_b512/cartpole-swingup
# walker-stand, single-task (8x data, 30k iterations, as big_walker-stand) with the lr cosine-annealed
R="alg=pwm_mini +variant=mlp offline.dataset=data/big_walker-stand/dataset alg.wm_iterations=30000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 alg.wm_optim.lr_schedule=cosine threads=1 device=cpu"
pwm-flow-pretrain seed=1 $R checkpoint_every=1000 hydra.run.dir=runs/cos_walker-stand/pretrain
pwm-flow-train seed=1 $R task=walker-stand offline.world_model=runs/cos_walker-stand/pretrain/world_model.pt $POL hydra.run.dir=runs/cos_walker-stand/policy
# the multi-task model with the lr cosine-annealed over 60k iterations, world-model seeds 1 and 2, a policy per task;
# cartpole-swingup's policy seeds 2 and 3 from seed 1's model
for s in 1 2; do d=runs/cos_all_60000$([ $s = 2 ] && echo _s2)
  pwm-flow-pretrain seed=$s $MT alg.wm_iterations=60000 alg.wm_optim.lr_schedule=cosine checkpoint_every=1000 hydra.run.dir=$d/pretrain
  for t in cartpole-balance cartpole-swingup reacher-easy walker-stand; do
    pwm-flow-train seed=$s $MT alg.wm_iterations=60000 alg.wm_optim.lr_schedule=cosine task=$t offline.world_model=$d/pretrain/world_model.pt $POL hydra.run.dir=$d/policies/$t; done; done
for s in 2 3; do pwm-flow-train seed=$s $MT alg.wm_iterations=60000 alg.wm_optim.lr_schedule=cosine task=cartpole-swingup offline.world_model=runs/cos_all_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/cos_all_60000/policies_s$s/cartpole-swingup; done
# a wider multi-task model (encoder [256], dynamics and reward [256, 256]), lr cosine-annealed over 30k iterations
W="$MT alg.wm_iterations=30000 alg.wm_optim.lr_schedule=cosine alg.model.encoder_units=[256] alg.model.units=[256,256]"
pwm-flow-pretrain seed=1 $W checkpoint_every=1000 hydra.run.dir=runs/wide_all_30000/pretrain
for t in reacher-easy cartpole-swingup; do pwm-flow-train seed=1 $W task=$t offline.world_model=runs/wide_all_30000/pretrain/world_model.pt $POL hydra.run.dir=runs/wide_all_30000/policies/$t; done
# the multi-task model with the plan's L_wm = L_dyn + L_rew (rew_coef 1) and the lr cosine-annealed over 60k
# iterations; a policy per task, and reacher-easy's policy seeds 2 and 3
P="${MT/alg.wm_loss.rew_coef=0.1/alg.wm_loss.rew_coef=1.0} alg.wm_iterations=60000 alg.wm_optim.lr_schedule=cosine"
pwm-flow-pretrain seed=1 $P checkpoint_every=1000 hydra.run.dir=runs/cosplan_all_60000/pretrain
for t in reacher-easy cartpole-swingup cartpole-balance walker-stand; do
  pwm-flow-train seed=1 $P task=$t offline.world_model=runs/cosplan_all_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/cosplan_all_60000/policies/$t; done
for s in 2 3; do pwm-flow-train seed=$s $P task=reacher-easy offline.world_model=runs/cosplan_all_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/cosplan_all_60000/policies_s$s/reacher-easy; done
