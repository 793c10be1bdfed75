"""Session 9's walker-stand diagnosis (results/mini/probe_walker_down.csv). For each policy file written by
`pwm-flow-train`: its 10 real episodes (deterministic, seed 0), how many end standing (torso height, observation 14,
above 1.0), and, from real states of those episodes every 8 steps, split into down (torso height below 0.6) and up:
the real reward per step over the next 16 steps, the world model's open-loop prediction along the real actions, its
closed-loop imagination with the policy acting on imagined latents (what the actor optimises), and its one-step
reward prediction with the policy's action, the final teacher's action and a uniformly random one.
Usage: python probe_walker_s9.py OUT.csv TEACHER.pt NAME=POLICY.pt ...
With `--data COLLECT_DIR`: per collection of a walker-stand data folder, the share of steps down and of episodes
that are down at some step and stand (torso height above 1.0) later."""
import sys, torch
from pathlib import Path
import pandas as pd
from pwm_flow.data import load_dataset
from pwm_flow.math import two_hot_inv
from pwm_flow.model_error import policy_episodes
from pwm_flow.teacher import load_teacher

H, STRIDE, DOWN = 16, 8, 0.6

@torch.no_grad()
def diagnose(path: str, teacher) -> list[dict]:
    torch.manual_seed(0)  # the uniformly random actions
    pol, _, eps = policy_episodes(path, episodes=10)
    m, e = pol.model, eps['policy']
    dec = lambda logits: two_hot_inv(logits, m.num_bins, m.vmin, m.vmax).flatten()
    obs, act, rew = e['obs'], e['action'][:, 1:], e['reward'][:, 1:]
    starts = torch.arange(0, act.shape[1] - H + 1, STRIDE)
    o0 = obs[:, starts].flatten(0, 1)
    ids = e['task'][:, 0].repeat_interleave(len(starts)) if m.task_dim else None
    real = torch.stack([rew[:, starts + h] for h in range(H)], -1).flatten(0, 1).mean(-1)
    z = zc = z0 = m.encode(o0, ids)
    open_loop, closed_loop = [], []
    for h in range(H):
        z, logits = m.step(z, act[:, starts + h].flatten(0, 1), ids); open_loop.append(dec(logits))
        zc, logits = m.step(zc, pol.actor(zc, True), ids); closed_loop.append(dec(logits))
    open_loop, closed_loop = torch.stack(open_loop, -1).mean(-1), torch.stack(closed_loop, -1).mean(-1)
    a0 = act[:, starts].flatten(0, 1)
    one_step = {k: dec(m.reward(z0, a, ids)) for k, a in dict(policy=a0, teacher=teacher(o0[:, :teacher.obs_dim]),
                                                              random=torch.rand_like(a0) * 2 - 1).items()}
    returns, standing = rew.sum(1), int((obs[:, -1, 14] > 1.0).sum())
    rows = []
    for name, sel in (('down', o0[:, 14] < DOWN), ('up', o0[:, 14] >= DOWN)):
        rows.append(dict(states=name, starts=int(sel.sum()), return_mean=round(returns.mean().item(), 1), episodes_standing_at_end=standing,
                         real_reward_16=real[sel].mean().item(), open_loop_reward_16=open_loop[sel].mean().item(),
                         imagined_reward_16=closed_loop[sel].mean().item(),
                         **{f'one_step_reward_{k}_action': v[sel].mean().item() for k, v in one_step.items()},
                         real_reward_1=rew[:, starts].flatten()[sel].mean().item()))
    return rows

def get_ups(collect_dir: str) -> pd.DataFrame:
    rows = []
    for folder in sorted(p for p in Path(collect_dir).iterdir() if p.is_dir()):
        h = load_dataset(folder)['obs'][:, :, 14]
        down = h < DOWN
        first = torch.where(down.any(1), down.float().argmax(1), h.shape[1])
        later_up = torch.stack([(h[i, first[i]:] > 1.0).any() for i in range(len(h))])
        rows.append(dict(collection=folder.name, episodes=len(h), steps_down=down.float().mean().item(),
                         episodes_down_then_up=(down.any(1) & later_up).float().mean().item()))
    return pd.DataFrame(rows).round(3)

if __name__ == '__main__':
    if sys.argv[1] == '--data': print(get_ups(sys.argv[2]).to_string()); sys.exit()
    teacher, _ = load_teacher(sys.argv[2])
    rows = [dict(policy=name, **r) for name, path in (a.split('=', 1) for a in sys.argv[3:]) for r in diagnose(path, teacher)]
    df = pd.DataFrame(rows).round(3); df.to_csv(sys.argv[1], index=False); print(df.to_string())
