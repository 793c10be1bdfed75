# Session 33's cartpole-swingup probe: the grid's committed world models (MLP, the residual control and Flow Heun K=2,
# seeds 1-3), each with policies of new seeds. One row per evaluation (10 deterministic episodes of that policy seed), with the
# model's imagined reward per agent step (mean over the iterations since the previous evaluation); on stdout, the final
# rewards beside the grid's own policy of each world model, and per variant their mean, spread and count above the bar.
#   python results/mini/probe_s33.py <runs dir> <output csv in results/mini>
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
RUNS, OUT = Path(sys.argv[1]), sys.argv[2]
R = Path(__file__).resolve().parent
bar = 0.8 * pd.read_csv(R / 'teachers.csv').set_index('task').teacher_reward['cartpole-swingup']
rows = []
for d in sorted(RUNS.glob('*/wm*_pol*')):
    m, info = pd.read_csv(d / 'metrics.csv'), json.loads((d / 'run.json').read_text())
    ev = m.dropna(subset=['eval_reward']).set_index('iteration')
    w = m.groupby(ev.index.values[np.searchsorted(ev.index.values, m.iteration)]).imagined_reward.mean()
    wm, pol = d.name.removeprefix('wm').split('_pol')
    rows.append(pd.DataFrame(dict(variant=d.parent.name, wm_seed=int(wm), policy_seed=int(pol), status=info['status'],
                                  policy_iteration=ev.index, eval_reward=ev.eval_reward.round(3),
                                  imagined_reward_per_step=w.round(4), real_reward_per_step=(ev.eval_reward / 500).round(4),
                                  cpu_capability=info['cpu_capability'], commit=info['commit'])))
t = pd.concat(rows, ignore_index=True)
t.to_csv(R / OUT, index=False)
# with the grid's own policy of each world model (policy seed = world-model seed; runs.csv, AVX512 rows): nine per variant
grid = pd.read_csv(R / 'runs.csv').query("wm_iterations == 60000 and cpu_capability == 'AVX512' and task == 'cartpole-swingup'")
label = {'mlp': 'MLP', 'mlp_residual': 'MLP residual', 'heun2': 'Flow Heun K=2'}
new = t[(t.policy_iteration == t.policy_iteration.max()) & (t.policy_seed != t.wm_seed)]
final = pd.concat([new.assign(variant=new.variant.map(label))[['variant', 'wm_seed', 'policy_seed', 'eval_reward']],
                   grid[grid.variant.isin(label.values())].assign(wm_seed=grid.seed, policy_seed=grid.seed, eval_reward=grid.final_reward)
                   [['variant', 'wm_seed', 'policy_seed', 'eval_reward']]])
print(final.pivot_table(index=['variant', 'wm_seed'], columns='policy_seed', values='eval_reward').round(1).to_string())
print(final.groupby('variant').eval_reward.agg(['mean', 'std', 'count', ('above_bar', lambda r: (r >= bar).sum())]).round(1).to_string())
