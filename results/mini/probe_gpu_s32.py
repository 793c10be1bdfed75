"""Session 32 probe: walker-stand's data, halved and stored in float16, small enough to travel to a GPU machine.

  python probe_gpu_s32.py pack DATA_DIR OUT.pt.xz     # even-numbered chunks of every walker-stand source, float16, lzma
  python probe_gpu_s32.py unpack IN.pt.xz DIR         # -> DIR/chunk_<i>.pt, TensorDicts in float32 (the rounded values)
  python probe_gpu_s32.py table RUNS_DIR OUT.csv      # one row per evaluation of each run, with its world model's losses

The GPU run and its CPU reference both read the unpacked folder, so they learn from identical (rounded) numbers.
"""
import io, json, lzma, sys
from pathlib import Path
import numpy as np
import pandas as pd
import torch
from tensordict import TensorDict

FIELDS = ('obs', 'action', 'reward')

def pack(data_dir: str, out: str) -> None:
    files = sorted(p for p in Path(data_dir, 'collect').glob('walker-stand_*/chunk_*.pt') if int(p.stem.split('_')[1]) % 2 == 0)
    parts = [torch.load(p, weights_only=False) for p in files]
    td = torch.cat(parts, 0)
    blob = {k: td[k].half() for k in FIELDS} | {'task': td['task'][:, 0].to(torch.int8), 'files': [str(p.relative_to(data_dir)) for p in files]}
    buf = io.BytesIO(); torch.save(blob, buf)
    Path(out).write_bytes(lzma.compress(buf.getvalue(), preset=6))
    print(f"{len(files)} chunks, {td.shape[0]} episodes x {td.shape[1]} steps -> {out} ({Path(out).stat().st_size / 1e6:.1f} MB)")

def unpack(src: str, out: str, chunk: int = 64) -> None:
    blob = torch.load(io.BytesIO(lzma.decompress(Path(src).read_bytes())), weights_only=False)
    E, T = blob['obs'].shape[:2]
    td = TensorDict({k: blob[k].float() for k in FIELDS} | {'task': blob['task'].long()[:, None].expand(E, T).contiguous()}, batch_size=[E, T])
    Path(out).mkdir(parents=True, exist_ok=True)
    for i in range(0, E, chunk): torch.save(td[i:i + chunk].clone(), Path(out, f'chunk_{i // chunk}.pt'))
    print(f"{E} episodes x {T} steps -> {out}")

def table(runs: str, out: str) -> None:
    "One row per evaluation of each run folder RUNS/<probe>_s<seed>/ (pre/ and pol/: metrics.csv and run.json of each phase)."
    from pwm_flow.experiment import plateau_change
    rows = []
    for d in sorted(p for p in Path(runs).iterdir() if (p / 'pol' / 'metrics.csv').exists()):
        pre, pol = (pd.read_csv(d / ph / 'metrics.csv') for ph in ('pre', 'pol'))
        info = json.loads((d / 'pre' / 'run.json').read_text()); alg = info['config']['alg']
        wm = pre[pre.phase == 'wm'].set_index('iteration'); W = len(wm); late = wm[wm.index > 0.95 * W]
        ev = pol.dropna(subset=['eval_reward']).set_index('iteration')
        imag = pol.groupby(ev.index.values[np.searchsorted(ev.index.values, pol.iteration)]).imagined_reward.mean()
        rows.append(pd.DataFrame(dict(
            probe=d.name.rsplit('_s', 1)[0], seed=info['config']['seed'], device=info['hardware'], P_world_model=info['P_model'],
            latent_dim=alg['model']['latent_dim'], wm_batch_size=alg['wm_batch_size'], wm_iterations=W,
            pretrain_wall_clock_s=round(wm.wall_clock.iloc[-1], 1), wm_dyn_loss_last5pct=round(late.wm_dyn_loss.mean(), 4),
            wm_rew_loss_last5pct=round(late.wm_rew_loss.mean(), 4), dyn_change_last20_pct=round(100 * plateau_change(wm.wm_dyn_loss, W), 1),
            policy_iteration=ev.index, eval_reward=ev.eval_reward.round(2), imagined_reward_per_step=imag.round(4).values,
            real_reward_per_step=(ev.eval_reward / 500).round(4))))
    t = pd.concat(rows, ignore_index=True)
    t['imagined_over_real'] = (t.imagined_reward_per_step / t.real_reward_per_step).round(2)
    t.to_csv(out, index=False)
    print(t[t.policy_iteration == t.policy_iteration.max()].drop(columns=['device']).to_string(index=False))

if __name__ == '__main__':
    {'pack': pack, 'unpack': unpack, 'table': table}[sys.argv[1]](*sys.argv[2:])
