"""`pwm-flow-experiment` end to end on a tiny benchmark: teachers and data, pretraining, the sweeps at two budgets (basic
and submitit_local launchers), CSV summaries; re-running skips finished runs, a killed pretraining resumes from its
checkpoint, and the data resumes after the results folder moves."""
import json, os, shutil, signal, subprocess, sys, textwrap, time
from pathlib import Path
import pandas as pd
import pytest

pytest.importorskip('hydra_plugins.hydra_submitit_launcher')
BIN = Path(sys.executable).parent
ENV = {**os.environ, 'MUJOCO_GL': os.environ.get('MUJOCO_GL', 'egl'), 'OMP_NUM_THREADS': '1', 'HYDRA_FULL_ERROR': '0'}
# A benchmark of seconds: one task, tiny widths, 2 + 2 iterations, one evaluation episode.
TINY_ALG = """\
model: {latent_dim: 16, encoder_units: [32], units: [32, 32], task_dim: 4}
actor: {units: [32]}
critic: {units: [32]}
batch_size: 16
wm_batch_size: 16
horizon: 4
policy: {critic_iterations: 1, critic_batches: 2}
esnr: {M: 4, every: 1}"""
BENCHMARK = f"""
name: tiny
tasks: [cartpole-balance]
policy_tasks: ${{benchmark.tasks}}
alg: pwm_mini
variants: [mlp, heun2]
seeds: [1]
recipe:
  wm_iterations: 4
  parity: {{strict: true}}
{textwrap.indent(TINY_ALG, '  ')}
short: {{wm_iterations: 2, variants: [mlp]}}
recipe_sweep:
  seeds: [1]
  candidates: {{plan: {{model: {{obs_norm: false}}}}, rew0.1: {{wm_loss: {{rew_coef: 0.1}}, model: {{obs_norm: true}}}}}}
data:
  dir: data/tiny
  seed: 1
  random_episodes: 1
  snapshot_episodes: 1
  snapshot_noise: 0.3
  policy_episodes: 1
  noise_std: [0.3]
  random_prob: []
  num_envs: 1
  chunk_episodes: 1
published: {{Test 1M: {{source: 'published: a test figure', rewards: {{cartpole-balance: 990.0, walker-stand: 1.0}}}}}}
teacher: {{max_steps: 400, eval_every: 200, eval_episodes: 1, learning_starts: 100, threads: 1, progress: false}}
pretrain: {{checkpoint_every: 1, threads: 1, device: cpu}}
train:
  mode: offline
  iterations: 2
  eval_every: 2
  eval_episodes: 1
  checkpoint_every: 1
  threads: 1
  device: cpu
"""


def experiment(cwd, *overrides, check=True, **kw):
    "Run `pwm-flow-experiment` on the tiny benchmark in `cwd`."
    cmd = [str(BIN / 'pwm-flow-experiment'), f'hydra.searchpath=[file://{cwd / "cfg"}]', 'benchmark=tiny', 'launcher=basic', *overrides]
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=ENV, timeout=300, **kw)
    if check: assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    return p


@pytest.fixture(scope='module')
def bench(tmp_path_factory):
    "A finished tiny benchmark (seed 1) in a fresh folder."
    cwd = tmp_path_factory.mktemp('experiment')
    (cwd / 'cfg' / 'benchmark').mkdir(parents=True)
    (cwd / 'cfg' / 'benchmark' / 'tiny.yaml').write_text(BENCHMARK)
    experiment(cwd)
    return cwd


