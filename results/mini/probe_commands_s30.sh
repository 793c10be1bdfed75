# Session 30 (issue 13). Same AVX2 machine, from a worktree at b36eb15 (git worktree add --detach /work/wt30 b36eb15).
# Probe: walker-stand's data plus two sibling walker tasks (walker-walk, walker-run: the same body and physics, other
# rewards), as MT30 holds five walker tasks. Everything through pwm-flow-experiment (new tasks' teachers at 100k agent
# steps, the benchmark's data mix for them; the four tasks' collections reused), MLP alone, recipe unchanged, seeds 1-2.
# (The collections were linked from data/mini/collect with collect.json's teacher path rewritten to this results_dir;
#  'benchmark.short.variants=[mlp]' because at b36eb15 a null short budget still pretrained its variants: fixed in 40c1039.)
export MUJOCO_GL=egl OMP_NUM_THREADS=1 PYTHONPATH=/work/wt30
TASKS='benchmark.tasks=[cartpole-balance,cartpole-swingup,reacher-easy,walker-stand,walker-walk,walker-run]'
COMMON="results_dir=/work/s30/res/mini benchmark.data.dir=/work/s30/data runs_dir=/work/s30/runs benchmark.teacher.max_steps=100000"
cd /work/wt30
pwm-flow-experiment stage=all "$TASKS" 'benchmark.policy_tasks=[cartpole-balance,cartpole-swingup,reacher-easy,walker-stand]' \
  'benchmark.variants=[mlp]' 'benchmark.short.variants=[mlp]' 'benchmark.seeds=[1,2]' benchmark.short.wm_iterations=null $COMMON launcher=joblib jobs=2
# record: results/mini/probe_s30_walker_siblings/{runs,pretrain,model_error,teachers,data,references}.csv (copied from results_dir)
