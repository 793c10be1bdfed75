#!/usr/bin/env bash
# benchmark mini: data, then the sweep (what pwm-flow-experiment ran)
set -e
pwm-flow-train -m hydra/launcher=joblib hydra.launcher.n_jobs=2 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand mode=online seed=1 alg=pwm_mini iterations=100 eval_every=50 eval_episodes=5 checkpoint_every=50 threads=1 device=cpu online.seed_updates=200 hydra.sweep.dir=data/mini/teachers 'hydra.sweep.subdir=${task}'
pwm-flow-collect out_dir=data/mini/collect/random 'tasks=[cartpole-balance,cartpole-swingup,reacher-easy,walker-stand]' num_envs=4 episodes_per_chunk=64 seed=1 progress=false
pwm-flow-collect out_dir=data/mini/collect/cartpole-balance_noise0.1 'tasks=[cartpole-balance]' num_envs=8 episodes_per_chunk=8 seed=2 policy=data/mini/teachers/cartpole-balance/policy_cartpole-balance.pt noise_std=0.1 progress=false
pwm-flow-collect out_dir=data/mini/collect/cartpole-balance_noise0.5 'tasks=[cartpole-balance]' num_envs=8 episodes_per_chunk=8 seed=3 policy=data/mini/teachers/cartpole-balance/policy_cartpole-balance.pt noise_std=0.5 progress=false
pwm-flow-collect out_dir=data/mini/collect/cartpole-swingup_noise0.1 'tasks=[cartpole-swingup]' num_envs=8 episodes_per_chunk=8 seed=4 policy=data/mini/teachers/cartpole-swingup/policy_cartpole-swingup.pt noise_std=0.1 progress=false
pwm-flow-collect out_dir=data/mini/collect/cartpole-swingup_noise0.5 'tasks=[cartpole-swingup]' num_envs=8 episodes_per_chunk=8 seed=5 policy=data/mini/teachers/cartpole-swingup/policy_cartpole-swingup.pt noise_std=0.5 progress=false
pwm-flow-collect out_dir=data/mini/collect/reacher-easy_noise0.1 'tasks=[reacher-easy]' num_envs=8 episodes_per_chunk=8 seed=6 policy=data/mini/teachers/reacher-easy/policy_reacher-easy.pt noise_std=0.1 progress=false
pwm-flow-collect out_dir=data/mini/collect/reacher-easy_noise0.5 'tasks=[reacher-easy]' num_envs=8 episodes_per_chunk=8 seed=7 policy=data/mini/teachers/reacher-easy/policy_reacher-easy.pt noise_std=0.5 progress=false
pwm-flow-collect out_dir=data/mini/collect/walker-stand_noise0.1 'tasks=[walker-stand]' num_envs=8 episodes_per_chunk=8 seed=8 policy=data/mini/teachers/walker-stand/policy_walker-stand.pt noise_std=0.1 progress=false
pwm-flow-collect out_dir=data/mini/collect/walker-stand_noise0.5 'tasks=[walker-stand]' num_envs=8 episodes_per_chunk=8 seed=9 policy=data/mini/teachers/walker-stand/policy_walker-stand.pt noise_std=0.5 progress=false
pwm-flow-train -m hydra/launcher=joblib hydra.launcher.n_jobs=2 seed=1,2,3 task=cartpole-balance,cartpole-swingup,reacher-easy,walker-stand alg=pwm_mini +variant=mlp,heun2,heun4,euler2,euler1,mlp_residual offline.dataset=data/mini/dataset mode=offline iterations=200 eval_every=25 eval_episodes=10 checkpoint_every=50 threads=1 device=cpu offline.wm_iterations=600 alg.model.task_dim=16 alg.parity.strict=True hydra.sweep.dir=runs/mini 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
pwm-flow-experiment stage=results benchmark=mini
