"End-to-end tests of `pwm-flow-train`: online and offline runs, one-line config errors, and resume after SIGKILL."
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pandas as pd
import pytest
import torch

BIN = Path(sys.executable).parent
ENV = {**os.environ, 'MUJOCO_GL': os.environ.get('MUJOCO_GL', 'egl'), 'OMP_NUM_THREADS': '1', 'HYDRA_FULL_ERROR': '0'}
# A few-second run: tiny widths, short horizon, one environment, one evaluation episode.
TINY = ['alg.model.latent_dim=16', 'alg.model.encoder_units=[32]', 'alg.model.units=[32,32]', 'alg.actor.units=[32]',
        'alg.critic.units=[32]', 'alg.batch_size=16', 'alg.wm_batch_size=16', 'alg.horizon=4',
        'alg.policy.critic_iterations=1', 'alg.policy.critic_batches=2', 'alg.esnr.M=4', 'alg.esnr.every=2',
        'eval_episodes=1', 'online.num_envs=1', 'online.seed_updates=2', 'online.wm_updates=1',
        'online.steps_per_iter=2', 'online.buffer_size=5000', 'threads=1', 'device=cpu']


def train(run_dir, *overrides, check=True, command='pwm-flow-train'):
    "Run `pwm-flow-train` (or `pwm-flow-pretrain`) in a subprocess; return the completed process."
    cmd = [str(BIN / command), *TINY, *overrides, f'hydra.run.dir={run_dir}']
    p = subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=300)
    if check: assert p.returncode == 0, p.stderr[-3000:]
    return p


def collect(out_dir, *overrides):
    "Run `pwm-flow-collect` for one small chunk in a subprocess."
    return subprocess.run([str(BIN / 'pwm-flow-collect'), f'out_dir={out_dir}', 'num_envs=1', 'chunks=1',
                           'episodes_per_chunk=1', 'progress=false', *overrides],
                          capture_output=True, text=True, env=ENV, timeout=300)


@pytest.mark.parametrize('alg', ['pwm_tiny', 'pwm_tiny_flow'])
def test_online_run(tmp_path, alg):
    train(tmp_path, f'alg={alg}', 'task=cartpole-balance', 'iterations=4', 'eval_every=2', 'checkpoint_every=2')
    df = pd.read_csv(tmp_path / 'metrics.csv')
    assert df.iteration.tolist() == [1, 2, 3, 4]
    assert (df.env_steps.diff().dropna() == 2).all() and df.wall_clock.is_monotonic_increasing
    assert df.eval_reward.notna().tolist() == [False, True, False, True]
    assert df.esnr_db.notna().tolist() == [False, True, False, True]
    assert df[['wm_dyn_loss', 'wm_rew_loss', 'actor_loss', 'critic_loss', 'actor_grad_norm']].notna().all().all()
    evals = 1 if alg == 'pwm_tiny' else 4  # MLP: one network evaluation per step; Heun K=2: four
    assert (df.dyn_evals_per_step == evals).all() and df.dyn_evals_total.is_monotonic_increasing
    info = json.loads((tmp_path / 'run.json').read_text())
    assert info['status'] == 'finished' and info['config']['alg']['model']['latent_dim'] == 16
    assert abs(info['parity_gap']) <= 0.02 and info['P_base'] > 0 and info['P_flow'] > 0
    assert set(info['final']) == {'cartpole-balance'} and (tmp_path / 'policy_cartpole-balance.pt').exists()
    if alg == 'pwm_tiny':  # the saved policy collects data with pwm-flow-collect
        data = tmp_path / 'data'
        p = collect(data, 'tasks=[cartpole-balance]', f'policy={tmp_path / "policy_cartpole-balance.pt"}', 'noise_std=0.1')
        assert p.returncode == 0, p.stderr[-3000:]
        meta = json.loads((data / 'collect.json').read_text())
        assert meta['policy'].endswith('policy_cartpole-balance.pt') and meta['noise_std'] == 0.1
        moved = tmp_path / 'moved' / 'policy.pt'  # a moved copy of the policy file extends the collection
        moved.parent.mkdir(); moved.write_bytes((tmp_path / 'policy_cartpole-balance.pt').read_bytes())
        p = collect(data, 'tasks=[cartpole-balance]', f'policy={moved}', 'noise_std=0.1', 'chunks=2')
        assert p.returncode == 0 and (data / 'chunk_1.pt').exists(), p.stderr[-3000:]
        assert json.loads((data / 'collect.json').read_text()) == meta
        bad = collect(tmp_path / 'bad', 'tasks=[walker-walk]', f'policy={tmp_path / "policy_cartpole-balance.pt"}')
        assert bad.returncode == 2 and 'acts in task cartpole-balance' in bad.stderr


