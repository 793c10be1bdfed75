"""`torchrun ... pwm-flow-pretrain`: world-model pretraining in two gloo processes matches one process, a killed
run resumes under torchrun, and what torchrun cannot do is refused in one line.

Tolerance. Both runs draw the same global batch of windows and compute the same per-window losses; the two
processes' gradients are averaged with the weights B_r W / B, which is the one-process gradient exactly in real
arithmetic. What differs is float32 summation order (each batch mean and each gradient becomes two partial sums
added by the all-reduce): about 1e-7 relative per update, measured at most 5e-7 over 30 updates. The test allows
1e-5 relative on every logged loss and 1e-5 absolute on every weight, 20 times that, far below any real
difference (a wrong weight or a batch drawn differently moves the losses by 1e-2 and more)."""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import numpy as np
import pandas as pd
import torch
from pwm_flow.data import synthetic_episodes, write_chunk

BIN = Path(sys.executable).parent
ENV = {**os.environ, 'MUJOCO_GL': os.environ.get('MUJOCO_GL', 'egl'), 'OMP_NUM_THREADS': '1', 'HYDRA_FULL_ERROR': '0'}
SMALL = ['alg=pwm_tiny', 'alg.model.task_dim=4', 'alg.model.latent_dim=16', 'alg.model.encoder_units=[32]',
         'alg.model.units=[32,32]', 'alg.wm_batch_size=16', 'alg.horizon=4', 'threads=1', 'device=cpu']


def dataset(path: Path) -> Path:
    "Four chunk files of two tasks, three episodes each."
    for i in range(4): write_chunk(synthetic_episodes(3, ['cartpole-balance', 'walker-walk'], seed=i), path / f'chunk_{i}.pt')
    return path


def command(run_dir, data, *overrides, nproc=None, app='pwm-flow-pretrain'):
    "The command line: one process, or torchrun with `nproc` gloo processes on this machine."
    launch = [] if nproc is None else [sys.executable, '-m', 'torch.distributed.run', '--standalone', f'--nproc_per_node={nproc}', '--no-python']
    return [*launch, str(BIN / app), *SMALL, f'offline.dataset={data}', *overrides, f'hydra.run.dir={run_dir}']


def run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args, **kw), capture_output=True, text=True, env=ENV, timeout=300)


def kill_all(marker: str) -> None:
    "SIGKILL every process whose command line holds `marker` (torchrun and its workers, which have their own process groups)."
    for d in Path('/proc').iterdir():
        try:
            if d.name.isdigit() and marker in (d / 'cmdline').read_bytes().decode(errors='replace'): os.kill(int(d.name), signal.SIGKILL)
        except (OSError, ProcessLookupError): pass


def losses(run_dir) -> pd.DataFrame: return pd.read_csv(Path(run_dir) / 'metrics.csv')


def test_two_processes_match_one(tmp_path):
    data, its = dataset(tmp_path / 'data'), ['alg.wm_iterations=30', 'checkpoint_every=10']
    for p in [run(tmp_path / 'one', data, *its), run(tmp_path / 'two', data, *its, nproc=2)]: assert p.returncode == 0, p.stderr[-3000:]
    one, two = losses(tmp_path / 'one'), losses(tmp_path / 'two')
    assert two.iteration.tolist() == list(range(1, 31))  # one writer: every row once
    for c in ['wm_loss', 'wm_dyn_loss', 'wm_rew_loss', 'wm_grad_norm']:
        np.testing.assert_allclose(two[c], one[c], rtol=1e-5, err_msg=c)
    a, b = (torch.load(tmp_path / r / 'world_model.pt', weights_only=True)['state'] for r in ('one', 'two'))
    for k in a: torch.testing.assert_close(b[k], a[k], rtol=0, atol=1e-5, msg=k)
    info = json.loads((tmp_path / 'two' / 'run.json').read_text())
    assert info['status'] == 'finished' and info['processes'] == 2
    assert len(torch.load(tmp_path / 'two' / 'checkpoint.pt', weights_only=True)['rng']) == 2


def test_killed_torchrun_run_resumes(tmp_path):
    "SIGKILL to torchrun and its workers past a checkpoint; the same command resumes to the uninterrupted run's rows."
    data, its = dataset(tmp_path / 'data'), ['alg.wm_iterations=400', 'checkpoint_every=50']
    whole = run(tmp_path / 'whole', data, *its, nproc=2)
    assert whole.returncode == 0, whole.stderr[-3000:]
    proc = subprocess.Popen(command(tmp_path / 'cut', data, *its, nproc=2), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV)
    ckpt, deadline = tmp_path / 'cut' / 'checkpoint.pt', time.time() + 120
    while not ckpt.exists() and proc.poll() is None and time.time() < deadline: time.sleep(0.05)
    time.sleep(0.3)
    assert proc.poll() is None, 'the run finished before it could be killed: make it longer'
    kill_all(f"hydra.run.dir={tmp_path / 'cut'}"); proc.wait()
    time.sleep(0.5)  # the workers are gone (they are not our children to wait for)
    assert 0 < len(losses(tmp_path / 'cut')) < 400
    other = run(tmp_path / 'cut', data, *its, nproc=3)  # a checkpoint of two processes
    assert other.returncode != 0 and 'written by 2 process(es); resume it with as many (torchrun --nproc_per_node=2), not 3' in other.stderr
    again = run(tmp_path / 'cut', data, *its, nproc=2)
    assert again.returncode == 0 and 'resuming' in again.stdout + again.stderr, again.stderr[-3000:]
    cut, ref = losses(tmp_path / 'cut'), losses(tmp_path / 'whole')
    assert cut.iteration.tolist() == list(range(1, 401))
    pd.testing.assert_frame_equal(cut.drop(columns='wall_clock'), ref.drop(columns='wall_clock'))
    policy = run(tmp_path / 'policy', data, 'mode=offline', 'task=cartpole-balance', nproc=2, app='pwm-flow-train')
    assert policy.returncode != 0 and 'error: torchrun with several processes runs pwm-flow-pretrain only' in policy.stderr
