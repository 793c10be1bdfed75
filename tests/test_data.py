"""Data: TD-MPC2's chunk layout loads and samples with the exact obs/action/reward alignment, every kind
of bad data fails with a one-line error naming the file and the fault, chunks are written atomically,
the replay buffer samples aligned windows, and `pwm-flow-collect` writes data the loader reads, also
after being killed and resumed."""
import os, signal, subprocess, sys, time
from pathlib import Path

import pytest
import torch
from tensordict import TensorDict

from pwm_flow.collect import collect
from pwm_flow.data import DataError, ReplayBuffer, load_dataset, read_chunk, sample_windows, write_chunk

COLLECT = Path(sys.executable).parent / 'pwm-flow-collect'
DIMS = {0: (24, 6), 3: (17, 6), 7: (3, 1)}  # walker-stand, cheetah-run, pendulum-swingup


def tdmpc2_chunk(task_ids=(0, 3, 7, 0, 3, 7), T1=501, seed=0):
    "Episodes exactly in TD-MPC2's MT30 layout, built here without pwm_flow: obs 24, action 6, NaN dummies."
    g = torch.Generator().manual_seed(seed)
    E = len(task_ids)
    obs, action = torch.zeros(E, T1, 24), torch.zeros(E, T1, 6)
    for e, i in enumerate(task_ids):
        o, a = DIMS[i]
        obs[e, :, :o] = torch.randn(T1, o, generator=g)
        action[e, :, :a] = torch.rand(T1, a, generator=g) * 2 - 1
    reward = torch.rand(E, T1, generator=g)
    action[:, 0] = float('nan')
    reward[:, 0] = float('nan')
    task = torch.tensor(task_ids)[:, None].repeat(1, T1)
    return TensorDict({'obs': obs, 'action': action, 'reward': reward, 'task': task}, batch_size=[E, T1])


def locate(window_obs0, source):
    "The (episode, step) of the source whose observation equals a window's first observation."
    hit = (source['obs'] == window_obs0).all(-1).nonzero()
    assert len(hit) == 1
    return hit[0].tolist()


def test_tdmpc2_chunk_loads_selects_and_samples_aligned(tmp_path):
    src = [tdmpc2_chunk(seed=0), tdmpc2_chunk((7, 7, 3), seed=1)]
    for i, td in enumerate(src):
        torch.save(td, tmp_path / f'chunk_{i}.pt')  # how TD-MPC2 saved its chunks
    data = load_dataset(tmp_path, tasks=['cheetah-run', 'pendulum-swingup'])
    both = torch.cat(src)
    keep = torch.isin(both['task'][:, 0], torch.tensor([3, 7]))
    assert data.batch_size == (keep.sum().item(), 501)
    for k in ('obs', 'action', 'reward', 'task'):
        assert torch.equal(data[k].nan_to_num(-9.), both[k][keep].nan_to_num(-9.))
    H = 16
    w = sample_windows(data, batch=256, horizon=H, generator=torch.Generator().manual_seed(0))
    assert w['obs'].shape == (H + 1, 256, 24) and w['action'].shape == (H, 256, 6)
    assert w['reward'].shape == (H, 256) and w['task'].shape == (256,) and w['task'].dtype == torch.long
    for b in range(256):
        e, s = locate(w['obs'][0, b], both)
        assert s + H <= 500
        assert torch.equal(w['obs'][:, b], both['obs'][e, s:s + H + 1])
        assert torch.equal(w['action'][:, b], both['action'][e, s + 1:s + H + 1])
        assert torch.equal(w['reward'][:, b], both['reward'][e, s + 1:s + H + 1])
        assert w['task'][b] == both['task'][e, 0]
    assert set(w['task'].tolist()) == {3, 7}


def test_write_chunk_round_trip_and_safe_load(tmp_path):
    td = tdmpc2_chunk()
    write_chunk(td, tmp_path / 'chunk_0.pt')
    assert os.listdir(tmp_path) == ['chunk_0.pt']
    back = torch.load(tmp_path / 'chunk_0.pt', weights_only=True)  # loads without trusting the pickle
    assert isinstance(back, TensorDict) and back.batch_size == td.batch_size
    assert torch.equal(back['obs'], td['obs']) and torch.equal(back['reward'][:, 1:], td['reward'][:, 1:])


