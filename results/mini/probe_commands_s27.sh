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
