#!/bin/bash
# Session 7's probes of the MLP baseline (results/mini/probe_policy.csv rows on4_*, buf_reacher;
# results/mini/probe_reward_action.csv), as run from a worktree at 0e9cf10 with one thread each.
set -e
ON="alg=pwm_mini +variant=mlp seed=1 threads=1 device=cpu alg.wm_loss.rew_coef=0.1 online.num_envs=1 online.seed_episodes=1 online.seed_updates=200 eval_episodes=10 checkpoint_every=1000"
# online at 4 agent steps, 4 world-model updates and 1 policy update per iteration (~50 min each)
pwm-flow-train mode=online task=walker-stand $ON iterations=12500 eval_every=625 online.steps_per_iter=4 online.wm_updates=4 hydra.run.dir=runs/on4_walker
pwm-flow-train mode=online task=reacher-easy $ON iterations=12500 eval_every=625 online.steps_per_iter=4 online.wm_updates=4 hydra.run.dir=runs/on4_reacher
pwm-flow-train mode=online task=walker-stand $ON iterations=8750 eval_every=625 online.steps_per_iter=4 online.wm_updates=4 alg.batch_size=256 hydra.run.dir=runs/on4b256_walker  # stopped at 7,500
# offline from on4_reacher's replay buffer: its episodes as a TD-MPC2 chunk padded to MT30's widths
python - <<'PY'
import torch, torch.nn.functional as F
from tensordict import TensorDict
from pwm_flow.data import ReplayBuffer, write_chunk
b = ReplayBuffer(10**6); b.load_state_dict(torch.load('runs/on4_reacher/checkpoint.pt', weights_only=False)['buffer'])
e = b.episodes
act = F.pad(e['action'], (0, 6 - e['action'].shape[-1])); act[:, 0] = float('nan')
write_chunk(TensorDict(dict(obs=F.pad(e['obs'], (0, 24 - e['obs'].shape[-1])), action=act, reward=e['reward'], task=e['task']),
                       batch_size=e.batch_size), 'data/on4_reacher/chunk_0.pt')
PY
R="seed=1 alg=pwm_mini +variant=mlp offline.dataset=data/on4_reacher alg.wm_iterations=10000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu"
pwm-flow-pretrain $R checkpoint_every=500 hydra.run.dir=runs/buf_reacher/pretrain
pwm-flow-train $R task=reacher-easy offline.world_model=runs/buf_reacher/pretrain/world_model.pt mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/buf_reacher/policies/reacher-easy
# the reward head by action, for probe y's policies (runs of results/mini/recipe_commands.sh's probe y, seeds 1-3)
python - <<'PY'
import pandas as pd
from pwm_flow.model_error import policy_reward_by_action
tasks = ['cartpole-balance', 'cartpole-swingup', 'reacher-easy', 'walker-stand']
pd.concat([policy_reward_by_action(f'runs/mini_y_s{s}/policies/{t}/policy_{t}.pt', episodes=4, seed=0).assign(probe=f'mini_y_s{s}')
           for s in (1, 2, 3) for t in tasks])[['probe', 'task', 'episodes', 'true', 'taken_action', 'random_action', 'zero_action']
          ].round(4).to_csv('results/mini/probe_reward_action.csv', index=False)
PY
