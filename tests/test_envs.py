"""Environments: the MT30/MT80 registry, every one of the 80 tasks builds, resets to its width and steps with
TD-MPC2's conventions, multi-task padding at MT30 and MT80 widths, slicing, and one-line errors."""
import numpy as np
import pytest
import torch

from pwm_flow.core import ConfigError
from pwm_flow.tasks import TASK_SETS, TASKS, set_dims, set_steps, task_spec
from pwm_flow.envs import VecEnv, make_env

MT30_DIMS = {  # REFERENCE.md: id order, (obs, action)
    'walker-stand': (24, 6), 'walker-walk': (24, 6), 'walker-run': (24, 6), 'cheetah-run': (17, 6),
    'reacher-easy': (6, 2), 'reacher-hard': (6, 2), 'acrobot-swingup': (6, 1), 'pendulum-swingup': (3, 1),
    'cartpole-balance': (5, 1), 'cartpole-balance-sparse': (5, 1), 'cartpole-swingup': (5, 1),
    'cartpole-swingup-sparse': (5, 1), 'cup-catch': (8, 2), 'finger-spin': (9, 2), 'finger-turn-easy': (12, 2),
    'finger-turn-hard': (12, 2), 'fish-swim': (24, 5), 'hopper-stand': (15, 4), 'hopper-hop': (15, 4),
    'walker-walk-backwards': (24, 6), 'walker-run-backwards': (24, 6), 'cheetah-run-backwards': (17, 6),
    'cheetah-run-front': (17, 6), 'cheetah-run-back': (17, 6), 'cheetah-jump': (17, 6),
    'hopper-hop-backwards': (15, 4), 'reacher-three-easy': (8, 3), 'reacher-three-hard': (8, 3),
    'cup-spin': (8, 2), 'pendulum-spin': (3, 1)}


def test_registry_order_and_dims():
    assert list(MT30_DIMS) == TASK_SETS['mt30'] == TASKS[:30]
    assert len(TASKS) == 80 and all(t.startswith('mw-') for t in TASKS[30:])
    for i, t in enumerate(TASKS):
        s = task_spec(t)
        assert s.id == i
        assert (s.obs_dim, s.action_dim) == MT30_DIMS.get(t, (39, 4))
    assert set_dims('mt30') == (24, 6) and set_dims('mt80') == (39, 6)
    assert (set_steps('mt30'), set_steps('mt80')) == (500, 100)


def test_unknown_tasks_say_so():
    with pytest.raises(ConfigError, match=r"^task='hoper-hop' is not an MT30/MT80 task; did you mean hopper-hop"):
        task_spec('hoper-hop')


@pytest.mark.parametrize('task', TASKS)
def test_every_task_resets_and_steps(task):
    spec = task_spec(task)
    env = make_env(task, seed=0)
    obs = env.reset()
    assert obs.shape == (spec.obs_dim,) and obs.dtype == np.float32
    rng = np.random.default_rng(0)
    top = 2. if spec.kind != 'metaworld' else 20.  # per simulator step: DMControl rewards in [0, 1], Meta-World's in [0, 10]
    for _ in range(3):
        obs, r, done, success = env.step(rng.uniform(-1, 1, spec.action_dim))
        assert obs.shape == (spec.obs_dim,) and np.isfinite(obs).all()
        assert np.isfinite(r) and 0. <= r <= top and not done and success in (0., 1.)


@pytest.mark.parametrize('task_set, first, count', [('mt30', 0, 30), ('mt80', 0, 30), ('mt80', 30, 50)])
def test_all_tasks_in_one_padded_vecenv(task_set, first, count):
    tasks = TASK_SETS[task_set][first:first + count]  # one episode length per VecEnv: DMControl's or Meta-World's
    (O, A), n = set_dims(task_set), len(tasks)
    vec = VecEnv(tasks, n, seed=0, obs_dim=O, action_dim=A)
    obs = vec.reset()
    assert obs.shape == (n, O)
    dims = torch.tensor([task_spec(t).obs_dim for t in tasks])
    assert (obs[torch.arange(O) >= dims[:, None]] == 0).all()  # zero padding
    assert vec.task.tolist() == list(range(first, first + n))
    for _ in range(2):
        obs, r, done, info = vec.step(torch.rand(n, A) * 2 - 1)
        assert obs.shape == (n, O) and r.shape == (n,) and not done.any()
        if first < 30: assert torch.equal(info['success'], torch.zeros(n))  # DMControl: no success signal, 0 as in TD-MPC2


def test_episode_is_500_steps_and_seeded():
    vec = VecEnv('pendulum-swingup', 2, seed=4)
    first = vec.reset()
    assert not torch.equal(first[0], first[1])  # env j is seeded with seed + j
    for t in range(500):
        _, _, done, _ = vec.step(torch.zeros(2, 1))
        assert bool(done.all()) == (t == 499)
    with pytest.raises(RuntimeError, match='call reset'):
        vec.step(torch.zeros(2, 1))
    assert torch.equal(VecEnv('pendulum-swingup', 2, seed=4).reset(), first)
    assert torch.equal(vec.reset(seed=4), first)


def test_padded_actions_are_sliced_off():
    a = torch.rand(2, 6) * 2 - 1
    outs = []
    for padding in (0., 0.9):  # what the padded entries hold must not matter
        vec = VecEnv(['pendulum-swingup', 'walker-walk'], 2, seed=0, obs_dim=24, action_dim=6)
        vec.reset()
        outs.append(vec.step(torch.where(vec.action_mask, a, padding))[:2])
    assert vec.action_mask.sum(1).tolist() == [1, 6]
    assert torch.equal(outs[0][0], outs[1][0]) and torch.equal(outs[0][1], outs[1][1])


def test_bad_vecenv_input_is_one_line():
    with pytest.raises(ConfigError, match='wider than the padded widths'):
        VecEnv('walker-walk', 1, 0, obs_dim=17)
    vec = VecEnv('cartpole-swingup', 2, 0)
    vec.reset()
    with pytest.raises(ConfigError, match=r'action has shape \(2, 6\), expected \(2, 1\)'):
        vec.step(torch.zeros(2, 6))
