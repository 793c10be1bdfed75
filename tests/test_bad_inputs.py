"""Bad inputs, as a hostile new user would give them: each case is one line of `CASES`, and each must end in exactly
one `error: ...` line on stderr naming what is wrong, with exit status 2, and nothing loaded may run code.

Placeholders in the arguments: {tmp} (the case's own folder), {data} (a one-episode cartpole-balance dataset),
{wm} (a world model pretrained on it), {policy} (a cartpole-balance policy file), {teacher} (a committed teacher
snapshot), {evil} (a pickle that touches {tmp}/marker when loaded), {cut} (a truncated policy file), {text} (a text
file), {empty} (an empty folder), {run} (a copy of a finished online run folder, changed by the case's `setup`)."""
import json, os, shutil, subprocess, sys
from pathlib import Path
import pytest
import torch

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, 'MUJOCO_GL': os.environ.get('MUJOCO_GL', 'egl'), 'OMP_NUM_THREADS': '1'}
ENV.pop('HYDRA_FULL_ERROR', None); ENV.pop('PWM_FLOW_ONE_LINE', None)
TINY = ['alg=pwm_tiny', 'alg.model.latent_dim=16', 'alg.model.encoder_units=[32]', 'alg.model.units=[32,32]',
        'alg.actor.units=[32]', 'alg.critic.units=[32]', 'alg.batch_size=16', 'alg.wm_batch_size=16', 'alg.horizon=4',
        'alg.policy.critic_iterations=1', 'alg.policy.critic_batches=2', 'alg.esnr.M=4', 'alg.esnr.every=2',
        'eval_episodes=1', 'online.num_envs=1', 'online.seed_updates=2', 'online.wm_updates=1', 'online.steps_per_iter=2',
        'online.buffer_size=5000', 'threads=1', 'device=cpu', 'iterations=2', 'eval_every=2', 'checkpoint_every=1']
OFF = ['mode=offline', 'offline.dataset={data}', 'alg.wm_iterations=2']


def run(command, *args):
    return subprocess.run([str(BIN / command), *args], capture_output=True, text=True, env=ENV, timeout=300)


class Evil:
    def __init__(self, marker): self.marker = marker
    def __reduce__(self): return (Path.touch, (self.marker,))


@pytest.fixture(scope='module')
def files(tmp_path_factory):
    "What the cases point at, made once: a dataset, a world model, a policy file, a finished online run."
    d = tmp_path_factory.mktemp('files')
    assert run('pwm-flow-collect', f'out_dir={d / "data"}', 'tasks=[cartpole-balance]', 'num_envs=1', 'chunks=1',
               'episodes_per_chunk=1', 'progress=false').returncode == 0
    p = run('pwm-flow-pretrain', *TINY, 'offline.dataset=' + str(d / 'data'), 'alg.wm_iterations=2', f'hydra.run.dir={d / "pre"}')
    assert p.returncode == 0, p.stderr[-2000:]
    p = run('pwm-flow-train', *TINY, 'mode=offline', 'task=cartpole-balance', 'offline.dataset=' + str(d / 'data'),
            f'offline.world_model={d / "pre" / "world_model.pt"}', f'hydra.run.dir={d / "policy"}')
    assert p.returncode == 0, p.stderr[-2000:]
    p = run('pwm-flow-train', *TINY, 'task=cartpole-balance', f'hydra.run.dir={d / "online"}')
    assert p.returncode == 0, p.stderr[-2000:]
    (d / 'text.txt').write_text('not a tensor file\n')
    (d / 'empty').mkdir()
    policy = d / 'policy' / 'policy_cartpole-balance.pt'
    (d / 'cut.pt').write_bytes(policy.read_bytes()[:200])
    return dict(data=d / 'data', wm=d / 'pre' / 'world_model.pt', policy=policy, online=d / 'online',
                teacher=ROOT / 'results' / 'mini' / 'teachers' / 'cartpole-balance' / 'actor_20000.pt',
                text=d / 'text.txt', empty=d / 'empty', cut=d / 'cut.pt')


def evil_checkpoint(run_dir, marker):
    ckpt = torch.load(run_dir / 'checkpoint.pt', weights_only=True)
    torch.save(dict(ckpt, evil=Evil(marker)), run_dir / 'checkpoint.pt')