def test_offline_run_from_collected_data(tmp_path):
    data = tmp_path / 'data'
    p = collect(data, 'tasks=[cartpole-balance]')
    assert p.returncode == 0, p.stderr[-3000:]
    run = tmp_path / 'run'
    train(run, 'alg=pwm_tiny_flow', 'mode=offline', 'task=cartpole-balance', f'offline.dataset={data}',
          'alg.wm_iterations=3', 'iterations=3', 'eval_every=3', 'offline.finetune_wm=true')
    df = pd.read_csv(run / 'metrics.csv')
    assert df.iteration.tolist() == [1, 2, 3, 4, 5, 6]
    assert df.phase.tolist() == ['wm'] * 3 + ['policy'] * 3
    assert df.eval_reward.notna().tolist() == [False] * 5 + [True]
    assert df.wm_loss.notna().all() and df.actor_loss[3:].notna().all() and (df.env_steps == 0).all()
    info = json.loads((run / 'run.json').read_text())
    assert info['obs_dim'] == 24 and info['action_dim'] == 6 and info['status'] == 'finished'
    assert 'logical cores' in info['hardware']
    # the policy acts in cartpole's one action entry; the five padded entries stay zero, as in the data
    from pwm_flow.policies import load_policy
    pol = load_policy(run / 'policy_cartpole-balance.pt')
    assert (pol.actor.task_action_dim, pol.actor.action_dim) == (1, 6)
    a = pol(torch.randn(8, 24))
    assert a.shape == (8, 6) and (a[:, 1:] == 0).all() and (a[:, 0] != 0).any()


