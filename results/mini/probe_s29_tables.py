# Session 29's recipe candidates (MLP alone, seed 1): the constant-rate batch-256 world model of session 28 continued
# from 30,000 to 60,000 iterations (plan_const_l128_b256_60k), and the recipe with standardised observations
# (plan_cos_l128_obsnorm). Their rows of recipe_sweep.csv and recipe_curves.csv by the library's recipe_tables (the
# older rows gain the obs_norm column: every one of them ran without it, the default), and probe_s29.csv: each world
# model's plateau check (the constant-rate one also at 36,000 and 48,000 iterations, valid shorter budgets under a
# constant rate) and each policy's final and best reward, ESNR, one-step latent error on random actions and imagined
# reward per step (the constant-rate model's policies also with policy seeds 2 and 3, on the same world model, seed 1).
from pathlib import Path
import pandas as pd
from omegaconf import OmegaConf
from pwm_flow.experiment import load_benchmark, model_errors, pretrain_summary, recipe_tables, summarise
R, RUNS = Path('/work/main/results/mini'), Path('/work/wt28/runs/s29')
NAMES = {'plan_const_l128_b256_60k': [60000, 48000, 36000], 'plan_cos_l128_obsnorm': [60000]}
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
    # the world model's reward per agent step along the policy's own imagination (last 100 iterations); the real one is final_reward / 500
    runs['imagined_reward_last100'] = [pd.read_csv(Path(d) / 'metrics.csv').imagined_reward.dropna().tail(100).mean() for d in runs.run_dir]
    err = model_errors(runs, cfg.model_error.episodes, cfg.model_error.seed, progress=False)
    err = err[(err.actions == 'random') & (err.h == 1)][['task', 'seed', 'latent_rel_err']]
    pol = runs[['task', 'variant', 'seed', 'final_reward', 'best_reward', 'esnr_db_mean', 'policy_wall_clock_s', 'imagined_reward_last100', 'cpu_capability', 'commit']].merge(err, on=['task', 'seed'])
    rows += [pre.assign(candidate=n, kind='pretrain'), pol.assign(candidate=n, kind='policy', wm_iterations=budgets[0])]
out = pd.concat(rows, ignore_index=True)
out = out[['candidate', 'kind'] + [c for c in out.columns if c not in ('candidate', 'kind')]]
out.to_csv(R / 'probe_s29.csv', index=False, float_format='%.6g')
print(out.round(3).to_string(index=False))
