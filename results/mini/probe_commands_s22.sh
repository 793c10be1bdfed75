# Session 22 (issue 13). The machine of sessions 20-21 was still there (AVX-512; its worktree at 9d9d09c, data and
# run folders intact), so every row this session added has cpu_capability AVX512 and the same data as sessions 18-21.
export MUJOCO_GL=egl OMP_NUM_THREADS=1

# 1. Grid cells, exactly probe_commands_s19.sh's cell() (its RECIPE, POLICY and commands), one per core.
#    Flow Euler K=2 is at the converged budget only (the short budget has four variants).
(cell euler2 2) &
(cell euler2 3)
wait

# 2. The tables: step 2 of probe_commands_s18.sh, unchanged (REPO=<the checkout that commits them>, run from the
#    worktree); it also copies each finished world model to results/mini/world_models/<variant>/seed<seed>/.

# 3. A provisional rliable aggregate of the AVX512 rows so far (the library's own `aggregate` and `competence`,
#    teacher-normalised, seeds that finished every task), written to results/mini/aggregate_partial.csv. It is not
#    the benchmark's aggregate.csv, which `pwm-flow-experiment stage=results` writes once the grid is complete.
python - <<'PY'
import pandas as pd
from pwm_flow.experiment import aggregate, competence
g = pd.read_csv('results/mini/grid_partial.csv'); g = g[g.cpu_capability == 'AVX512']
T = ['cartpole-balance', 'cartpole-swingup', 'reacher-easy', 'walker-stand']
teacher = dict(zip(T, [995.6, 877.7, 980.1, 879.2]))  # results/mini/teachers.csv
a = aggregate(g, teacher)
seeds = g[g.status == 'finished'].groupby(['wm_iterations', 'variant']).seed.nunique().rename('seeds').reset_index()
a.merge(seeds, on=['wm_iterations', 'variant']).round(4).to_csv('results/mini/aggregate_partial.csv', index=False)
print(competence(g, teacher).round(3).to_string(index=False))
PY