def test_pretrain_then_policies_from_the_saved_world_model(tmp_path):
    data = tmp_path / 'data'
    assert collect(data, 'tasks=[cartpole-balance,pendulum-swingup]', 'num_envs=2', 'episodes_per_chunk=2').returncode == 0
    common = ['alg=pwm_tiny', 'alg.model.task_dim=4', f'offline.dataset={data}', 'alg.wm_iterations=6']
    train(tmp_path / 'pre', *common, 'offline.wm_snapshots=[2]', 'checkpoint_every=2', command='pwm-flow-pretrain')
    df = pd.read_csv(tmp_path / 'pre' / 'metrics.csv')
    assert df.iteration.tolist() == list(range(1, 7)) and (df.phase == 'wm').all()
    assert sorted(p.name for p in (tmp_path / 'pre').glob('world_model*.pt')) == ['world_model.pt', 'world_model_2.pt']
    for task, wm, n in [('cartpole-balance', 'world_model.pt', 6), ('pendulum-swingup', 'world_model_2.pt', 2)]:
        run = tmp_path / task
        train(run, *common, 'mode=offline', f'task={task}', 'iterations=2', 'eval_every=2', f'offline.world_model={tmp_path / "pre" / wm}')
        d = pd.read_csv(run / 'metrics.csv')
        assert (d.phase == 'policy').all() and d.iteration.tolist() == [1, 2] and d.eval_reward.notna().iloc[-1]
        info = json.loads((run / 'run.json').read_text())
        assert info['wm_iterations'] == n and info['status'] == 'finished' and info['commit'] and info['cpu_capability']
    # the policy starts from the saved weights: its world model equals the file's
    from pwm_flow.policies import load_policy
    saved = torch.load(tmp_path / 'pre' / 'world_model.pt', weights_only=True)['state']
    assert all(torch.equal(v, saved[k]) for k, v in load_policy(tmp_path / 'cartpole-balance' / 'policy_cartpole-balance.pt').model.state_dict().items())
    bad = train(tmp_path / 'bad', *common, 'mode=offline', 'task=cartpole-balance', 'alg.model.latent_dim=32',
                f'offline.world_model={tmp_path / "pre" / "world_model.pt"}', check=False)
    assert bad.returncode == 2 and 'latent_dim: 16 there, 32 here' in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_offline_run_on_mt80_chunks_reports_reward_and_success(tmp_path):
    """MT80 layout (101-step records, obs 39, action 6): a DMControl and a Meta-World collection in one dataset; a world
    model pretrained on it; a policy for each kind of task, evaluated for reward and success."""
    for name, task, n in [('dmc', 'cartpole-balance', 1), ('mw', 'mw-reach', 2)]:
        p = collect(tmp_path / name, f'tasks=[{task}]', 'task_set=mt80', f'num_envs={n}', f'episodes_per_chunk={n}')
        assert p.returncode == 0, p.stderr[-2000:]
        (tmp_path / 'data').mkdir(exist_ok=True)
        (tmp_path / 'data' / f'{name}_chunk_0.pt').symlink_to(tmp_path / name / 'chunk_0.pt')
    chunk = torch.load(tmp_path / 'dmc' / 'chunk_0.pt', weights_only=False)
    assert tuple(chunk.batch_size) == (5, 101) and chunk['obs'].shape[-1] == 39 and chunk['action'].shape[-1] == 6
    common = ['alg=pwm_tiny', 'alg.model.task_dim=4', f'offline.dataset={tmp_path / "data"}', 'offline.task_set=mt80', 'alg.wm_iterations=4']
    train(tmp_path / 'pre', *common, command='pwm-flow-pretrain')
    for task in ('cartpole-balance', 'mw-reach'):
        train(tmp_path / task, *common, 'mode=offline', f'task={task}', 'iterations=2', 'eval_every=2', 'eval_episodes=2',
              f'offline.world_model={tmp_path / "pre" / "world_model.pt"}')
        final = json.loads((tmp_path / task / 'run.json').read_text())['final'][task]
        assert 0 <= final['eval_reward'] < (1000 if task == 'cartpole-balance' else 2000) and final['eval_success'] in (0., .5, 1.)
        assert pd.read_csv(tmp_path / task / 'metrics.csv').eval_success.notna().iloc[-1]


def test_observation_standardisation_from_the_pretraining_data(tmp_path):
    data = tmp_path / 'data'
    assert collect(data, 'tasks=[reacher-easy]').returncode == 0
    common = ['alg=pwm_tiny', 'alg.model.obs_norm=true', f'offline.dataset={data}', 'alg.wm_iterations=2']
    train(tmp_path / 'pre', *common, command='pwm-flow-pretrain')
    state = torch.load(tmp_path / 'pre' / 'world_model.pt', weights_only=True)['state']
    obs = torch.load(data / 'chunk_0.pt', weights_only=False)['obs'].reshape(-1, 24).double()
    assert torch.allclose(state['obs_norm.mean'].double(), obs.mean(0), atol=1e-5)
    assert torch.allclose(state['obs_norm.std'].double(), obs.std(0, unbiased=False).clamp_min(0.01), rtol=1e-4)
    train(tmp_path / 'policy', *common, 'mode=offline', 'task=reacher-easy', 'iterations=2', 'eval_every=2',
          f'offline.world_model={tmp_path / "pre" / "world_model.pt"}')
    p = train(tmp_path / 'online', 'alg=pwm_tiny', 'alg.model.obs_norm=true', 'iterations=2', check=False)
    assert p.returncode == 2 and 'obs_norm=true takes its statistics from a dataset' in p.stderr


def their_checkpoint(O, A, L, T, enc, units, bins=101, tasks=30):
    "A synthetic TD-MPC2 checkpoint: random tensors under TD-MPC2's world-model key names and shapes (inputs [z, e, a])."
    sd = {'_task_emb.weight': torch.randn(tasks, T)}
    def mlp(prefix, i, hidden, o, normed_last):
        dims = [i, *hidden, o]
        for j, (a, b) in enumerate(zip(dims, dims[1:])):
            sd.update({f'{prefix}{j}.weight': torch.randn(b, a) * 0.1, f'{prefix}{j}.bias': torch.zeros(b)})
            if j < len(hidden) or normed_last: sd.update({f'{prefix}{j}.ln.weight': torch.ones(b), f'{prefix}{j}.ln.bias': torch.zeros(b)})
    mlp('_encoder.state.', O + T, enc, L, True); mlp('_dynamics.', L + T + A, units, L, True)
    mlp('_reward.', L + T + A, units, bins, False); mlp('_pi.', L + T, units, 2 * A, False)
    return {'model': sd}