def test_data_sweep_results(bench):
    runs = pd.read_csv(bench / 'results/tiny/runs.csv')
    assert runs[['wm_iterations', 'task', 'variant', 'seed', 'status']].values.tolist() == [
        [2, 'cartpole-balance', 'MLP', 1, 'finished'],
        [4, 'cartpole-balance', 'Flow Heun K=2', 1, 'finished'], [4, 'cartpole-balance', 'MLP', 1, 'finished']]
    assert runs.dyn_evals_per_step.tolist() == [1, 4, 1] and (runs.parity_gap_pct.abs() <= 2).all()
    assert (runs.iterations == 2).all() and runs.final_reward.notna().all() and runs.commit.notna().all()
    assert (runs.esnr_samples == 2).all() and runs.hardware.str.contains('logical cores').all()
    cpu = runs.cpu_capability.iloc[0]
    curves = pd.read_csv(bench / 'results/tiny/curves.csv')  # the policies' evaluations and ESNR samples
    assert set(curves.variant) == {'MLP', 'Flow Heun K=2'} and curves.esnr_db.notna().sum() == 6 and (curves.phase != 'wm').all()
    wm = pd.read_csv(bench / 'results/tiny/pretrain_curves.csv')  # each world model's 4 iterations: one window of wm_curve_every
    assert list(wm.columns) == ['variant', 'variant_config', 'seed', 'iteration', 'wall_clock', 'wm_loss', 'wm_dyn_loss', 'wm_rew_loss', 'cpu_capability']
    assert wm[['variant', 'iteration', 'cpu_capability']].values.tolist() == [['Flow Heun K=2', 4, cpu], ['MLP', 4, cpu]]
    pre = pd.read_csv(bench / 'results/tiny/pretrain.csv')  # the MLP's pretraining serves both budgets
    assert pre[['variant', 'wm_iterations']].values.tolist() == [['Flow Heun K=2', 4], ['MLP', 4], ['MLP', 2]] and (pre.cpu_capability == cpu).all()
    assert sorted(p.name for p in (bench / 'runs/tiny/pretrain/mlp/seed1').glob('world_model*')) == ['world_model.pt', 'world_model_2.pt']
    errors = pd.read_csv(bench / 'results/tiny/model_error.csv')  # 3 runs x (policy, random) x H=4 open-loop steps
    assert len(errors) == 24 and set(errors.actions) == {'policy', 'random'} and errors.h.max() == 4
    assert errors[['reward_bias', 'reward_abs_err', 'latent_rel_err']].notna().all().all() and set(errors.wm_iterations) == {2, 4}
    assert (errors.cpu_capability == cpu).all()
    teachers = pd.read_csv(bench / 'results/tiny/teachers.csv')  # the better of the evaluations at 200 and 400 steps
    assert teachers[['task', 'env_steps']].values.tolist() == [['cartpole-balance', 400]] and teachers.teacher_steps.isin([200, 400]).all()
    steps = str(teachers.snapshots.iloc[0]).split()
    kept = sorted(p.name for p in (bench / 'results/tiny/teachers/cartpole-balance').glob('actor_*.pt'))
    assert kept == sorted(f'actor_{s}.pt' for s in steps) and steps[-1] == str(teachers.teacher_steps.iloc[0])
    data = pd.read_csv(bench / 'results/tiny/data.csv')
    expected = [['cartpole-balance_random', 'random', 1]] + [[f'cartpole-balance_snap{s}', f'actor_{s}.pt', 1] for s in steps[:-1]] + \
               [['cartpole-balance_final_noise0.3', f'actor_{steps[-1]}.pt', 1]]
    assert data[['collection', 'policy', 'episodes']].values.tolist() == expected
    links = sorted(p.name for p in (bench / 'data/tiny/dataset').iterdir())
    assert links == sorted(f'{c}_chunk_0.pt' for c, _, _ in expected)
    comp = pd.read_csv(bench / 'results/tiny/competence.csv')  # the MLP against the teacher, per budget
    assert comp[['wm_iterations', 'task', 'seeds']].values.tolist() == [[2, 'cartpole-balance', 1], [4, 'cartpole-balance', 1]]
    agg = pd.read_csv(bench / 'results/tiny/aggregate.csv')
    assert list(agg.columns) == ['variant', 'wm_iterations', 'metric', 'value', 'ci_low', 'ci_high', 'seeds'] and (agg.seeds == 1).all()
    refs = pd.read_csv(bench / 'results/tiny/references.csv')  # random and zero actions on seed 1's evaluation episode, the published figure
    assert refs[['reference', 'seed']].fillna(0).values.tolist() == [['random policy', 1], ['zero action', 1], ['Test 1M', 0]]
    assert refs.reward.iloc[2] == 990.0 and refs.reward.between(0, 1000).all()
    assert set(agg.metric) == {'IQM', 'mean', 'P(improvement over MLP)'}
    commands = (bench / 'results/tiny/commands.sh').read_text()
    assert commands.count('pwm-flow-collect') == 3 and commands.count('pwm-flow-train') == 2 and '+variant=mlp,heun2' in commands


def test_rerun_skips_finished_runs_with_submitit_local(bench):
    done = bench / 'runs/tiny/wm4/cartpole-balance/mlp/seed1/metrics.csv'
    before = done.stat().st_mtime_ns
    experiment(bench, 'stage=pretrain', 'launcher=submitit_local', 'benchmark.seeds=[1,2]')
    experiment(bench, 'stage=sweep', 'launcher=submitit_local', 'benchmark.seeds=[1,2]')
    assert done.stat().st_mtime_ns == before  # finished: left alone
    new = bench / 'runs/tiny/wm4/cartpole-balance/heun2/seed2'
    assert json.loads((new / 'run.json').read_text())['status'] == 'finished'
    assert list((bench / 'runs/tiny/wm4/.submitit').iterdir())  # the jobs went through submitit


