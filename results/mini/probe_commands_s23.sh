# Session 23 (issue 13). The machine of sessions 20-22 was still there (AVX-512; its worktree at 9d9d09c, data and
# run folders intact), so every row this session added has cpu_capability AVX512 and the same data as sessions 18-22.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 1. Flow Heun K=2 seed 3: probe_commands_s19.sh's cell() (its RECIPE, POLICY and commands), with its three steps
#    spread over the two cores: the pretraining on one core; the short budget's policies (they need only the
#    600-iteration snapshot, world_model_600.pt, written early in the pretraining) on the other while it ran; then
#    the converged budget's policies, two tasks per core.
pwm-flow-pretrain -m hydra/launcher=basic seed=3 +variant=heun2 $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 \
  threads=1 device=cpu hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}' &
policies() {  # budget, tasks
  F=world_model.pt; [ $1 = 600 ] && F=world_model_600.pt
  pwm-flow-train -m hydra/launcher=basic seed=3 task=$2 +variant=heun2 $RECIPE \
    "offline.world_model=runs/mini/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/$F" $POLICY \
    hydra.sweep.dir=runs/mini/wm$1 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
until [ -f runs/mini/pretrain/heun2/seed3/world_model_600.pt ]; do sleep 10; done  # the 600-iteration snapshot
policies 600 cartpole-balance,cartpole-swingup,reacher-easy,walker-stand
wait
(policies 60000 cartpole-balance,walker-stand) &
(policies 60000 cartpole-swingup,reacher-easy)
wait

# 2. The tables: step 2 of probe_commands_s18.sh, unchanged (REPO=<the checkout that commits them>, run from the
#    worktree); it also copies each finished world model to results/mini/world_models/<variant>/seed<seed>/.

# 3. The provisional rliable aggregate: step 3 of probe_commands_s22.sh, unchanged.
