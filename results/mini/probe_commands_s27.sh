# Session 27 (issue 13). A new machine with nothing of sessions 20-26's (no worktree, data or run folders), so no run
# was resumed or restored; the grid's record is the committed tables. Run from this repository with its .venv.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 0. The grid's tables under the benchmark's names (git mv; the rows are unchanged): grid_partial.csv -> runs.csv,
#    grid_partial_latent.csv -> model_error.csv (random actions, h = 1, the rows the latent-error check reads),
#    grid_partial_pretrain.csv -> pretrain.csv, grid_partial_pretrain_curves.csv -> pretrain_curves.csv,
#    aggregate_partial.csv -> aggregate.csv. The files of sessions 7-26 name the old paths.

# 1. aggregate.csv and competence.csv: the library's `aggregate` and `competence` over the complete grid (the AVX512
#    rows: one machine, one dataset), teacher rewards from teachers.csv; 6 min of one core. With this session's fix
#    (aggregate seeds NumPy's global generator, which rliable's bootstraps draw from) it repeats exactly; against
#    session 26's aggregate_partial.csv the point estimates agree to 0.0001 and interval bounds moved by <= 0.028.
python - <<'PY'
import pandas as pd
from pwm_flow.experiment import aggregate, competence
R = 'results/mini/'
runs = pd.read_csv(R + 'runs.csv'); runs = runs[runs.cpu_capability == 'AVX512']
teacher = pd.read_csv(R + 'teachers.csv').set_index('task').teacher_reward.to_dict()
a = aggregate(runs, teacher)
seeds = runs[runs.status == 'finished'].groupby(['wm_iterations', 'variant']).seed.nunique().rename('seeds').reset_index()
a.merge(seeds, on=['wm_iterations', 'variant']).round(4).to_csv(R + 'aggregate.csv', index=False)
competence(runs, teacher).round(4).to_csv(R + 'competence.csv', index=False)
PY

# 2. references.csv: random and zero actions on each run seed's 10 evaluation episodes (1.5 min of one core), and
#    the published figures of PWM (MT30) and TD-MPC2 (single-task, 1M steps) for these tasks.
python - <<'PY'
# Reference rewards beside the grid's policies: uniformly random and zero actions on each seed's 10 evaluation
# episodes (the episodes the policies of that seed were evaluated on), then the published per-task figures.
import pandas as pd
from pwm_flow.core import EVAL_SEED_OFFSET
from pwm_flow.report import baseline_rewards
TASKS = ['cartpole-balance', 'cartpole-swingup', 'reacher-easy', 'walker-stand']
rows = [dict(task=t, reference=name, seed=s, reward=r, source=f'measured: 10 evaluation episodes of run seed {s}')
        for t in TASKS for s in (1, 2, 3) for name, r in baseline_rewards(t, 10, s + EVAL_SEED_OFFSET).items()]
published = {'PWM MT30': ([999.7, 896.6, 991.7, 995.4], "published: PWM's multi-task (MT30) world model, its released results file, 1 run"),
             'TD-MPC2 1M': ([975, 876, 983, 991], 'published: TD-MPC2 single-task, 1M environment steps, mean of 3 seeds')}
rows += [dict(task=t, reference=name, seed=None, reward=r, source=src)
         for name, (rs, src) in published.items() for t, r in zip(TASKS, rs)]
pd.DataFrame(rows).to_csv('results/mini/references.csv', index=False, float_format='%.6g')
print(pd.DataFrame(rows).groupby(['task', 'reference']).reward.mean().unstack().round(1).to_string())
PY

# 3. Notebook 20 from those files alone (seconds)
make results