SETUPS = {  # what a case does to its copy of the finished online run folder, {run}
    'no_run_json': lambda r, m: (r / 'run.json').unlink(),
    'cut_run_json': lambda r, m: (r / 'run.json').write_text((r / 'run.json').read_text()[:50]),
    'cut_checkpoint': lambda r, m: ((r / 'run.json').unlink(), (r / 'checkpoint.pt').write_bytes((r / 'checkpoint.pt').read_bytes()[:300])),
    'evil_checkpoint': lambda r, m: ((r / 'run.json').unlink(), evil_checkpoint(r, m)),
}

ONLINE = ' '.join(TINY) + ' task=cartpole-balance'
FLOW = ONLINE.replace('alg=pwm_tiny ', 'alg=pwm_tiny_flow ')
NO_ALG = ONLINE.replace('alg=pwm_tiny ', '')
# command | arguments | the message's key words | setup of {run}
CASES = [
    # -- config values of pwm-flow-train
    ('pwm-flow-train', ONLINE + ' task=cartpole-balanse', "task='cartpole-balanse'", None),
    ('pwm-flow-train', ONLINE + ' mode=offlne', "mode='offlne' is not one of online, offline, pretrain; did you mean offline", None),
    ('pwm-flow-train', ONLINE + ' mode=offline', 'mode=offline needs offline.dataset=', None),
    ('pwm-flow-train', FLOW + ' alg.integrator.type=rk9', "alg.integrator.type='rk9'", None),
    ('pwm-flow-train', FLOW + ' alg.integrator.substeps=0', 'alg.integrator.substeps=0', None),
    ('pwm-flow-train', FLOW + ' alg.integrator.tau_sampling=foo', "alg.integrator.tau_sampling='foo'", None),
    ('pwm-flow-train', ONLINE + ' alg.batch_size=18', 'alg.batch_size=18 must be a multiple of alg.esnr.M=4', None),
    ('pwm-flow-train', ONLINE + ' precision=bf16', "precision='bf16' needs fp32, or bf16 on a CUDA device", None),
    ('pwm-flow-train', ONLINE + ' precision=fp8', "precision='fp8'", None),
    ('pwm-flow-train', ONLINE + ' iterations=0', 'iterations=0 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' eval_every=-1', 'eval_every=-1', None),
    ('pwm-flow-train', ONLINE + ' eval_episodes=0', 'eval_episodes=0', None),
    ('pwm-flow-train', ONLINE + ' checkpoint_every=0', 'checkpoint_every=0', None),
    ('pwm-flow-train', ONLINE + ' alg.horizon=0', 'alg.horizon=0', None),
    ('pwm-flow-train', ONLINE + ' alg.esnr.M=0', 'alg.esnr.M=0 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' alg.esnr.M=1', 'esnr.M=1 must be at least 2', None),
    ('pwm-flow-train', ONLINE + ' alg.esnr.every=0', 'alg.esnr.every=0', None),
    ('pwm-flow-train', ONLINE + ' alg.esnr.ema=1.5', 'esnr.ema=1.5 must be in [0, 1)', None),
    ('pwm-flow-train', ONLINE + ' seed=abc', "seed='abc' must be a non-negative integer", None),
    ('pwm-flow-train', ONLINE + ' seed=-1', 'seed=-1 must be a non-negative integer', None),
    ('pwm-flow-train', ONLINE + ' threads=-1', 'threads=-1 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' threads=0', 'threads=0 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' device=tpu', "device='tpu'", None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.lr=-1', 'alg.wm_optim.lr=-1 must be a number in (0, inf)', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.grad_clip=0', 'alg.wm_optim.grad_clip=0', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.encoder_lr_scale=-0.5', 'alg.wm_optim.encoder_lr_scale=-0.5', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_loss.rew_coef=-1', 'alg.wm_loss.rew_coef=-1', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.lr_schedule=step', "alg.wm_optim.lr_schedule='step'", None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.lr_schedule=cosine', 'lr_schedule=cosine anneals', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.lr_floor=abc', "alg.wm_optim.lr_floor='abc' must be a number in [0, 1]", None),
    ('pwm-flow-train', ONLINE + ' alg.wm_optim.lr_floor=0.1', 'lr_floor=0.1 shapes the cosine schedule', None),
    ('pwm-flow-pretrain', ' '.join(TINY) + ' offline.dataset={data} alg.wm_optim.lr_schedule=cosine alg.wm_optim.lr_hold=0.2', 'nothing would move', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' alg.wm_optim.lr_schedule=cosine offline.finetune_wm=true', 'offline.finetune_wm=true trains it after that', None),
    ('pwm-flow-train', ONLINE + ' alg.wm_loss.dyn_coef=nan', 'alg.wm_loss.dyn_coef=nan', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.lam=2', 'alg.policy.lam=2 must be a number in [0, 1]', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.lam=-0.1', 'alg.policy.lam=-0.1', None),
    ('pwm-flow-train', ONLINE + ' alg.gamma=0', 'alg.gamma=0 must be a number in (0, 1]', None),
    ('pwm-flow-train', ONLINE + ' alg.gamma=1.5', 'alg.gamma=1.5', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.actor_lr=0', 'alg.policy.actor_lr=0', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.critic_lr=-1', 'alg.policy.critic_lr=-1', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.lr_min=0', 'alg.policy.lr_min=0', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.betas=[0.7,1.5]', 'alg.policy.betas[1]=1.5', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.critic_batches=0', 'alg.policy.critic_batches=0 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' alg.policy.critic_iterations=0', 'alg.policy.critic_iterations=0', None),
    ('pwm-flow-train', ONLINE + ' online.num_envs=0', 'online.num_envs=0', None),
    ('pwm-flow-train', ONLINE + ' online.steps_per_iter=0', 'online.steps_per_iter=0', None),
    ('pwm-flow-train', ONLINE + ' online.buffer_size=0', 'online.buffer_size=0 must be a positive integer', None),
    ('pwm-flow-train', ONLINE + ' online.seed_episodes=0', 'online.seed_episodes=0', None),
    ('pwm-flow-train', ONLINE + ' online.wm_updates=-1', 'online.wm_updates=-1 must be a non-negative integer', None),
    ('pwm-flow-train', ONLINE + ' alg.model.latent_dim=0', 'alg.model.latent_dim', None),
    ('pwm-flow-train', ONLINE + ' alg.model.simnorm_dim=7', 'simnorm_dim', None),
    ('pwm-flow-train', ONLINE + ' alg.integrator.substep=2', 'alg.integrator.substep: no such key; did you mean alg.integrator.substeps?', None),
    ('pwm-flow-train', ONLINE + ' seeed=2', 'seeed: no such key; did you mean seed?', None),
    ('pwm-flow-train', NO_ALG + ' alg=pwm_huge', 'alg=pwm_huge: no such config', None),
    ('pwm-flow-train', NO_ALG + ' alg=flow_dynamics', 'alg=flow_dynamics: no such config', None),
    ('pwm-flow-train', ONLINE + ' seed=[1', 'seed=[1: not a valid override', None),
    ('pwm-flow-train', ONLINE + ' task=mt30', 'task=mt30 is a task set; mode=online trains one task', None),
    ('pwm-flow-pretrain', ' '.join(TINY), 'mode=pretrain needs offline.dataset=', None),
    ('pwm-flow-pretrain', ' '.join(TINY) + ' offline.dataset={data} offline.wm_snapshots=[0]', 'offline.wm_snapshots=[0]', None),
    ('pwm-flow-pretrain', ' '.join(TINY) + ' offline.dataset={data} offline.world_model={wm}', 'offline.world_model is for mode=offline', None),
    # -- datasets and world-model files
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF).replace('{data}', '{tmp}/nowhere'), 'nowhere', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF).replace('{data}', '{empty}'), 'empty', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF).replace('{data}', '{text}'), 'text.txt', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF).replace('{data}', '{cut}'), 'cut.pt', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF).replace('{data}', '{evil}'), 'offline.trust=true', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' task=walker-stand', 'walker-stand', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' offline.world_model={tmp}/none.pt', 'offline.world_model=', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' offline.world_model={evil}', 'is not a world model file', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' offline.world_model={policy}', 'is not a world model file', None),
    ('pwm-flow-train', ONLINE + ' ' + ' '.join(OFF) + ' offline.world_model={wm} alg.model.latent_dim=32', 'holds another world model than alg.model builds (latent_dim: 16 there, 32 here)', None),
    # -- policy and teacher files for pwm-flow-collect
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={tmp}/none.pt', 'none.pt', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={evil}', 'is not a policy file', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={wm}', 'is not a policy file', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={cut}', 'is not a policy file', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[walker-stand] policy={policy}', 'acts in task cartpole-balance; collect with tasks=[cartpole-balance]', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={policy} teacher={teacher}', 'not both', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] teacher={evil}', 'teacher=', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] teacher={policy}', 'teacher=', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] num_envs=0', 'num_envs=0', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] num_envs=2 episodes_per_chunk=3', 'episodes_per_chunk=3 is not a multiple of num_envs=2', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[cartpole-balance] policy={policy} noise_std=-1', 'noise_std=-1', None),
    ('pwm-flow-collect', 'out_dir={tmp}/c tasks=[nope]', "'nope'", None),
    # -- run folders and checkpoints
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run}', 'is not readable JSON', 'cut_run_json'),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run} seed=2', 'holds a run with a different config (seed: 1 there, 2 here)', None),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run} task=cartpole-swingup', "checkpoint of another config (task: 'cartpole-balance' there, 'cartpole-swingup' here)", 'no_run_json'),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run} alg.model.latent_dim=32', 'checkpoint of another config (alg.model.latent_dim: 16 there, 32 here', 'no_run_json'),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run}', 'is not a pwm_flow checkpoint', 'cut_checkpoint'),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={run}', 'is not a pwm_flow checkpoint', 'evil_checkpoint'),
    # -- output paths
    ('pwm-flow-train', ONLINE + ' hydra.run.dir={text}/run', 'Not a directory', None),
    ('pwm-flow-train', ONLINE + ' hydra.run.dir=/proc/pwm_flow_run', '/proc/pwm_flow_run', None),
    ('pwm-flow-collect', 'out_dir={text}/c tasks=[cartpole-balance]', 'Not a directory', None),
    ('pwm-flow-experiment', 'stage=results runs_dir={text}/runs', 'Not a directory', None),
    # -- the other commands
    ('pwm-flow-bench', 'size=3M', 'alg=pwm_3M: no such config', None),
    ('pwm-flow-experiment', 'benchmark=nope', 'benchmark=nope: no such config (choices: mini)', None),
    ('pwm-flow-experiment', 'stage=nope', "stage='nope'", None),
    ('pwm-flow-parity', 'alg=pwm_48M_flow alg.integrator.type=rk9', "alg.integrator.type='rk9'", None),
    ('pwm-flow-teacher', 'out_dir={tmp}/t task=nope', "task='nope'", None),
]


