# The tables of a session's recipe-candidate probe (MLP alone), run outside the benchmark's runs folder:
#   python results/mini/probe_tables.py <runs dir> <output csv> <candidate>:<budget>[,<budget>...] ...
# Each candidate's folder <runs dir>/<candidate> holds pretrain/ and policies/ (and, optionally, <candidate>_policy_seeds
# beside it: more policy seeds on the same world model). Writes the candidates' rows of recipe_sweep.csv and
# recipe_curves.csv (the library's recipe_tables; rows of other candidates are kept, and rows older than the obs_norm
# column get it at its default, false, with which every one of them ran) and <output csv>: each world model's plateau
# check at each budget named (a prefix of a constant-rate run is a valid shorter budget; of a cosine one it is not) and
# each policy's final and best reward, ESNR, one-step latent error on random actions and the model's imagined reward per
# agent step over the last 100 iterations (the real one is final_reward / 500).
import sys
from pathlib import Path
import pandas as pd
from omegaconf import OmegaConf
from pwm_flow.experiment import load_benchmark, model_errors, pretrain_summary, recipe_tables, summarise
R, RUNS, OUT = Path(__file__).resolve().parent, Path(sys.argv[1]), sys.argv[2]
NAMES = {n: [int(b) for b in budgets.split(',')] for n, budgets in (a.split(':') for a in sys.argv[3:])}
(RUNS / 'recipe').mkdir(exist_ok=True)  # recipe_tables reads <runs_dir>/recipe/<candidate>
for n in NAMES:
    if not (RUNS / 'recipe' / n).exists(): (RUNS / 'recipe' / n).symlink_to(RUNS / n)
cfg = load_benchmark(f'runs_dir={RUNS}', f'results_dir={R}')
OmegaConf.set_struct(cfg, False)
cfg.benchmark.recipe_sweep.candidates = {n: cfg.benchmark.recipe_sweep.candidates[n] for n in NAMES}
t = recipe_tables(cfg)
print(t['recipe_sweep'].round(4).T.to_string())
sweep = pd.read_csv(R / 'recipe_sweep.csv')
if 'obs_norm' not in sweep: sweep.insert(sweep.columns.get_loc('latent_dim') + 1, 'obs_norm', False)
sweep = pd.concat([sweep[~sweep.candidate.isin(NAMES)], t['recipe_sweep']]).sort_values('normalised_mean', ascending=False, ignore_index=True)
sweep.to_csv(R / 'recipe_sweep.csv', index=False, float_format='%.6g')
curves = pd.read_csv(R / 'recipe_curves.csv')
pd.concat([curves[~curves.candidate.isin(NAMES)], t['recipe_curves']]).to_csv(R / 'recipe_curves.csv', index=False, float_format='%.6g')
rows = []
for n, budgets in NAMES.items():
    pre = pretrain_summary(RUNS / n / 'pretrain', {W: ['mlp'] for W in budgets}).drop(columns='run_dir')
    runs, _ = summarise([RUNS / n / 'policies'] + [d for d in [RUNS / f'{n}_policy_seeds'] if d.exists()], cfg.wm_curve_every)
    runs['imagined_reward_last100'] = [pd.read_csv(Path(d) / 'metrics.csv').imagined_reward.dropna().tail(100).mean() for d in runs.run_dir]
    err = model_errors(runs, cfg.model_error.episodes, cfg.model_error.seed, progress=False)
    err = err[(err.actions == 'random') & (err.h == 1)][['task', 'seed', 'latent_rel_err']]
    pol = runs[['task', 'variant', 'seed', 'final_reward', 'best_reward', 'esnr_db_mean', 'policy_wall_clock_s', 'imagined_reward_last100',
                'cpu_capability', 'commit']].merge(err, on=['task', 'seed'])
    rows += [pre.assign(candidate=n, kind='pretrain'), pol.assign(candidate=n, kind='policy', wm_iterations=budgets[0])]
out = pd.concat(rows, ignore_index=True)
out = out[['candidate', 'kind'] + [c for c in out.columns if c not in ('candidate', 'kind')]]
out.to_csv(R / OUT, index=False, float_format='%.6g')
print(out.round(3).to_string(index=False))
