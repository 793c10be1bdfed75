# Session 31's online walker-stand probe: one row per evaluation (10 deterministic episodes), with the model's imagined
# reward per agent step (mean over the iterations since the previous evaluation) beside the real one (eval_reward / 500)
# and the SAC teacher's own training curve on the same task (results/mini/teachers/walker-stand/curve.csv: evaluations every
# 10,000 agent steps, linearly interpolated; empty outside them).
#   python results/mini/probe_online_s31.py <runs dir> <output csv in results/mini>
import json, sys
from pathlib import Path
import numpy as np, pandas as pd
RUNS, OUT = Path(sys.argv[1]), sys.argv[2]
R = Path(__file__).resolve().parent
sac = pd.read_csv(R / 'teachers/walker-stand/curve.csv')
rows = []
for d in sorted(RUNS.glob('on4_l128_walker_s*')):
    m, info = pd.read_csv(d / 'metrics.csv'), json.loads((d / 'run.json').read_text())
    ev = m.dropna(subset=['eval_reward']).set_index('iteration')
    w = m.groupby(ev.index.values[np.searchsorted(ev.index.values, m.iteration)])[['imagined_reward', 'wm_dyn_loss', 'wm_rew_loss']].mean()
    rows.append(pd.DataFrame(dict(probe=d.name, seed=int(d.name.rsplit('_s', 1)[1]), policy_iteration=ev.index, env_steps=ev.env_steps,
                                  eval_reward=ev.eval_reward.round(2), imagined_reward_per_step=w.imagined_reward.round(4),
                                  real_reward_per_step=(ev.eval_reward / 500).round(4), wm_dyn_loss=w.wm_dyn_loss.round(4),
                                  wm_rew_loss=w.wm_rew_loss.round(4), wall_clock_s=ev.wall_clock.round(1), commit=info['commit'])))
t = pd.concat(rows, ignore_index=True)
t['sac_teacher_eval_reward'] = t.env_steps.map(lambda s: np.interp(s, sac.env_steps, sac.eval_reward, left=np.nan, right=np.nan).round(1))
t.to_csv(R / OUT, index=False)
print(t.drop(columns='commit').to_string(index=False))
