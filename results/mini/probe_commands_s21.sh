# Session 21 (issue 13). The machine of session 20 was still there (AVX-512; its worktree at 9d9d09c, data and run
# folders intact), so every row this session added has cpu_capability AVX512 and the same data as sessions 18-20.
# Session 20's runs had finished after it ended: Flow Heun K=2 seed 2 (both budgets) and Flow Euler K=1 seed 2's
# short-budget policies; step 2 below turned them into rows.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 1. Grid cells, exactly probe_commands_s19.sh's cell() (its RECIPE, POLICY and commands), one per core.
#    Flow Euler K=2 is at the converged budget only (the short budget has four variants).
(cell euler1 3) &
(cell euler2 1)
wait

# 2. The tables: step 2 of probe_commands_s18.sh, unchanged (REPO=<the checkout that commits them>, run from the
#    worktree); it also copies each finished world model to results/mini/world_models/<variant>/seed<seed>/.
