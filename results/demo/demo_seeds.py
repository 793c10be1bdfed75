"""The demo's spread over seeds: one row per (seed, variant) from the finished `pwm-flow-demo seed=N
hydra.run.dir=<root>/seedN` folders under <root> (commands in demo_seeds.sh), with random and zero actions on the
same evaluation episodes. Task, seed, episodes and labels come from each run's run.json, as in the demo's report.
Usage: python results/demo/demo_seeds.py <root> [out.csv]; prints the per-variant summary."""
import sys
from pathlib import Path
import pandas as pd
from pwm_flow.builders import variant_label
from pwm_flow.core import EVAL_SEED_OFFSET
from pwm_flow.report import baseline_rewards, summary
from pwm_flow.runs import read_run

root, out = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent / 'demo_seeds.csv')
rows = []
for report in root.glob('seed*/report/report.md'):  # a demo writes its report once both variants have finished
    runs = {d.name: d for d in report.parent.parent.iterdir() if (d / 'run.json').exists()}
    cfgs = {alg: read_run(d)[1]['config'] for alg, d in runs.items()}
    c = next(iter(cfgs.values()))
    base = baseline_rewards(c['task'], c['eval_episodes'], c['seed'] + EVAL_SEED_OFFSET)
    t = summary({f"{variant_label(cfgs[alg]['alg'])} ({alg})": d for alg, d in runs.items()})
    rows += [dict(seed=c['seed'], variant=r['variant'], final_reward=r['final reward'], best_reward=r['best reward'],
                  esnr_db_last=r['ESNR dB (last 25%)'], random_policy=base['random policy'], zero_action=base['zero action'],
                  wall_clock_s=r['wall-clock s']) for _, r in t.iterrows()]
df = pd.DataFrame(rows).sort_values(['seed', 'variant'], ascending=[True, False]).round(3)
df.to_csv(out, index=False)
print(f"{out}: {df.seed.nunique()} seeds")
for v, g in df.groupby('variant'):
    f = g.final_reward
    print(f"{v}: final mean {f.mean():.1f} (sd {f.std():.1f}, min {f.min():.1f}, max {f.max():.1f}, median {f.median():.1f}); "
          f"best mean {g.best_reward.mean():.1f}; above zero action in {(f > g.zero_action).sum()} of {len(g)}; "
          f"ESNR dB mean {g.esnr_db_last.mean():.2f}")
b = df.drop_duplicates('seed')
print(f"random policy {b.random_policy.mean():.1f} (range {b.random_policy.min():.1f}-{b.random_policy.max():.1f}), "
      f"zero action {b.zero_action.mean():.1f} (range {b.zero_action.min():.1f}-{b.zero_action.max():.1f})")
mlp, flow = sorted(df.variant.unique(), key=lambda v: v.startswith('Flow'))
for col, what in (('final_reward', 'final reward'), ('esnr_db_last', 'ESNR')):
    w = df.pivot(index='seed', columns='variant', values=col)
    print(f"{flow}'s {what} above {mlp}'s in {(w[flow] > w[mlp]).sum()} of {len(w)} seeds")
