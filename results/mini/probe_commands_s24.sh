# Session 24 (issue 13). The machine of sessions 20-23 was still there (AVX-512; its worktree at 9d9d09c, data and
# run folders intact). Flow Heun K=4 (converged budget only) is the grid's last variant; its pretrainings run one
# per core (two at once cost neither any speed here: about 4.3 to 5.3 iterations/s each, alone or together).
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 1. Flow Heun K=4 seeds 1 and 2: the pretraining step of probe_commands_s19.sh's cell() (its RECIPE), one per core.
#    Seed 1 resumed from its checkpoint at iteration 13,000 (session 23); seed 2 started from scratch. A killed
#    pretraining resumes from its last checkpoint (every 500 iterations) when the same command is run again.
for S in 1 2; do
  pwm-flow-pretrain -m hydra/launcher=basic seed=$S +variant=heun4 $RECIPE 'offline.wm_snapshots=[600]' checkpoint_every=500 \
    threads=1 device=cpu hydra.sweep.dir=runs/mini/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}' &
done
wait

# 2. Each finished world model is copied to results/mini/world_models/<variant>/seed<seed>/ as step 2 of
#    probe_commands_s18.sh does (seed 1 finished; seed 2 was stopped at 45,601, checkpoint at 45,500). Seed 1's policies
#    (the converged budget's, two tasks per core, as in step 1 of probe_commands_s23.sh) and the tables follow next session.
