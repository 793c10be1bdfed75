# Session 18 (issue 13). The machine of sessions 14-17 was gone at this session's start, and with it every run
# folder: the grid's 32 finished policy runs survive only as the rows of grid_partial*.csv (cpu_capability AVX2).
# From a new git worktree at 9d9d09c (the grid's commit) on this machine (an AVX-512 CPU), with this repository's
# .venv (PATH=.../.venv/bin PYTHONPATH=<worktree>); every row this session added has cpu_capability AVX512.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 0. The data again, from the committed teacher snapshots (24 minutes on one core). The data.csv it writes differs
#    from the committed one only in the teachers' collections, by floating-point rounding amplified over episodes:
#    random episodes identical, collection means within 4.7 (walker-stand's teacher at sigma 0.3, 945.3 vs 940.6)
pwm-flow-experiment stage=data jobs=1

# 1. Grid cells, exactly the commands `pwm-flow-experiment stage=pretrain` and `stage=sweep` run for them:
#    mlp_residual seeds 1, 2 (both budgets) and 3 (60k), mlp seed 1 again (both budgets), one job at a time per core
RECIPE="alg=pwm_mini offline.dataset=data/mini/dataset alg.wm_iterations=60000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
for cell in mlp_residual:1 mlp:1 mlp_residual:2 mlp_residual:3; do
  V=${cell%:*} S=${cell#*:}
  pwm-flow-pretrain -m hydra/launcher=basic seed=$S +variant=$V $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 threads=1 device=cpu \
    hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  for W in 60000 600; do
    F=world_model.pt; [ $W = 600 ] && F=world_model_600.pt
    pwm-flow-train -m hydra/launcher=basic seed=$S task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand \
      +variant=$V $RECIPE "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
      hydra.sweep.dir=runs/mini/wm$W 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
  done
done

# 2. The tables: this machine's finished runs added to results/mini/grid_partial*.csv (the earlier rows kept), the
#    pretraining curves (grid_partial_pretrain_curves.csv) and the finished world models (results/mini/world_models/);
#    REPO is the checkout that commits them (not the worktree, whose results/ is the grid commit's)
REPO=/path/to/pwm_flow python - <<'PY'
from pathlib import Path
import os, pandas as pd, torch
from pwm_flow.experiment import summarise, model_errors, pretrain_summary, load_benchmark
R, CPU = Path(os.environ['REPO']) / 'results' / 'mini', torch.backends.cpu.get_cpu_capability()
def merge(new, name, key):
    old = pd.read_csv(R / name)
    if 'cpu_capability' not in old: old['cpu_capability'] = 'AVX2'  # every earlier row: sessions 16-17's one machine
    new = new.assign(cpu_capability=CPU)
    both = pd.concat([old, new]).drop_duplicates(key + ['cpu_capability'], keep='last').sort_values(key + ['cpu_capability'])
    both.to_csv(R / name, index=False, float_format='%.6g'); print(name, len(old), '->', len(both))
cfg = load_benchmark('launcher=basic')
runs, _ = summarise([p for p in (Path('runs/mini/wm60000'), Path('runs/mini/wm600')) if p.exists()], cfg.wm_curve_every)
runs = runs[runs.status == 'finished']
keep = ['wm_iterations', 'task', 'variant', 'variant_config', 'seed', 'status', 'iterations', 'final_reward', 'best_reward',
        'esnr_db_mean', 'esnr_db_last', 'policy_wall_clock_s', 'P_model', 'parity_gap_pct', 'commit']
merge(runs[keep], 'grid_partial.csv', ['wm_iterations', 'variant_config', 'seed', 'task'])
err = model_errors(runs, cfg.model_error.episodes, cfg.model_error.seed)
merge(err[(err.actions == 'random') & (err.h == 1)], 'grid_partial_latent.csv', ['wm_iterations', 'variant_config', 'seed', 'task'])
pre = pretrain_summary('runs/mini/pretrain', {60000: ['mlp', 'heun2', 'heun4', 'euler2', 'euler1', 'mlp_residual'],
                                              600: ['mlp', 'heun2', 'euler1', 'mlp_residual']})
merge(pre, 'grid_partial_pretrain.csv', ['variant_config', 'seed', 'wm_iterations'])
# each finished pretraining's loss curve (means over 250 iterations: the plateau's record), and its world models,
# committed so that a lost machine loses no pretraining (results/mini/world_models/<variant>/seed<seed>/)
import shutil
from pwm_flow.runs import run_summary
curves = []
for d in sorted(p.parent for p in Path('runs/mini/pretrain').rglob('run.json')):
    if not (d / 'world_model.pt').exists(): continue
    curves.append(run_summary(d, cfg.wm_curve_every)[1][['variant', 'variant_config', 'seed', 'iteration', 'wall_clock', 'wm_loss', 'wm_dyn_loss', 'wm_rew_loss']])
    out = R / 'world_models' / d.parent.name / d.name; out.mkdir(parents=True, exist_ok=True)
    for f in d.glob('world_model*.pt'): shutil.copy(f, out / f.name)
merge(pd.concat(curves), 'grid_partial_pretrain_curves.csv', ['variant_config', 'seed', 'iteration']) if (R / 'grid_partial_pretrain_curves.csv').exists() else \
    pd.concat(curves).assign(cpu_capability=CPU).to_csv(R / 'grid_partial_pretrain_curves.csv', index=False, float_format='%.6g')
PY
