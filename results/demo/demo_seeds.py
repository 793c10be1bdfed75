"""The demo's spread over seeds: one row per (seed, variant) from `pwm-flow-demo seed=N hydra.run.dir=<root>/seedN`
folders that hold a report (commands in demo_seeds.sh), with the random and zero-action baselines on the same evaluation episodes.
Usage: python results/demo/demo_seeds.py <root> [out.csv]; prints the per-variant summary."""
import sys
from pathlib import Path
import pandas as pd
from pwm_flow.core import EVAL_SEED_OFFSET
from pwm_flow.report import baseline_rewards, summary

root, out = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent / 'demo_seeds.csv')
rows = []
for d in sorted(root.glob('seed*'), key=lambda p: int(p.name[4:])):
    if not (d / 'report' / 'report.md').exists(): continue  # a demo still running, or killed
    seed = int(d.name[4:])
    base = baseline_rewards('cartpole-balance', 10, seed + EVAL_SEED_OFFSET)
    t = summary({'MLP (pwm_tiny)': d / 'pwm_tiny', 'Flow Heun K=2 (pwm_tiny_flow)': d / 'pwm_tiny_flow'})
    rows += [dict(seed=seed, variant=r['variant'], final_reward=r['final reward'], best_reward=r['best reward'],
                  esnr_db_last=r['ESNR dB (last 25%)'], random_policy=base['random policy'], zero_action=base['zero action'],
                  wall_clock_s=r['wall-clock s']) for _, r in t.iterrows()]
df = pd.DataFrame(rows).round(3)
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
for col, what in (('final_reward', 'final reward'), ('esnr_db_last', 'ESNR')):
    w = df.pivot(index='seed', columns='variant', values=col)
    print(f"Flow's {what} above the MLP's in {(w['Flow Heun K=2 (pwm_tiny_flow)'] > w['MLP (pwm_tiny)']).sum()} of {len(w)} seeds")
