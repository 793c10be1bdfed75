# Session 15's probes (issue 13), from git worktrees of this repository: the horizon probe at 77d6ec8
# (/work/wt-s13, session 13's recipe world model, seed 1), the others at 9d9d09c. Data: the benchmark's 8x data
# (data/mini, `pwm-flow-experiment stage=data`); D is a folder for the probe's extra collections and dataset links.
# runs/mini/recipe/... is session 13's recipe run (in the 77d6ec8 worktree); runs/probe_s15/... is in the 9d9d09c one.
# Evaluations: results/mini/probe_s15.csv; actions: results/mini/probe_walker_actions.csv.
export MUJOCO_GL=egl OMP_NUM_THREADS=1
RECIPE="alg=pwm_mini +variant=mlp alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=cosine alg.wm_batch_size=64 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.latent_dim=128 alg.parity.strict=True"
POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"

# 1. The policy's imagination horizon (policy_h3, policy_h5): the recipe's world model (trained at H = 16), policies at H = 3 and 5
WM=runs/mini/recipe/plan_cos_l128/pretrain/mlp/seed1/world_model.pt
h() { pwm-flow-train -m hydra/launcher=basic seed=1 task=$2 $RECIPE alg.wm_iterations=60000 alg.model.task_dim=16 alg.horizon=$1 \
  offline.dataset=data/mini/dataset offline.world_model=$WM $POLICY hydra.sweep.dir=runs/probe_s15/h$1 'hydra.sweep.subdir=${task}/seed${seed}'; }
h 3 walker-stand,cartpole-swingup,reacher-easy,cartpole-balance
h 5 walker-stand

# 2. Saturated actions in the data: the final teacher with Gaussian action noise of std 2 (TD-MPC2's planner samples
#    with std up to 2 and clamps to [-1, 1]), 384 episodes per task, seeds 101 (walker-stand), 102-104
D=/work/probe_s15_data
pwm-flow-collect out_dir=$D/collect/walker-stand_final_noise2.0 'tasks=[walker-stand]' num_envs=8 chunks=6 episodes_per_chunk=64 \
  seed=101 teacher=results/mini/teachers/walker-stand/actor_50000.pt noise_std=2.0 progress=false
