"""Session 15's walker-stand action diagnosis (results/mini/probe_walker_actions.csv): how saturated the actions are at
down states (torso height, observation 14, below 0.6) and at up states, for the real episodes of each policy file
written by `pwm-flow-train` (10 deterministic episodes, seed 0) and for each walker-stand collection of a data folder.
Saturated: |a_i| > 0.95 for one action component; all saturated: |a_i| > 0.9 for all six.
Usage: python probe_walker_actions_s15.py OUT.csv [NAME=POLICY.pt ...] [--data COLLECT_DIR ...]"""
import sys
from pathlib import Path
import pandas as pd
from pwm_flow.data import load_dataset
from pwm_flow.model_error import policy_episodes

DOWN = 0.6

def rows(source: str, action, height) -> list[dict]:
    out = []
    for name, sel in (('down', height < DOWN), ('up', height >= DOWN)):
        a = action[sel].abs()
        out.append(dict(source=source, states=name, steps=len(a), mean_abs_action=a.mean().item(),
                        component_saturated=(a > 0.95).float().mean().item(), all_saturated=(a > 0.9).all(-1).float().mean().item()))
    return out

out, *args = sys.argv[1:]
policies, dirs = (args[:args.index('--data')], args[args.index('--data') + 1:]) if '--data' in args else (args, [])
table = []
for arg in policies:
    name, path = arg.split('=', 1)
    e = policy_episodes(path, episodes=10)[2]['policy']
    table += rows(f'policy:{name}', e['action'][:, 1:, :6], e['obs'][:, :-1, 14])
for d in dirs:
    for folder in sorted(p for p in Path(d).iterdir() if p.is_dir() and p.name.startswith('walker-stand')):
        c = load_dataset(folder)
        table += rows(f'data:{folder.name}', c['action'][:, 1:, :6], c['obs'][:, :-1, 14])
pd.DataFrame(table).round(4).to_csv(out, index=False)
print(pd.DataFrame(table).round(3).to_string())