# 4. A probe of the plateau rule (this machine: AVX2). The data again from the committed teacher snapshots (its
#    data.csv equals the committed one), a second process collecting in reverse order until the two met:
mkdir -p /work/s27/res/mini && cp -r results/mini/teachers /work/s27/res/mini/
pwm-flow-experiment stage=data results_dir=/work/s27/res/mini &
python - <<'PY'
import subprocess
from pwm_flow.experiment import collect_commands, load_benchmark
for cmd in reversed(list(collect_commands(load_benchmark('results_dir=/work/s27/res/mini')).values())):
    if subprocess.run(cmd).returncode: break  # met the other process (a locked collection folder)
PY
wait
#    Then, one core per seed (1 and 2): the MLP world model under the benchmark's recipe but PWM's constant learning
#    rate (alg.wm_optim.lr_schedule=constant), and its four policies exactly as the grid's.
RECIPE="alg=pwm_mini offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=constant alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
for S in 1 2; do (
  pwm-flow-pretrain -m hydra/launcher=basic seed=$S +variant=mlp $RECIPE checkpoint_every=500 threads=1 device=cpu \
    hydra.sweep.dir=runs/s27/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  pwm-flow-train -m hydra/launcher=basic seed=$S task=cartpole-swingup,walker-stand,reacher-easy,cartpole-balance \
    +variant=mlp $RECIPE "offline.world_model=runs/s27/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/world_model.pt" $POLICY \
    hydra.sweep.dir=runs/s27/wm60000 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
) & done; wait
#    The record: probe_s27_constant_lr.csv (plateau check at 30k, 48k and 60k -- a constant rate makes a prefix a valid
#    shorter budget -- and each policy's rewards, ESNR and one-step latent error on random actions) and
#    probe_s27_constant_lr_curves.csv; the world models in results/mini/world_models/mlp_constant_lr/seed<S>/.
python - <<'PY'
# the constant-learning-rate probe's record: plateau check and loss curve of each world model, its policies' rewards,
# ESNR and one-step latent error (random actions), beside the grid's cosine MLP of the same seed
import pandas as pd, torch
from pathlib import Path
from pwm_flow.experiment import summarise, pretrain_summary, model_errors
from pwm_flow.runs import run_summary
R = Path('/work/main/results/mini')
pre = pretrain_summary('runs/s27/pretrain', {60000: ['mlp'], 48000: ['mlp'], 30000: ['mlp']})
cols = ['variant', 'seed', 'wm_iterations', 'wm_dyn_loss', 'wm_rew_loss', 'dyn_change_last20_pct', 'plateau', 'wall_clock_s', 'commit']
pre = pre[cols].assign(lr_schedule='constant', cpu_capability=torch.backends.cpu.get_cpu_capability())
print(pre.round(4).to_string(index=False))
curves = pd.concat([run_summary(d, 250)[1][['variant', 'seed', 'iteration', 'wall_clock', 'wm_loss', 'wm_dyn_loss', 'wm_rew_loss']]
                    for d in sorted(p.parent for p in Path('runs/s27/pretrain').rglob('run.json'))])
curves.to_csv(R / 'probe_s27_constant_lr_curves.csv', index=False, float_format='%.6g')
rows = [pre.assign(kind='pretrain')]
if Path('runs/s27/wm60000').exists():
    runs, _ = summarise(['runs/s27/wm60000'], 250)
    runs = runs[runs.status == 'finished']
    if len(runs):
        err = model_errors(runs, 4, 0, progress=False)
        err = err[(err.actions == 'random') & (err.h == 1)][['task', 'seed', 'latent_rel_err']]
        pol = runs[['task', 'variant', 'seed', 'final_reward', 'best_reward', 'esnr_db_mean', 'policy_wall_clock_s', 'commit']].merge(err, on=['task', 'seed'])
        print(pol.round(3).to_string(index=False))
        rows.append(pol.assign(kind='policy', wm_iterations=60000, lr_schedule='constant', cpu_capability=pre.cpu_capability.iloc[0]))
pd.concat(rows).to_csv(R / 'probe_s27_constant_lr.csv', index=False, float_format='%.6g')
PY