s=102; for t in cartpole-balance:actor_20000 cartpole-swingup:actor_180000 reacher-easy:actor_200000; do
  pwm-flow-collect out_dir=$D/collect/${t%%:*}_final_noise2.0 "tasks=[${t%%:*}]" num_envs=8 chunks=6 episodes_per_chunk=64 \
    seed=$s teacher=results/mini/teachers/${t%%:*}/${t##*:}.pt noise_std=2.0 progress=false; s=$((s+1)); done
#    dataset folders of links: walker_base (walker-stand's 8x collections), walker_n2 (and its noise-2 collection),
#    all_n2 (the whole 8x data and the four noise-2 collections)
mkdir -p $D/walker_base $D/walker_n2 $D/all_n2
for f in data/mini/dataset/*.pt; do ln -sf "$(readlink -f $f)" $D/all_n2/; done
for f in data/mini/dataset/walker-stand_*; do ln -sf "$(readlink -f $f)" $D/walker_base/; ln -sf "$(readlink -f $f)" $D/walker_n2/; done
for c in $D/collect/*_noise2.0; do for k in $c/chunk_*.pt; do ln -sf $k $D/all_n2/$(basename $c)_$(basename $k)
  case $c in *walker*) ln -sf $k $D/walker_n2/$(basename $c)_$(basename $k);; esac; done; done

# 3. Single-task walker-stand world models (30k, the recipe's settings, no task embedding), with and without the noise-2 data
for v in walker_n2 walker_base; do
  pwm-flow-pretrain seed=1 $RECIPE alg.wm_iterations=30000 offline.dataset=$D/$v checkpoint_every=500 threads=1 device=cpu hydra.run.dir=runs/probe_s15/$v/pretrain
  pwm-flow-train seed=1 task=walker-stand $RECIPE alg.wm_iterations=30000 offline.dataset=$D/$v offline.world_model=runs/probe_s15/$v/pretrain/world_model.pt \
    $POLICY hydra.run.dir=runs/probe_s15/$v/policies/walker-stand/seed1
done

# 4. The recipe's multi-task world model (60k, task_dim 16) on the 8x data and the four noise-2 collections, and its policies
pwm-flow-pretrain seed=1 $RECIPE alg.wm_iterations=60000 alg.model.task_dim=16 offline.dataset=$D/all_n2 checkpoint_every=500 threads=1 device=cpu hydra.run.dir=runs/probe_s15/all_n2/pretrain
pwm-flow-train -m hydra/launcher=basic seed=1 task=walker-stand,cartpole-swingup,reacher-easy,cartpole-balance $RECIPE alg.wm_iterations=60000 alg.model.task_dim=16 \
  offline.dataset=$D/all_n2 offline.world_model=runs/probe_s15/all_n2/pretrain/world_model.pt $POLICY hydra.sweep.dir=runs/probe_s15/all_n2/policies 'hydra.sweep.subdir=${task}/seed${seed}'

# 5. Actions at down and up states: the policies' real episodes and the walker-stand collections
python results/mini/probe_walker_actions_s15.py results/mini/probe_walker_actions.csv \
  recipe_wm_seed1=runs/mini/recipe/plan_cos_l128/policies/walker-stand/mlp/seed1/policy_walker-stand.pt \
  walker_base=runs/probe_s15/walker_base/policies/walker-stand/seed1/policy_walker-stand.pt \
  walker_n2=runs/probe_s15/walker_n2/policies/walker-stand/seed1/policy_walker-stand.pt \
  all_n2=runs/probe_s15/all_n2/policies/walker-stand/seed1/policy_walker-stand.pt \
  --data data/mini/collect $D/collect

# 6. The world models' open-loop reward at down states along the data's actions and along the policies' own (after 7)
python results/mini/probe_walker_openloop_s15.py results/mini/probe_walker_openloop.csv \
  walker_base=runs/probe_s15/walker_base/policies/walker-stand/seed1/policy_walker-stand.pt \
  walker_n2=runs/probe_s15/walker_n2/policies/walker-stand/seed1/policy_walker-stand.pt \
  walker_bb=runs/probe_s15/walker_bb/policies/walker-stand/seed1/policy_walker-stand.pt \
  recipe_wm_seed1=runs/mini/recipe/plan_cos_l128/policies/walker-stand/mlp/seed1/policy_walker-stand.pt \
  --data noise2.0_chunk0=$D/collect/walker-stand_final_noise2.0/chunk_0.pt noise100.0_chunk0=$D/collect/walker-stand_final_noise100.0/chunk_0.pt \
  random_chunk0=data/mini/collect/walker-stand_random/chunk_0.pt noise1.0_chunk0=data/mini/collect/walker-stand_final_noise1.0/chunk_0.pt

# 7. Random corner actions: the teacher at action noise std 100 (384 episodes, seed 105), added to walker-stand's data alone
pwm-flow-collect out_dir=$D/collect/walker-stand_final_noise100.0 'tasks=[walker-stand]' num_envs=8 chunks=6 episodes_per_chunk=64 \
  seed=105 teacher=results/mini/teachers/walker-stand/actor_50000.pt noise_std=100.0 progress=false
mkdir -p $D/walker_bb; for f in $D/walker_base/*; do ln -sf "$(readlink -f $f)" $D/walker_bb/; done
for k in $D/collect/walker-stand_final_noise100.0/chunk_*.pt; do ln -sf $k $D/walker_bb/walker-stand_final_noise100.0_$(basename $k); done
pwm-flow-pretrain seed=1 $RECIPE alg.wm_iterations=30000 offline.dataset=$D/walker_bb checkpoint_every=500 threads=1 device=cpu hydra.run.dir=runs/probe_s15/walker_bb/pretrain
pwm-flow-train seed=1 task=walker-stand $RECIPE alg.wm_iterations=30000 offline.dataset=$D/walker_bb offline.world_model=runs/probe_s15/walker_bb/pretrain/world_model.pt \
  $POLICY hydra.run.dir=runs/probe_s15/walker_bb/policies/walker-stand/seed1
#    and its rows of probe_walker_actions.csv: the script of 5 with walker_bb=<its policy> (5 runs after 7)

# 8. More exploration in the imagination, from walker_bb's world model: the actor's log-std started at 0, floored at -0.5
pwm-flow-train seed=1 task=walker-stand $RECIPE alg.wm_iterations=30000 alg.actor.init_logstd=0.0 alg.actor.min_logstd=-0.5 offline.dataset=$D/walker_bb \
  offline.world_model=runs/probe_s15/walker_bb/pretrain/world_model.pt $POLICY hydra.run.dir=runs/probe_s15/walker_bb/policies_std/walker-stand/seed1