def test_data_resumes_after_results_move(bench):
    "The results folder (with the teachers' snapshots) moves, the data stays: the collections know the snapshots by content."
    shutil.copytree(bench / 'results/tiny', bench / 'results/moved')
    chunks = sorted((bench / 'data/tiny/collect').glob('*/chunk_*.pt'))
    before = [c.stat().st_mtime_ns for c in chunks]
    experiment(bench, 'stage=data', 'results_dir=results/moved')
    assert len(chunks) == 3 and [c.stat().st_mtime_ns for c in chunks] == before


def test_killed_pretraining_resumes(bench):
    over = ['stage=pretrain', 'benchmark.seeds=[3]', 'benchmark.variants=[mlp]', 'benchmark.recipe.wm_iterations=300']
    run = bench / 'runs/tiny/pretrain/mlp/seed3'
    cmd = [str(BIN / 'pwm-flow-experiment'), f'hydra.searchpath=[file://{bench / "cfg"}]', 'benchmark=tiny', 'launcher=basic', *over]
    p = subprocess.Popen(cmd, cwd=bench, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline, metrics = time.time() + 120, run / 'metrics.csv'
        while not metrics.exists() or sum(1 for _ in open(metrics)) < 20:  # killed well inside world-model pretraining
            assert p.poll() is None and time.time() < deadline, 'the pretraining ended before it could be killed'
            time.sleep(0.1)
    finally:
        os.killpg(p.pid, signal.SIGKILL); p.wait()
    assert json.loads((run / 'run.json').read_text())['status'] == 'running'
    experiment(bench, *over)
    assert 'resuming' in (run / 'train.log').read_text()
    df = pd.read_csv(run / 'metrics.csv')
    assert df.iteration.tolist() == list(range(1, 301)) and json.loads((run / 'run.json').read_text())['status'] == 'finished'


def test_recipe_sweep(bench):
    experiment(bench, 'stage=recipe')
    sweep = pd.read_csv(bench / 'results/tiny/recipe_sweep.csv')
    assert sorted(sweep.candidate) == ['plan', 'rew0.1'] and sorted(sweep.rew_coef) == [0.1, 1.0]
    assert sweep['reward_cartpole-balance'].notna().all() and sweep['latent_h1_cartpole-balance'].gt(0).all() and (sweep.seeds == 1).all()
    assert sweep.set_index('candidate').obs_norm.to_dict() == {'plan': False, 'rew0.1': True}  # as each candidate ran
    commands = (bench / 'results/tiny/recipe_commands.sh').read_text()
    assert 'alg.wm_loss.rew_coef=0.1' in commands and 'alg.model.obs_norm=True' in commands
    curves = pd.read_csv(bench / 'results/tiny/recipe_curves.csv')
    assert sorted(curves.candidate.unique()) == ['plan', 'rew0.1'] and curves.groupby('candidate').eval_reward.count().gt(0).all()
    experiment(bench, 'stage=results')  # the grid's tables leave the recipe sweep's runs out
    runs = pd.read_csv(bench / 'results/tiny/runs.csv')
    assert len(runs) and not runs.run_dir.str.contains('/recipe/').any()


def test_results_notebook_runs_on_the_results(bench):
    "Notebook 20 (the analysis) runs from what stage=results writes, here the tiny benchmark's folder."
    experiment(bench, 'stage=results')
    nb = Path(__file__).resolve().parent.parent / 'nbs' / '20_results.ipynb'
    p = subprocess.run([str(BIN / 'exec_nb'), str(nb), '--dest', str(bench / 'results.ipynb'), '--exc_stop'], cwd=nb.parent, capture_output=True,
                       text=True, env={**ENV, 'PWM_FLOW_RESULTS': str(bench / 'results/tiny')}, timeout=300)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    out = (bench / 'results.ipynb').read_text()
    assert 'finished policy runs** on the grid' in out and 'nothing to compare across machines' in out


def test_bad_benchmark_is_one_line(tmp_path):
    p = subprocess.run([str(BIN / 'pwm-flow-experiment'), 'benchmark.variants=[mlp,heun3]', 'stage=results'], cwd=tmp_path,
                       capture_output=True, text=True, env=ENV, timeout=60)
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 2 and len(lines) == 1, p.stderr
    assert lines[0].startswith("error: benchmark.variants='heun3' is not one of euler1, euler2, heun2, heun4, mlp, mlp_residual; did you mean")
