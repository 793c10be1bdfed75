"""Session 15: is the world model wrong at walker-stand's down states for saturated actions in general, or only along
the actions its policy chose? (results/mini/probe_walker_openloop.csv). For each policy file's world model: windows of
16 steps starting at down states (torso height, observation 14, below 0.6; every 8 steps) of the given episodes (a
collection's first chunk, or the policy's own 10 real deterministic episodes, seed 0), the real reward per step over
the window against the model's open-loop prediction along the same actions, split by the share of the window's steps
whose six action components are all beyond 0.9 in magnitude (none, some, at least half).
Usage: python probe_walker_openloop_s15.py OUT.csv NAME=POLICY.pt ... --data NAME=CHUNK.pt ..."""
import sys, torch
import pandas as pd
from pwm_flow.data import read_chunk
from pwm_flow.math import two_hot_inv
from pwm_flow.model_error import policy_episodes

H, STRIDE, DOWN = 16, 8, 0.6

@torch.no_grad()
def windows(model, eps) -> pd.DataFrame:
    obs, act, rew = eps['obs'], eps['action'][:, 1:], eps['reward'][:, 1:]
    starts = torch.arange(0, act.shape[1] - H + 1, STRIDE)
    o0 = obs[:, starts].flatten(0, 1)
    ids = eps['task'][:, 0].repeat_interleave(len(starts)) if model.task_dim else None
    a = torch.stack([act[:, starts + h] for h in range(H)], 2).flatten(0, 1)  # [windows, H, action_dim]
    real = torch.stack([rew[:, starts + h] for h in range(H)], -1).flatten(0, 1).mean(-1)
    z, pred = model.encode(o0, ids), []
    for h in range(H):
        z, logits = model.step(z, a[:, h], ids)
        pred.append(two_hot_inv(logits, model.num_bins, model.vmin, model.vmax).flatten())
    sat = (a[..., :6].abs() > 0.9).all(-1).float().mean(-1)
    return pd.DataFrame(dict(down=(o0[:, 14] < DOWN).numpy(), saturated=sat.numpy(), real=real.numpy(),
                             model=torch.stack(pred, -1).mean(-1).numpy()))

out, *args = sys.argv[1:]
i = args.index('--data')
models, data = [a.split('=', 1) for a in args[:i]], [a.split('=', 1) for a in args[i + 1:]]
chunks, rows = [(n, read_chunk(p)) for n, p in data], []
for mname, path in models:
    pol, _, own = policy_episodes(path, episodes=10)
    for sname, eps in chunks + [('own_episodes', own['policy'])]:
        w = windows(pol.model, eps)
        w = w[w.down]
        for share, sel in (('none', w.saturated == 0), ('some', (w.saturated > 0) & (w.saturated < 0.5)), ('half_or_more', w.saturated >= 0.5)):
            rows.append(dict(world_model=mname, episodes=sname, saturated_steps=share, windows=int(sel.sum()),
                             real_reward_per_step=w.real[sel].mean(), model_reward_per_step=w.model[sel].mean()))
t = pd.DataFrame(rows).round(4)
t.to_csv(out, index=False)
print(t.to_string())
