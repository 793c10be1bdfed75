# Session 33's cartpole-swingup probe: the grid's committed world models (MLP and the residual control, seeds 1-3),
# each with policies of new seeds. One row per evaluation (10 deterministic episodes of that policy seed), with the
# model's imagined reward per agent step (mean over the iterations since the previous evaluation), then a summary per
# variant and world-model seed on stdout.
#   python results/mini/probe_s33.py <runs dir> <output csv in results/mini>
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
RUNS, OUT = Path(sys.argv[1]), sys.argv[2]
R = Path(__file__).resolve().parent
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
last = t[t.policy_iteration == t.policy_iteration.max()]
print(last.pivot_table(index=['variant', 'wm_seed'], columns='policy_seed', values='eval_reward').round(1).to_string())
print(last.groupby('variant').eval_reward.agg(['mean', 'std', 'count', lambda r: (r >= 0.8 * 877.748).mean()]).round(3).to_string())
