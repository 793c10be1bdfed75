# Session 16 (issue 13), from a git worktree of this repository at 9d9d09c (the grid's), in which
# `pwm-flow-experiment stage=pretrain` has trained the MLP world models runs/mini/pretrain/mlp/seed{1,2,3}.
# Data: the benchmark's 8x data (data/mini, `pwm-flow-experiment stage=data`). Evaluations: results/mini/probe_s16.csv.
export MUJOCO_GL=egl OMP_NUM_THREADS=1
RECIPE="alg=pwm_mini +variant=mlp offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"

# 1. The grid's MLP policies, both budgets: exactly the commands `pwm-flow-experiment stage=sweep` runs, for the MLP
#    alone (that stage later finds them finished); one job at a time
for W in 60000 600; do
  F=world_model.pt; [ $W = 600 ] && F=world_model_600.pt
  pwm-flow-train -m hydra/launcher=joblib hydra.launcher.n_jobs=1 seed=1,2,3 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
    $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" iterations=1000 $POLICY \
    hydra.sweep.dir=runs/mini/wm$W 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
done

# 2. reacher-easy's policy learned three times longer (3,000 iterations; the actor's and critic's lr decay linearly
#    over the run, so more slowly) from the same three world models (probe reacher_3000)
pwm-flow-train -m hydra/launcher=joblib hydra.launcher.n_jobs=1 seed=1,2,3 task=reacher-easy $RECIPE \
  'offline.world_model=runs/mini/pretrain/${hydra:runtime.choices.variant}/seed${seed}/world_model.pt' iterations=3000 $POLICY \
  hydra.sweep.dir=runs/probe_s16/iters3000 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'

# 3. Whose seed sets reacher-easy's spread: the policy learned with other seeds on world models 2 and 3 (probe
#    reacher_policy_seed; the world model's seed and the policy's are one `seed` in the grid)
for ws in "2 1,3" "3 1"; do set -- $ws   # (policy seed 2 on world model 3 was stopped unfinished)
  pwm-flow-train -m hydra/launcher=basic seed=$2 task=reacher-easy $RECIPE offline.world_model=runs/mini/pretrain/mlp/seed$1/world_model.pt \
    iterations=1000 $POLICY hydra.sweep.dir=runs/probe_s16/pseed/wm$1 'hydra.sweep.subdir=${task}/seed${seed}'
done
