#!/bin/bash
# Session 14's runs of the MLP baseline under the benchmark's recipe (results/mini/probe_s14.csv, probe_s14_wm.csv),
# from a worktree at 9d9d09c (the benchmark's 8x data, data/mini/dataset), one thread each, two runs on two cores.
set -e
export OMP_NUM_THREADS=1
R="alg=pwm_mini +variant=mlp offline.dataset=data/mini/dataset alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POL="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
# World-model seeds 2 and 3 of the recipe (plan_cos_l128, 60k iterations): the grid's own MLP pretraining and
# policy commands (`pwm-flow-experiment stage=all` reuses these folders), restricted to +variant=mlp and one seed.
for s in 2 3; do
  pwm-flow-pretrain -m hydra/launcher=basic seed=$s $R alg.wm_iterations=60000 'offline.wm_snapshots=[600]' checkpoint_every=500 threads=1 device=cpu hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  pwm-flow-train -m hydra/launcher=basic seed=$s task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand $R alg.wm_iterations=60000 'offline.world_model=runs/mini/pretrain/${hydra:runtime.choices.variant}/seed${seed}/world_model.pt' $POL hydra.sweep.dir=runs/mini/wm60000 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
done
# The plateau probe: the recipe at twice the budget (120k), the rate annealed to 0.1 at 80% and held to the end.
H="$R alg.wm_iterations=120000 alg.wm_optim.lr_floor=0.1 alg.wm_optim.lr_hold=0.2"
pwm-flow-pretrain seed=1 $H checkpoint_every=1000 threads=1 device=cpu hydra.run.dir=runs/probe_s14/plan_l128_hold_120k/pretrain
pwm-flow-train -m hydra/launcher=basic seed=1 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand $H offline.world_model=runs/probe_s14/plan_l128_hold_120k/pretrain/world_model.pt $POL hydra.sweep.dir=runs/probe_s14/plan_l128_hold_120k/policies 'hydra.sweep.subdir=${task}/seed${seed}'
