#!/bin/bash
# Session 8's probes of the MLP baseline (results/mini/probe_scale.csv, probe_scale_wm.csv), as run from a worktree at
# c89abe8 with one thread each. Teacher snapshots: results/mini/teachers/. Data: 8x probe y's mix per task, new seeds.
set -e
export OMP_NUM_THREADS=1
collect() { # TASK "EARLIER SNAPSHOTS" FINAL SEEDBASE: 512 random, 384 per earlier snapshot (noise 0.3), 384 per final-teacher noise
  t=$1; D=data/big_$t; TD=results/mini/teachers/$t; mkdir -p $D/dataset
  col() { n=$1; s=$2; shift 2
    pwm-flow-collect out_dir=$D/collect/$n "tasks=[$t]" num_envs=8 episodes_per_chunk=64 seed=$s progress=false "$@"
    for f in $D/collect/$n/*.pt; do ln -sf ../collect/$n/$(basename $f) $D/dataset/${n}_$(basename $f); done; }
  col random $4 chunks=8
  for snap in $2; do col snap$snap $(($4 + 1 + snap / 1000)) chunks=6 teacher=$TD/actor_$snap.pt noise_std=0.3; done
  i=0; for sd in 0.1 0.3 0.5 1.0; do i=$((i + 1)); col final_noise$sd $(($4 + 50 + i)) chunks=6 teacher=$TD/actor_$3.pt noise_std=$sd; done
}
collect walker-stand "10000 20000" 50000 200
collect reacher-easy "20000 100000" 200000 300
collect cartpole-swingup "20000 40000 90000" 180000 400
collect cartpole-balance "10000" 20000 500
# single-task world models (pwm_mini MLP, recipe rew0.1, batch 64), 30k iterations with snapshots; a policy from each
single() { # NAME TASK ITERS SNAPSHOTS SEED [alg overrides]
  n=$1; t=$2; its=$3; snaps=$4; s=$5; shift 5
  R="alg=pwm_mini +variant=mlp offline.dataset=data/big_$t/dataset alg.wm_iterations=$its alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu $*"
  pwm-flow-pretrain seed=$s $R offline.wm_snapshots=[$snaps] checkpoint_every=1000 hydra.run.dir=runs/$n/pretrain
  for w in ${snaps//,/ } final; do wm=runs/$n/pretrain/world_model_$w.pt; [ $w = final ] && wm=runs/$n/pretrain/world_model.pt
    pwm-flow-train seed=$s $R task=$t offline.world_model=$wm mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/$n/policy_wm$w
  done; }
single big_reacher-easy reacher-easy 30000 10000,20000 1
single big_reacher-easy_s2 reacher-easy 30000 10000,20000 2
single big_walker-stand walker-stand 30000 10000,20000 1
single big_cartpole-swingup cartpole-swingup 30000 10000,20000 1
single big1M_walker-stand walker-stand 20000 10000 1 alg.model.latent_dim=128 'alg.model.encoder_units=[256]' 'alg.model.units=[384,384]'
# one multi-task world model on all four tasks' data (task_dim 16, world-model batch 256, 30k iterations), a policy per task
mkdir -p data/big_all/dataset
for t in cartpole-balance cartpole-swingup reacher-easy walker-stand; do
  for f in data/big_$t/dataset/*.pt; do ln -sf $(readlink -f $f) data/big_all/dataset/${t}_$(basename $f); done; done
R="alg=pwm_mini +variant=mlp offline.dataset=data/big_all/dataset alg.wm_iterations=30000 alg.wm_batch_size=256 alg.wm_loss.rew_coef=0.1 alg.model.task_dim=16 alg.parity.strict=True threads=1 device=cpu"
pwm-flow-pretrain seed=1 $R offline.wm_snapshots=[10000,20000] checkpoint_every=1000 hydra.run.dir=runs/big_all/pretrain
for t in reacher-easy cartpole-balance cartpole-swingup walker-stand; do
  pwm-flow-train seed=1 $R task=$t offline.world_model=runs/big_all/pretrain/world_model.pt mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/big_all/policies/$t
done
# references beside the final single-task policies: random and zero action on their 10 evaluation episodes, and the
# world model's one-step latent error relative to "nothing moves" (h = 1) along the policy's and random episodes
for t in reacher-easy cartpole-swingup walker-stand; do python - $t <<'PY'
import sys
from pwm_flow.report import baseline_rewards
from pwm_flow.core import EVAL_SEED_OFFSET
from pwm_flow.model_error import policy_model_error
t = sys.argv[1]
print(t, baseline_rewards(t, 10, 1 + EVAL_SEED_OFFSET))
e = policy_model_error(f'runs/big_{t}/policy_wmfinal/policy_{t}.pt', 16)
print(e[e.h == 1][['actions', 'latent_rel_err', 'reward_bias']])
PY
done