def test_write_chunk_killed_before_rename_leaves_nothing(tmp_path, monkeypatch):
    def killed(*args): raise KeyboardInterrupt
    monkeypatch.setattr(os, 'replace', killed)
    with pytest.raises(KeyboardInterrupt):
        write_chunk(tdmpc2_chunk(), tmp_path / 'chunk_0.pt')
    assert os.listdir(tmp_path) == []


def test_leftover_temporary_file_is_ignored(tmp_path):
    write_chunk(tdmpc2_chunk(), tmp_path / 'chunk_0.pt')
    tmp_path.joinpath('.chunk_1.pt.tmp').write_bytes((tmp_path / 'chunk_0.pt').read_bytes()[:5000])
    assert load_dataset(tmp_path).batch_size == (6, 501)


def bad_chunk(tmp_path, td, name='chunk_0.pt'):
    torch.save(td, tmp_path / name)
    return tmp_path


BAD = {  # case -> (how to spoil a good chunk, the message)
    'missing key': (lambda td: td.exclude('reward'), r"chunk_0\.pt: missing key 'reward' \(has action, obs, task\)"),
    'obs width': (lambda td: td.set('obs', td['obs'][..., :17]), r"chunk_0\.pt: obs has width 17, expected 24"),
    'action width': (lambda td: td.set('action', td['action'][..., :4]), r"chunk_0\.pt: action has width 4, expected 6"),
    'task id out of set': (lambda td: td.set('task', td['task'] + 30), r"chunk_0\.pt: task id 30 is outside task_set=mt30"),
    'flat batch': (lambda td: td[:, 0], r"chunk_0\.pt: batch shape \[6\] is not \[episodes, steps\]"),
}


def spoil(td, key, e, t, value=float('nan')):
    td[key][e, t] = value
    return td


NAN = {
    'obs': (lambda td: spoil(td, 'obs', 4, 0), r"chunk_0\.pt: obs has NaN or inf \(episode 4, step 0\)"),
    'action': (lambda td: spoil(td, 'action', 2, 250), r"chunk_0\.pt: action has NaN or inf \(episode 2, step 250\) after the dummy"),
    'reward': (lambda td: spoil(td, 'reward', 5, 500, float('inf')), r"chunk_0\.pt: reward has NaN or inf \(episode 5, step 500\)"),
}


@pytest.mark.parametrize('case', list(BAD) + [f'nan {k}' for k in NAN])
def test_bad_chunk_is_one_line_naming_file_and_fault(tmp_path, case):
    spoil_fn, msg = BAD[case] if case in BAD else NAN[case.split()[1]]
    bad_chunk(tmp_path, spoil_fn(tdmpc2_chunk()))
    with pytest.raises(DataError, match=msg) as err:
        load_dataset(tmp_path)
    assert '\n' not in str(err.value) and str(tmp_path) in str(err.value)


def test_wrong_episode_length_names_the_odd_file(tmp_path):
    torch.save(tdmpc2_chunk(), tmp_path / 'chunk_0.pt')
    torch.save(tdmpc2_chunk(T1=101), tmp_path / 'chunk_1.pt')
    with pytest.raises(DataError, match=r"chunk_1\.pt: episodes have 101 steps \(T\+1\), expected 501"):
        load_dataset(tmp_path)


def test_empty_selection(tmp_path):
    bad_chunk(tmp_path, tdmpc2_chunk())
    with pytest.raises(DataError, match=r"no episodes of tasks hopper-hop \(task ids present: \[0, 3, 7\]\)"):
        load_dataset(tmp_path, tasks=['hopper-hop'])


