#!/bin/bash
# Session 12's probes of the MLP baseline (results/mini/probe_s12.csv): can a larger multi-task world model hold
# reacher-easy and the cartpoles together under the plan's loss weights (L_dyn + L_rew)? They ran from a worktree at
# c3cc786 (the benchmark's 8x data, data/mini/dataset, from `pwm-flow-experiment stage=data`), one thread each.
set -e
export OMP_NUM_THREADS=1
POL="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250"
MT="alg=pwm_mini +variant=mlp offline.dataset=data/mini/dataset alg.wm_batch_size=64 alg.wm_loss.rew_coef=1.0 alg.wm_optim.lr_schedule=cosine alg.model.task_dim=16 alg.parity.strict=True threads=1 device=cpu"
# wide: encoder [256], dynamics and reward [256, 256] (250k parameters), annealed over 30k and over 60k iterations
# (at 30k only reacher-easy and cartpole-swingup were run; at 60k also policy seeds 2 and 3 on reacher-easy)
for N in 30000 60000; do
  W="$MT alg.wm_iterations=$N alg.model.encoder_units=[256] alg.model.units=[256,256]"
  pwm-flow-pretrain seed=1 $W checkpoint_every=1000 hydra.run.dir=runs/probe_s12/wide_plan_$N/pretrain
  for t in reacher-easy cartpole-swingup cartpole-balance walker-stand; do
    pwm-flow-train seed=1 $W task=$t offline.world_model=runs/probe_s12/wide_plan_$N/pretrain/world_model.pt $POL hydra.run.dir=runs/probe_s12/wide_plan_$N/policies/$t
  done
done
W="$MT alg.wm_iterations=60000 alg.model.encoder_units=[256] alg.model.units=[256,256]"
for s in 2 3; do
  pwm-flow-train seed=$s $W task=reacher-easy offline.world_model=runs/probe_s12/wide_plan_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/probe_s12/wide_plan_60000/policies_seed$s/reacher-easy
done
# latent 128 (pwm_1M's latent width) at pwm_mini's hidden widths (126k parameters), annealed over 60k iterations;
# policy seeds 2 and 3 on cartpole-swingup and reacher-easy
W="$MT alg.wm_iterations=60000 alg.model.latent_dim=128"
pwm-flow-pretrain seed=1 $W checkpoint_every=1000 hydra.run.dir=runs/probe_s12/latent128_plan_60000/pretrain
for t in reacher-easy cartpole-swingup cartpole-balance walker-stand; do
  pwm-flow-train seed=1 $W task=$t offline.world_model=runs/probe_s12/latent128_plan_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/probe_s12/latent128_plan_60000/policies/$t
done
for t in cartpole-swingup reacher-easy; do for s in 2 3; do
  pwm-flow-train seed=$s $W task=$t offline.world_model=runs/probe_s12/latent128_plan_60000/pretrain/world_model.pt $POL hydra.run.dir=runs/probe_s12/latent128_plan_60000/policies_seed$s/$t
done; done