@pytest.mark.parametrize('command, args, message, setup', CASES, ids=[f'{c[0][9:]}:{c[1].split()[-1]}:{c[3] or ""}' for c in CASES])
def test_bad_input_is_one_line(files, tmp_path, command, args, message, setup):
    (tmp_path / 'evil.pt').parent.mkdir(exist_ok=True)
    torch.save({'kind': 'world_model', 'x': Evil(tmp_path / 'marker')}, tmp_path / 'evil.pt')
    paths = {k: str(v) for k, v in files.items()} | dict(tmp=str(tmp_path), evil=str(tmp_path / 'evil.pt'), run=str(tmp_path / 'run'))
    shutil.copytree(files['online'], tmp_path / 'run')
    (tmp_path / 'run' / 'lock').unlink(missing_ok=True)
    if setup: SETUPS[setup](tmp_path / 'run', tmp_path / 'marker')
    p = run(command, *args.format(**paths).split())
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 2 and len(lines) == 1 and lines[0].startswith('error: '), (p.returncode, p.stderr[-3000:])
    assert message.format(**paths) in lines[0], lines[0]
    assert not (tmp_path / 'marker').exists(), 'a loaded file ran code'


def test_at_least_62_cases():
    assert len(CASES) >= 62


def test_second_writer_is_refused(files, tmp_path):
    "A run folder in use by one process is refused to another in one line naming the holder's PID."
    holder = subprocess.Popen([sys.executable, '-c', f"from pwm_flow.core import FolderLock; import time; "
                               f"l = FolderLock({str(tmp_path)!r}).acquire(); print('held', flush=True); time.sleep(120)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == 'held'
        p = run('pwm-flow-train', *TINY, 'task=cartpole-balance', f'hydra.run.dir={tmp_path}')
        assert p.returncode == 2 and p.stderr.strip() == \
            f"error: {tmp_path}: this run folder is in use by another process (pid {holder.pid}); wait for it to finish, or choose another folder"
    finally: holder.kill(); holder.wait()
    p = run('pwm-flow-train', *TINY, 'task=cartpole-balance', f'hydra.run.dir={tmp_path}')   # the stale lock is taken over
    assert p.returncode == 0, p.stderr[-2000:]
