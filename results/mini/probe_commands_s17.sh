# Session 17 (issue 13), from a git worktree of this repository at 9d9d09c (the grid's), in which
# `pwm-flow-experiment stage=pretrain` has trained runs/mini/pretrain/{mlp/seed{1,2,3},heun2/seed1} (it goes on with
# the other variants and seeds). Data: the benchmark's 8x data (data/mini, `pwm-flow-experiment stage=data`).
# Outputs: results/mini/grid_partial.csv (every finished grid run so far), results/mini/grid_partial_latent.csv,
# results/mini/grid_partial_pretrain.csv (each finished pretraining's final losses and plateau check per budget).
export MUJOCO_GL=egl OMP_NUM_THREADS=1
RECIPE="alg=pwm_mini offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"

# 1. The grid's policies for the finished world models, both budgets: exactly the commands `pwm-flow-experiment
#    stage=sweep` runs (that stage later finds them finished), one job at a time. Session 16 ran the MLP's (seeds
#    1-3; the short budget's seed 2 walker-stand and seed 3 finished in this session), session 17 Flow Heun K=2 seed 1.
for W in 60000 600; do
  F=world_model.pt; [ $W = 600 ] && F=world_model_600.pt
  pwm-flow-train -m hydra/launcher=joblib hydra.launcher.n_jobs=1 seed=1 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
    +variant=heun2 $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
    hydra.sweep.dir=runs/mini/wm$W 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
done

# 2. The tables: every finished run as the results stage reads it, and each run's one-step latent error on random
#    actions (the results stage's model-error measurement; below 1: better than "nothing moves")
python - <<'PY'
from pathlib import Path
from pwm_flow.experiment import summarise, model_errors, pretrain_summary, load_benchmark
cfg = load_benchmark('launcher=basic')
runs, _ = summarise([Path('runs/mini/wm60000'), Path('runs/mini/wm600')], cfg.wm_curve_every)
keep = ['wm_iterations', 'task', 'variant', 'variant_config', 'seed', 'status', 'iterations', 'final_reward', 'best_reward',
        'esnr_db_mean', 'esnr_db_last', 'policy_wall_clock_s', 'P_model', 'parity_gap_pct', 'cpu_capability', 'commit']
runs[keep].to_csv('grid_partial.csv', index=False, float_format='%.6g')
err = model_errors(runs, cfg.model_error.episodes, cfg.model_error.seed)
err[(err.actions == 'random') & (err.h == 1)].to_csv('grid_partial_latent.csv', index=False, float_format='%.6g')
pretrain_summary('runs/mini/pretrain', {60000: ['mlp', 'heun2', 'heun4', 'euler2', 'euler1', 'mlp_residual'],
                                        600: ['mlp', 'heun2', 'euler1', 'mlp_residual']}).to_csv('grid_partial_pretrain.csv', index=False, float_format='%.6g')
PY

# 3. reacher-easy's policy learned with other seeds on world model 1 (probe reacher_policy_seed_wm1, as session 16's
#    for world models 2 and 3); every evaluation in results/mini/probe_s17.csv
for s in 2 3; do
  pwm-flow-train -m hydra/launcher=basic seed=$s task=reacher-easy +variant=mlp $RECIPE offline.world_model=runs/mini/pretrain/mlp/seed1/world_model.pt \
    $POLICY hydra.sweep.dir=runs/probe_s16/pseed/wm1 'hydra.sweep.subdir=${task}/seed${seed}'
done