def test_unreadable_files(tmp_path):
    good = tmp_path / 'good.pt'
    torch.save(tdmpc2_chunk(), good)
    (tmp_path / 'chunk_0.pt').write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DataError, match=r"chunk_0\.pt: not a torch\.save zip archive \(empty, truncated, or not a PyTorch file\)"):
        read_chunk(tmp_path / 'chunk_0.pt')
    (tmp_path / 'chunk_0.pt').write_text('obs,action\n1,2\n')
    with pytest.raises(DataError, match='not a torch.save zip archive'):
        read_chunk(tmp_path / 'chunk_0.pt')
    torch.save({'obs': torch.zeros(2, 3)}, tmp_path / 'chunk_0.pt')
    with pytest.raises(DataError, match=r"chunk_0\.pt: holds a dict, not a TensorDict"):
        read_chunk(tmp_path / 'chunk_0.pt')
    with pytest.raises(DataError, match='no such file or directory'):
        load_dataset(tmp_path / 'nowhere')
    (tmp_path / 'empty').mkdir()
    with pytest.raises(DataError, match=r'empty: no \*\.pt chunk files'):
        load_dataset(tmp_path / 'empty')


def test_unsafe_pickle_needs_the_trust_flag(tmp_path):
    td = tdmpc2_chunk()
    td.set_non_tensor('source', Path('/data/mt30'))  # a pickled object that weights_only does not allow
    torch.save(td, tmp_path / 'chunk_0.pt')
    with pytest.raises(DataError, match=r"chunk_0\.pt: refused by torch\.load\(weights_only=True\).*pass trust=True"):
        load_dataset(tmp_path)
    assert isinstance(read_chunk(tmp_path / 'chunk_0.pt', trust=True), TensorDict)


def test_replay_buffer_windows_are_aligned():
    src = tdmpc2_chunk(T1=41)
    rb = ReplayBuffer(capacity=4 * 40)
    rb.add(src[0])
    rb.add(src[1:5])  # 5 episodes into 4 slots: episode 0 is dropped
    assert len(rb) == 160
    w = rb.sample(64, 8, generator=torch.Generator().manual_seed(1))
    for b in range(64):
        e, s = locate(w['obs'][0, b], src)
        assert 1 <= e <= 4
        assert torch.equal(w['action'][:, b], src['action'][e, s + 1:s + 9])
        assert torch.equal(w['reward'][:, b], src['reward'][e, s + 1:s + 9])


def run_collect(out_dir, *args, check=True):
    cmd = [str(COLLECT), f'out_dir={out_dir}', 'tasks=[pendulum-swingup,cartpole-swingup]', 'num_envs=2',
           'episodes_per_chunk=2', 'progress=false', *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


def test_collect_command_writes_what_the_loader_reads(tmp_path):
    run_collect(tmp_path, 'chunks=2')
    assert sorted(p.name for p in tmp_path.glob('*.pt')) == ['chunk_0.pt', 'chunk_1.pt']
    data = load_dataset(tmp_path)
    assert data.batch_size == (4, 501) and data['task'][:, 0].tolist() == [7, 10, 7, 10]
    assert data['reward'][:, 1:].min() >= 0 and data['reward'][:, 1:].max() <= 2
    w = sample_windows(data, 8, 16)
    assert torch.isfinite(w['action']).all() and torch.isfinite(w['reward']).all()
    bad = run_collect(tmp_path, 'chunks=2', 'seed=5', check=False)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines()[-1].startswith('error: out_dir=') and 'seed: 1 there, 5 here' in bad.stderr


@pytest.mark.parametrize('killed_after', ['chunk_0.pt', 'chunk_2.pt'])
def test_collect_killed_then_resumed_matches_a_clean_run(tmp_path, killed_after):
    out, clean = tmp_path / 'killed', tmp_path / 'clean'
    args = [str(COLLECT), f'out_dir={out}', 'tasks=[pendulum-swingup]', 'num_envs=1', 'episodes_per_chunk=1',
            'chunks=6', 'progress=false']
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not (out / killed_after).exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = sorted(p.name for p in out.glob('*.pt'))
    assert len(done) < 6, 'the run finished before it could be killed'
    assert done and load_dataset(out).batch_size == (len(done), 501)  # whatever was left loads as valid
    subprocess.run(args, check=True, capture_output=True)
    assert not list(out.glob('.*.tmp'))
    collect(clean, ['pendulum-swingup'], num_envs=1, chunks=6, episodes_per_chunk=1, progress=False)
    a, b = load_dataset(out), load_dataset(clean)
    assert a.batch_size == (6, 501)
    for k in ('obs', 'action', 'reward', 'task'):
        assert torch.equal(a[k].nan_to_num(-9.), b[k].nan_to_num(-9.))
