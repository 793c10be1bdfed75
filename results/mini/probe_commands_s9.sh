#!/bin/bash
# Session 9's probes of the MLP baseline (results/mini/probe_scale.csv, probe_scale_wm.csv, probe_walker_down.csv), as
# run from a worktree at c89abe8 with one thread each, after probe_commands_s8.sh (its data).
set -e
export OMP_NUM_THREADS=1
# the multi-task model at world-model batch 64 for 120k iterations (4x session 8's updates), a policy per task from the
# final model and reacher-easy's from the snapshots
R="alg=pwm_mini +variant=mlp offline.dataset=data/big_all/dataset alg.wm_iterations=120000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 alg.model.task_dim=16 alg.parity.strict=True threads=1 device=cpu"
pwm-flow-pretrain seed=1 $R offline.wm_snapshots=[30000,60000,90000] checkpoint_every=1000 hydra.run.dir=runs/big_all_b64/pretrain
for t in reacher-easy cartpole-swingup walker-stand cartpole-balance; do
  pwm-flow-train seed=1 $R task=$t offline.world_model=runs/big_all_b64/pretrain/world_model.pt mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/big_all_b64/policies/$t
done
for w in 30000 60000 90000; do
  pwm-flow-train seed=1 $R task=reacher-easy offline.world_model=runs/big_all_b64/pretrain/world_model_$w.pt mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/big_all_b64/policies_wm$w/reacher-easy
done
# reacher-easy, seed 3 (single-task, 8x data)
R="alg=pwm_mini +variant=mlp offline.dataset=data/big_reacher-easy/dataset alg.wm_iterations=30000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu"
pwm-flow-pretrain seed=3 $R offline.wm_snapshots=[10000,20000] checkpoint_every=1000 hydra.run.dir=runs/big_reacher-easy_s3/pretrain
for w in 10000 20000 final; do wm=runs/big_reacher-easy_s3/pretrain/world_model_$w.pt; [ $w = final ] && wm=runs/big_reacher-easy_s3/pretrain/world_model.pt
  pwm-flow-train seed=3 $R task=reacher-easy offline.world_model=$wm mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/big_reacher-easy_s3/policy_wm$w
done
# walker-stand at 64x the data: 4096 random, 3072 per earlier snapshot (noise 0.3) and per final-teacher noise level
t=walker-stand; D=data/huge_$t; TD=results/mini/teachers/$t; mkdir -p $D/dataset
col() { n=$1; s=$2; shift 2
  pwm-flow-collect out_dir=$D/collect/$n "tasks=[$t]" num_envs=8 episodes_per_chunk=64 seed=$s progress=false "$@"
  for f in $D/collect/$n/*.pt; do ln -sf ../collect/$n/$(basename $f) $D/dataset/${n}_$(basename $f); done; }
col random 1000 chunks=64
for snap in 10000 20000; do col snap$snap $((1001 + snap / 1000)) chunks=48 teacher=$TD/actor_$snap.pt noise_std=0.3; done
i=0; for sd in 0.1 0.3 0.5 1.0; do i=$((i + 1)); col final_noise$sd $((1050 + i)) chunks=48 teacher=$TD/actor_50000.pt noise_std=$sd; done
R="alg=pwm_mini +variant=mlp offline.dataset=$D/dataset alg.wm_iterations=60000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu"
pwm-flow-pretrain $R seed=1 offline.wm_snapshots=[20000,40000] checkpoint_every=1000 hydra.run.dir=runs/huge_$t/pretrain
for w in 20000 40000 final; do wm=runs/huge_$t/pretrain/world_model_$w.pt; [ $w = final ] && wm=runs/huge_$t/pretrain/world_model.pt
  pwm-flow-train seed=1 $R task=$t offline.world_model=$wm mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/huge_$t/policy_wm$w
done
# walker-stand with TD-MPC2's loss weights (consistency 20, reward 0.1), 8x data
R="alg=pwm_mini +variant=mlp offline.dataset=data/big_$t/dataset alg.wm_iterations=30000 alg.wm_batch_size=64 alg.wm_loss.dyn_coef=20 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu"
pwm-flow-pretrain $R seed=1 offline.wm_snapshots=[20000] checkpoint_every=1000 hydra.run.dir=runs/dyn20_$t/pretrain
for w in 20000 final; do wm=runs/dyn20_$t/pretrain/world_model_$w.pt; [ $w = final ] && wm=runs/dyn20_$t/pretrain/world_model.pt
  pwm-flow-train seed=1 $R task=$t offline.world_model=$wm mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/dyn20_$t/policy_wm$w
done
# walker-stand with data of the learner's own attempts: per round, 384 episodes of the current policy (action noise 0.3)
# added to the 8x data, a world model trained anew and a policy through it; round 1 starts from the 8x data's policy
D=data/dyna_$t; mkdir -p $D/dataset
for f in data/big_$t/dataset/*.pt; do ln -sf $(readlink -f $f) $D/dataset/$(basename $f); done
P=runs/big_$t/policy_wmfinal/policy_$t.pt
for r in 1 2 3; do
  pwm-flow-collect out_dir=$D/collect/round$r "tasks=[$t]" num_envs=8 chunks=6 episodes_per_chunk=64 seed=$((2000 + r)) policy=$P noise_std=0.3 progress=false
  for f in $D/collect/round$r/*.pt; do ln -sf $(readlink -f $f) $D/dataset/round${r}_$(basename $f); done
  R="alg=pwm_mini +variant=mlp offline.dataset=$D/dataset alg.wm_iterations=30000 alg.wm_batch_size=64 alg.wm_loss.rew_coef=0.1 threads=1 device=cpu"
  pwm-flow-pretrain seed=1 $R checkpoint_every=1000 hydra.run.dir=runs/dyna_$t/round$r/pretrain
  pwm-flow-train seed=1 $R task=$t offline.world_model=runs/dyna_$t/round$r/pretrain/world_model.pt mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 hydra.run.dir=runs/dyna_$t/round$r/policy
  P=runs/dyna_$t/round$r/policy/policy_$t.pt
done
# the walker-stand diagnosis: real against imagined reward from the policies' own down and up states
python results/mini/probe_walker_s9.py results/mini/probe_walker_down.csv $TD/actor_50000.pt \
  8x_30k=runs/big_walker-stand/policy_wmfinal/policy_walker-stand.pt \
  8x_1Mwidths_20k=runs/big1M_walker-stand/policy_wmfinal/policy_walker-stand.pt \
  64x_60k=runs/huge_walker-stand/policy_wmfinal/policy_walker-stand.pt \
  8x_dyn20_30k=runs/dyn20_walker-stand/policy_wmfinal/policy_walker-stand.pt \
  8x_own1=runs/dyna_$t/round1/policy/policy_$t.pt 8x_own2=runs/dyna_$t/round2/policy/policy_$t.pt 8x_own3=runs/dyna_$t/round3/policy/policy_$t.pt
# how often the 8x walker-stand data gets up after being down, per collection
python results/mini/probe_walker_s9.py --data data/big_$t/collect
# one-step latent error relative to "nothing moves" (h = 1) of the 64x and the round-3 world models, random and own actions
python -c "from pwm_flow.model_error import policy_model_error as e; [print(n, e(f'runs/{n}/policy_walker-stand.pt', 16).query('h == 1')[['actions', 'latent_rel_err']].values.tolist()) for n in ('huge_walker-stand/policy_wmfinal', 'dyna_walker-stand/round3/policy')]"