def test_policy_from_a_released_world_model(tmp_path):
    data = tmp_path / 'data'
    assert collect(data, 'tasks=[cartpole-balance]').returncode == 0
    torch.save(their_checkpoint(24, 6, 16, 4, [32], [32, 32]), tmp_path / 'mt30.pt')
    common = ['alg.model.task_dim=4', f'offline.dataset={data}', 'mode=offline', 'task=cartpole-balance', 'iterations=2', 'eval_every=2',
              f'offline.released_world_model={tmp_path / "mt30.pt"}']
    train(tmp_path / 'run', 'alg=pwm_tiny', *common)
    info = json.loads((tmp_path / 'run' / 'run.json').read_text())
    assert info['status'] == 'finished' and info['wm_iterations'] is None and 'eval_reward' in info['final']['cartpole-balance']
    d = pd.read_csv(tmp_path / 'run' / 'metrics.csv')
    assert (d.phase == 'policy').all() and len(d) == 2  # no pretraining: the released model is used as it is
    for bad, words in [(['alg=pwm_tiny_flow'], "needs PWM's MLP world model"),
                       (['alg=pwm_tiny', 'alg.model.units=[64,64]'], 'checkpoint tensor _dynamics.0.weight has shape (32, 26)')]:
        p = train(tmp_path / 'bad', *bad, *common, check=False)
        assert p.returncode == 2 and words in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr[-500:]
    assert not (tmp_path / 'bad' / 'run.json').exists()  # refused before the run folder is written


def test_world_model_file_runs_no_code(tmp_path):
    class Evil:
        def __reduce__(self): return (Path.touch, (tmp_path / 'marker',))
    torch.save({'kind': 'world_model', 'x': Evil()}, tmp_path / 'evil.pt')
    data = tmp_path / 'data'
    assert collect(data, 'tasks=[cartpole-balance]').returncode == 0
    p = train(tmp_path / 'run', 'alg=pwm_tiny', 'mode=offline', 'task=cartpole-balance', f'offline.dataset={data}',
              f'offline.world_model={tmp_path / "evil.pt"}', check=False)
    assert p.returncode == 2 and 'is not a world model file' in p.stderr and not (tmp_path / 'marker').exists()


@pytest.mark.parametrize('override, message', [
    ('task=cartpole-balanse', "task='cartpole-balanse'"),
    ('mode=offlne', "mode='offlne' is not one of online, offline, pretrain; did you mean offline"),
    ('mode=offline', 'mode=offline needs offline.dataset='),
    ('alg.integrator.type=rk9', "alg.integrator.type='rk9'"),
    ('alg.batch_size=18', 'alg.batch_size=18 must be a multiple of alg.esnr.M=4'),
    ('precision=bf16', "precision='bf16' needs fp32, or bf16 on a CUDA device"),
])
def test_config_errors_are_one_line(tmp_path, override, message):
    p = train(tmp_path, 'alg=pwm_tiny_flow', override, check=False)
    assert p.returncode == 2, p.stderr[-2000:]
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith('error: ') and message in lines[0], p.stderr
    assert not (tmp_path / 'metrics.csv').exists()


def test_cosine_pretraining_differs_from_constant_from_the_second_update(tmp_path):
    "alg.wm_optim.lr_schedule=cosine reaches pwm-flow-pretrain: the first update (full rate) matches, later ones do not."
    data = tmp_path / 'data'
    assert collect(data, 'tasks=[cartpole-balance]').returncode == 0
    common = ['alg=pwm_tiny', f'offline.dataset={data}', 'alg.wm_iterations=4']
    for name, sched in [('constant', 'constant'), ('cosine', 'cosine')]:
        train(tmp_path / name, *common, f'alg.wm_optim.lr_schedule={sched}', command='pwm-flow-pretrain')
    a, b = (pd.read_csv(tmp_path / n / 'metrics.csv') for n in ('constant', 'cosine'))
    assert a.wm_loss.iloc[:2].tolist() == b.wm_loss.iloc[:2].tolist()  # losses before and after the first (equal) step
    assert a.wm_loss.iloc[2:].tolist() != b.wm_loss.iloc[2:].tolist()


