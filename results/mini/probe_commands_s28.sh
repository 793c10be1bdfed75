# Session 28 (issue 13). Same AVX2 machine as session 27, its data (data/mini/dataset, equal to the committed data.csv)
# still there. Two recipe candidates for the MLP alone, seed 1, from a worktree at 848b251 (git worktree add --detach
# /work/wt28 848b251), one core each, run at the same time as each other (and for 45 minutes beside a fresh-clone CI):
# TD-MPC2's world-model batch 256 (4x the recipe's) for 30,000 iterations (2x the windows of the 60,000 x 64 recipe),
# lr annealed (cosine) or constant (PWM's). Both are now candidates of benchmark.recipe_sweep (plan_cos_l128_b256,
# plan_const_l128_b256), so `pwm-flow-experiment stage=recipe` runs them with the others; here they ran alone:
export MUJOCO_GL=egl OMP_NUM_THREADS=1
probe() {  # probe <candidate> <lr_schedule>
  cd /work/wt28
  local RECIPE="alg=pwm_mini offline.dataset=/work/main/data/mini/dataset alg.wm_iterations=30000 alg.wm_optim.encoder_lr_scale=1.0 alg.wm_optim.lr_schedule=$2 alg.wm_batch_size=256 alg.wm_loss.dyn_coef=1.0 alg.wm_loss.rew_coef=1.0 alg.model.task_dim=16 alg.model.latent_dim=128 alg.parity.strict=True"
  local POLICY="mode=offline iterations=1000 eval_every=100 eval_episodes=10 checkpoint_every=250 threads=1 device=cpu"
  PYTHONPATH=/work/wt28 pwm-flow-pretrain -m hydra/launcher=basic seed=1 +variant=mlp $RECIPE checkpoint_every=500 threads=1 device=cpu \
    hydra.sweep.dir=runs/s28/$1/pretrain 'hydra.sweep.subdir=${hydra:runtime.choices.variant}/seed${seed}'
  PYTHONPATH=/work/wt28 pwm-flow-train -m hydra/launcher=basic seed=1 task=cartpole-swingup,walker-stand,reacher-easy,cartpole-balance \
    +variant=mlp $RECIPE "offline.world_model=runs/s28/$1/pretrain/\${hydra:runtime.choices.variant}/seed\${seed}/world_model.pt" $POLICY \
    hydra.sweep.dir=runs/s28/$1/policies 'hydra.sweep.subdir=${task}/${hydra:runtime.choices.variant}/seed${seed}'
}
probe plan_cos_l128_b256 cosine & probe plan_const_l128_b256 constant & wait
# Their rows of results/mini/recipe_sweep.csv and recipe_curves.csv (the library's recipe_tables over these run
# folders), the plateau check of the constant-rate model at 15,000 and 24,000 iterations too (a constant rate makes a
# prefix a valid shorter budget; a cosine one does not), and probe_s28_b256.csv (per-policy rows: final and best
# reward, ESNR, one-step latent error on random actions):
# (Written in session 28 by a script of its own; since session 29 by the shared probe_tables.py, which adds each
# policy's imagined reward per step and otherwise writes the same figures.)
cd /work/main && python results/mini/probe_tables.py /work/wt28/runs/s28 probe_s28_b256.csv plan_cos_l128_b256:30000 plan_const_l128_b256:30000,24000,15000
