#!/bin/bash
# Session 31 (issue 13). AVX2 machine, from a worktree at b997853 (git worktree add --detach /work/wt31 b997853).
# Probe: is the policy learner itself competent on walker-stand where the world model is not exploited offline?
# Online (the model learns from the policy's own data), the MLP baseline at the benchmark's model size (pwm_mini,
# latent 128, the plan's loss), 4 agent steps + 4 world-model updates + 1 policy update per iteration (session 7's
# rate), 15,000 iterations = 60,500 agent steps, seeds 1 and 2, one core each (~90 min). Reference at equal steps: the
# SAC teacher's own training curve on the same environment (results/mini/teachers/walker-stand/curve.csv).
export MUJOCO_GL=egl OMP_NUM_THREADS=1 PYTHONPATH=/work/wt31
cd /work/wt31
for S in 1 2; do
  pwm-flow-train mode=online task=walker-stand alg=pwm_mini +variant=mlp seed=$S threads=1 device=cpu alg.model.latent_dim=128 \
    online.num_envs=1 online.seed_episodes=1 online.seed_updates=200 eval_episodes=10 checkpoint_every=500 \
    iterations=15000 eval_every=625 online.steps_per_iter=4 online.wm_updates=4 hydra.run.dir=/work/s31/runs/on4_l128_walker_s$S &
done; wait
python /work/main/results/mini/probe_online_s31.py /work/s31/runs probe_s31_online.csv   # -> results/mini/probe_s31_online.csv
