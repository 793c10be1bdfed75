"""Compiled updates (`compile=true`) against eager ones: the same losses, to rounding.

Tolerance: compiled code fuses and reorders float32 operations, so each loss may differ from eager by a few units
in the last place per operation; over one update (a 16-step rollout or a window loss, a backward pass and an Adam
step) and the next update from those weights, we allow a relative difference of 1e-4 (float32 rounding is about
6e-8 per operation, and an update chains a few thousand). Inductor's own random numbers would differ from eager's,
so the compiled code is asked to draw them through the same generator (`fallback_random`): the two runs see the
same exploration noise and flow-matching times."""
import copy
import pytest
import torch
import torch._inductor.config as inductor_config
from hydra import compose, initialize_config_module
from pwm_flow.algorithms.pwm import start_latents
from pwm_flow.builders import build_world_model, policy_trainer, world_model_trainer
from pwm_flow.data import sample_windows, synthetic_episodes
from pwm_flow.tasks import TASK_SETS, TASKS

SMALL = ['alg.model.latent_dim=16', 'alg.model.encoder_units=[16]', 'alg.model.units=[16,16]', 'alg.actor.units=[16]',
         'alg.critic.units=[16]', 'alg.horizon=4', 'alg.batch_size=16', 'alg.wm_batch_size=16', 'alg.esnr.M=4',
         'alg.policy.critic_iterations=1', 'alg.policy.critic_batches=2', 'alg.model.task_dim=4']


def two_iterations(cfg, model, batches, compile):
    "Two world-model updates and two policy updates (no ESNR) from a copy of `model`; their logged rows."
    m = copy.deepcopy(model)
    torch.manual_seed(1)
    wm = world_model_trainer(cfg.alg, m, compile=compile)
    pol = policy_trainer(cfg.alg, m, torch.device('cpu'), 6, 10, compile=compile)
    rows = []
    for i, b in enumerate(batches):
        torch.manual_seed(10 + i)
        rows += [wm.update(b), pol.update(m, start_latents(m, b), b['task'], iteration=i + 1)]
    return rows


@pytest.mark.parametrize('alg', ['pwm_tiny', 'pwm_tiny_flow'])
def test_compiled_updates_match_eager(alg):
    torch.set_num_threads(1)
    with initialize_config_module('pwm_flow.cfg', version_base=None):
        cfg = compose('train', [f'alg={alg}', *SMALL])
    eps = synthetic_episodes(4, TASK_SETS['mt30'][:2], length=12, seed=0)
    batches = [sample_windows(eps, 16, 4, torch.Generator().manual_seed(i)) for i in range(2)]
    torch.manual_seed(0)
    model = build_world_model(cfg.alg, 24, 6, len(TASKS))
    with inductor_config.patch(fallback_random=True):
        eager, comp = two_iterations(cfg, model, batches, False), two_iterations(cfg, model, batches, True)
    for e, c in zip(eager, comp):
        for key in ('wm_loss', 'wm_dyn_loss', 'wm_rew_loss', 'actor_loss', 'critic_loss', 'imagined_return'):
            if key in e: assert c[key] == pytest.approx(e[key], rel=1e-4, abs=1e-6), key