@pytest.mark.parametrize('delay', [0.05, 0.3, 0.8])
def test_resume_after_sigkill(tmp_path, delay):
    "SIGKILL at a few points past the first checkpoint; the same command resumes with no row lost or repeated."
    args = ['alg=pwm_tiny', 'task=cartpole-balance', 'iterations=60', 'eval_every=20', 'checkpoint_every=5']
    cmd = [str(BIN / 'pwm-flow-train'), *TINY, *args, f'hydra.run.dir={tmp_path}']
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    ckpt, deadline = tmp_path / 'checkpoint.pt', time.time() + 120
    while not ckpt.exists() and proc.poll() is None and time.time() < deadline: time.sleep(0.05)
    time.sleep(delay)  # let it run on past the checkpoint, so that rows newer than the checkpoint exist
    assert proc.poll() is None, 'the run finished before it could be killed: make it longer'
    proc.send_signal(signal.SIGKILL); proc.wait()
    killed_at = len(pd.read_csv(tmp_path / 'metrics.csv'))
    assert 0 < killed_at < 60
    p = train(tmp_path, *args)
    assert 'resuming' in p.stderr + p.stdout
    df = pd.read_csv(tmp_path / 'metrics.csv')
    assert df.iteration.tolist() == list(range(1, 61))
    assert df.eval_reward.notna().sum() == 3
    assert json.loads((tmp_path / 'run.json').read_text())['status'] == 'finished'
    again = train(tmp_path, *args)   # a finished run is left alone
    assert len(pd.read_csv(tmp_path / 'metrics.csv')) == 60
    other = train(tmp_path, *args[:-1], 'checkpoint_every=7', check=False)
    assert other.returncode == 2 and 'different config (checkpoint_every: 5 there, 7 here)' in other.stderr


def test_diverging_run_stops_with_one_line(tmp_path):
    p = train(tmp_path, 'alg=pwm_tiny', 'iterations=5', 'alg.wm_optim.lr=1e30', 'alg.max_bad_updates=2', check=False)
    assert p.returncode == 1
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith('error: ') and 'NaN/inf' in last, p.stderr[-2000:]
    assert json.loads((tmp_path / 'run.json').read_text())['status'] == 'diverged'


@pytest.mark.parametrize('delay', [0.0, 0.4, 0.9])
def test_ctrl_c_is_one_line_and_resumes(tmp_path, delay):
    "Ctrl-C at a few points past the first checkpoint: one line, exit 130, run.json says so, no temporary file; the same command then finishes."
    args = ['alg=pwm_tiny', 'task=cartpole-balance', 'iterations=60', 'eval_every=20', 'checkpoint_every=5']
    cmd = [str(BIN / 'pwm-flow-train'), *TINY, *args, f'hydra.run.dir={tmp_path}']
    # Ctrl-C's default handling, even where this test runs with SIGINT ignored (a background job)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    ckpt, deadline = tmp_path / 'checkpoint.pt', time.time() + 120
    while not ckpt.exists() and proc.poll() is None and time.time() < deadline: time.sleep(0.05)
    time.sleep(delay)
    assert proc.poll() is None, 'the run finished before it could be interrupted: make it longer'
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=120)[1]
    last = err.strip().splitlines()[-1]
    assert proc.returncode == 130 and last.startswith('error: interrupted; re-run the same command to resume'), err[-2000:]
    assert json.loads((tmp_path / 'run.json').read_text())['status'] == 'interrupted'
    assert not list(tmp_path.glob('*.tmp'))
    train(tmp_path, *args)
    df = pd.read_csv(tmp_path / 'metrics.csv')
    assert df.iteration.tolist() == list(range(1, 61)) and json.loads((tmp_path / 'run.json').read_text())['status'] == 'finished'
