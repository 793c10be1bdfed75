# Session 29 (issue 13). Same AVX2 machine as sessions 27-28, its data (data/mini/dataset, equal to the committed
# data.csv) still there; run from session 28's worktree at 848b251 (git worktree add --detach /work/wt28 848b251), one
# core each, at the same time. Two recipe candidates for the MLP alone, seed 1 (both in benchmark.recipe_sweep since
# 00418eb, so `pwm-flow-experiment stage=recipe` runs them from the start with the others):
export MUJOCO_GL=egl OMP_NUM_THREADS=1
probe() {  # probe <candidate> <recipe overrides>
  cd /work/wt28
  local RECIPE="alg=pwm_mini offline.dataset=/work/main/data/mini/dataset alg.wm_optim.encoder_lr_scale=1.0 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True $2"
  local POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
  PYTHONPATH=/work/wt28 pwm-flow-pretrain -m hydra/launcher=basic seed=1 +variant=mlp $RECIPE checkpoint_every=500 threads=1 device=cpu \
    hydra.sweep.dir=runs/s29/$1/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  PYTHONPATH=/work/wt28 pwm-flow-train -m hydra/launcher=basic seed=1 task=cartpole-swingup,walker-stand,reacher-easy,cartpole-balance \
    +variant=mlp $RECIPE "offline.world_model=runs/s29/$1/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/world_model.pt" $POLICY \
    hydra.sweep.dir=runs/s29/$1/policies 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
# 1. plan_const_l128_b256_60k: session 28's constant-rate batch-256 world model continued from its 30,000-iteration
#    checkpoint to 60,000. Under a constant rate nothing in the first 30,000 updates depends on the budget, and the
#    checkpoint holds the optimiser, the data sampler's generator and the random states, so this is the computation a
#    60,000-iteration run from the start makes (a killed pretraining resumes to the uninterrupted run's rows: tests/test_ddp.py).
#    The checkpoint's recorded budget is changed to 60,000, its metrics copied:
S=runs/s28/plan_const_l128_b256/pretrain/mlp/seed1 D=runs/s29/plan_const_l128_b256_60k/pretrain/mlp/seed1
cd /work/wt28 && mkdir -p $D && cp $S/metrics.csv $D/ && python -c "
import torch; c = torch.load('$S/checkpoint.pt', weights_only=False); c['config']['alg']['wm_iterations'] = 60000; torch.save(c, '$D/checkpoint.pt')"
probe plan_const_l128_b256_60k "alg.wm_iterations=60000 alg.wm_optim.lr_schedule=constant alg.wm_batch_size=256" &
# 2. plan_cos_l128_obsnorm: the recipe (60,000 x 64, cosine) with observations standardised by the pretraining data's
#    statistics before the encoder (alg.model.obs_norm=true; no learned parameter, so parity holds unchanged):
probe plan_cos_l128_obsnorm "alg.wm_iterations=60000 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.model.obs_norm=true" &
wait
# 3. Policy seeds 2 and 3 on the constant-rate model (world-model seed 1), one core each, to see how much of its
#    rewards is the policy's draw:
seeds() {
  cd /work/wt28
  PYTHONPATH=/work/wt28 pwm-flow-train -m hydra/launcher=basic seed=$1 task=cartpole-swingup,walker-stand,reacher-easy,cartpole-balance +variant=mlp \
    alg=pwm_mini offline.dataset=/work/main/data/mini/dataset alg.wm_optim.encoder_lr_scale=1.0 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 \
    alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True alg.wm_iterations=60000 alg.wm_optim.lr_schedule=constant alg.wm_batch_size=256 \
    offline.world_model=runs/s29/plan_const_l128_b256_60k/pretrain/mlp/seed1/world_model.pt \
    mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu \
    hydra.sweep.dir=runs/s29/plan_const_l128_b256_60k_policy_seeds 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
seeds 2 & seeds 3 & wait
# Their rows of results/mini/recipe_sweep.csv and recipe_curves.csv (the library's recipe_tables), the constant-rate
# model's plateau check at 36,000 and 48,000 iterations too, and probe_s29.csv (per-policy rows: final and best reward,
# ESNR, one-step latent error on random actions, walker-stand's imagined reward):
cd /work/main && python results/mini/probe_tables.py /work/wt28/runs/s29 probe_s29.csv plan_const_l128_b256_60k:60000,48000,36000 plan_cos_l128_obsnorm:60000
