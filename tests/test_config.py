"""The alg configs: every one composes and instantiates, the flow twins mirror their baselines,
`pwm-flow-parity` reports parity, and bad values fail at start-up with one line naming the key."""
import re, subprocess, sys
from pathlib import Path

import pytest
import torch
from hydra import compose, initialize_config_module
from hydra.utils import instantiate
from omegaconf import OmegaConf

import pwm_flow
from pwm_flow.algorithms.dynamics_loss import check_pairing, latent_rollout
from pwm_flow.builders import check_alg
from pwm_flow.flow import Integrator
from pwm_flow.parity import count_params, world_model_params

SIZES = ['1M', '5M', '19M', '48M', '317M']  # REFERENCE.md
ALGS = sorted(p.stem for p in (Path(pwm_flow.__file__).parent / 'cfg' / 'alg').glob('pwm_*.yaml'))
BASELINES = [a for a in ALGS if not a.endswith('_flow')]
MT30 = dict(obs_dim=24, action_dim=6, num_tasks=30)
SMALL = ['alg.model.latent_dim=16', 'alg.model.encoder_units=[8]', 'alg.model.units=[12,12]']
PARITY = Path(sys.executable).parent / 'pwm-flow-parity'


def compose_alg(name, *overrides):
    with initialize_config_module('pwm_flow.cfg', version_base=None):
        return compose('parity', [f'alg={name}', *overrides]).alg


def test_sizes_and_twins_shipped():
    assert {f'pwm_{s}' for s in SIZES} <= set(BASELINES)
    assert set(ALGS) == set(BASELINES) | {f'{b}_flow' for b in BASELINES}


@pytest.mark.parametrize('name', ALGS)
def test_composes_and_instantiates_small(name):
    "At a small size every config builds its model (a flow model with its integrator) and loss, and one world-model loss runs."
    alg = compose_alg(name, *SMALL)
    model, loss = instantiate(alg.model, **MT30), instantiate(alg.dynamics_loss)
    if name.endswith('_flow'):
        assert isinstance(model.integrator, Integrator) and (model.integrator.type, model.integrator.substeps) == ('heun', 2)
    check_pairing(loss, model)
    assert type(model).__name__ == ('FlowWorldModel' if name.endswith('_flow') else 'MLPWorldModel')
    H, B = alg.horizon, 3
    obs, actions = torch.randn(H + 1, B, 24), torch.rand(H, B, 6) * 2 - 1
    task = torch.tensor([0, 7, 29]) if model.task_dim else None  # single-task configs take no task ids
    with torch.no_grad(): z_tgt = model.encode(obs[1:], task)
    zs = latent_rollout(model, model.encode(obs[0], task), actions, task)
    l_dyn = loss(model, zs, z_tgt, actions, task)
    assert l_dyn.ndim == 0 and torch.isfinite(l_dyn)
    l_dyn.backward()
    assert model.encoder[0].weight.grad.abs().sum() > 0


@pytest.mark.parametrize('name', ALGS)
def test_full_size_on_meta(name):
    "At its real size (on the meta device) each model has the analytic parameter count, and flow models are at parity."
    model = check_alg(compose_alg(name), **MT30)
    assert next(model.parameters()).device.type == 'meta'
    alg = compose_alg(name)
    kw = dict(latent_dim=alg.model.latent_dim, encoder_units=list(alg.model.encoder_units), units=list(alg.model.units),
              task_dim=alg.model.task_dim, num_bins=alg.model.num_bins)
    velocity_units = model.velocity_units if name.endswith('_flow') else None
    assert count_params(model) == sum(world_model_params(24, 6, num_tasks=30, **kw, velocity_units=velocity_units).values())
    P_base = sum(world_model_params(24, 6, num_tasks=30, **kw).values())
    if name.endswith('_flow'): assert abs(count_params(model) - P_base) / P_base <= alg.parity.tol


@pytest.mark.parametrize('name', BASELINES)
def test_flow_twin_mirrors_baseline(name):
    "A _flow twin differs from its baseline only in the model target, the flow model's keys and the loss."
    base, flow = (OmegaConf.to_container(compose_alg(f'{name}{v}'), resolve=True) for v in ('', '_flow'))
    flow_only = {'_target_', 'integrator', 'velocity_units'}
    assert {k: v for k, v in flow['model'].items() if k not in flow_only} == \
           {k: v for k, v in base['model'].items() if k != '_target_'}
    assert {k: v for k, v in flow.items() if k not in ('model', 'dynamics_loss')} == \
           {k: v for k, v in base.items() if k not in ('model', 'dynamics_loss')}
    assert flow['dynamics_loss']['_target_'].endswith('FlowMatchingDynamicsLoss')
    i = base['integrator']
    assert flow['model']['integrator'] == {'_target_': 'pwm_flow.flow.Integrator', 'type': i['type'], 'substeps': i['substeps']}
    assert flow['dynamics_loss']['tau_sampling'] == i['tau_sampling']


def parity(*args):
    return subprocess.run([str(PARITY), *args], capture_output=True, text=True, timeout=300)  # generous: CI shares its two cores


def test_parity_command_48M_flow():
    run = parity('alg=pwm_48M_flow')
    assert run.returncode == 0, run.stderr
    gap = float(re.search(r'^gap ([+-][0-9.]+)%', run.stdout, re.M).group(1))
    assert abs(gap) < 2
    assert 'FlowWorldModel counted on the meta device' in run.stdout


@pytest.mark.parametrize('overrides, key', [
    (['alg=pwm_48M_flow', 'alg.integrator.type=rk9'], 'alg.integrator.type'),
    (['alg=pwm_48M_flow', 'alg.integrator.substeps=0'], 'alg.integrator.substeps'),
    (['alg=pwm_48M_flow', 'alg.integrator.tau_sampling=foo'], 'alg.integrator.tau_sampling'),
    (['alg=pwm_48M_flow', 'alg.model._target_=pwm_flow.models.world_model.MLPWorldModel'], 'alg.model'),
    (['alg=pwm_48M', 'alg.dynamics_loss._target_=pwm_flow.algorithms.dynamics_loss.FlowMatchingDynamicsLoss'], 'alg.model'),
    (['alg=pwm_48M_flow', 'alg.model.velocity_units=[1000,1000]', 'alg.parity.strict=true'], 'alg.parity'),
])
def test_bad_values_fail_in_one_line(overrides, key):
    run = parity(*overrides)
    assert run.returncode == 2, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith('error: ') and key in lines[0], run.stderr


def test_reward_transform_is_settled_in_one_place():
    "The method's departures table names the actor's reward transform; the shipped config and the trainer's default agree."
    import json, re
    from pathlib import Path
    from pwm_flow.algorithms.pwm import PolicyTrainer
    import inspect
    index = json.loads((Path(__file__).resolve().parent.parent / 'nbs' / 'index.ipynb').read_text())
    text = ''.join(''.join(c['source']) for c in index['cells'])
    row = next(l for l in text.splitlines() if l.startswith('| reward transform in the actor'))
    stated = re.search(r'`alg\.policy\.reward_symexp=(true|false)`', row).group(1) == 'true'
    assert 'reward units' in row.split('|')[3] and stated
    for name in ('pwm_mini', 'pwm_tiny_flow', 'pwm_48M'):
        assert compose_alg(name).policy.reward_symexp is stated
    assert inspect.signature(PolicyTrainer).parameters['reward_symexp'].default is stated
