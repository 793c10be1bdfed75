#!/bin/bash
# Session 32 (issue 13). A GPU (one H200) was lent for 15 minutes of device time, the first in sessions 6-32.
# Probe: does a world model at PWM's own size (the 48M configuration: latent 768, [1792]x3 encoder, [1792]x2 heads,
# 18.6M world-model parameters, single task so task_dim 0) stop walker-stand's policy from exploiting the model offline?
# The data: walker-stand's part of the benchmark's data, every other chunk of each source (1,408 of 2,816 episodes:
# random, two teacher snapshots, the final teacher at four noise levels), in float16 so that it travels (30.8 MB).
# The CPU references learn from the same (rounded) numbers.

# 1. here: what travels (wheels the GPU machine lacks, dm_control and metaworld without their unused assets, the data)
cd /work/main
python3 -m pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp --platform manylinux_2_28_x86_64 \
  --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .gpu/wheels hydra-core==1.3.8 omegaconf==2.3.1 \
  tensordict==0.15.3 pyvers==0.2.3 fastcore==1.14.5 mujoco==3.3.0 dm-env==1.6 dm-tree==0.1.10 pyopengl==3.1.10 glfw==2.11.0 \
  orjson gymnasium==1.4.0 farama-notifications stable_baselines3==2.9.2
.venv/bin/pip wheel --no-deps -w .gpu/wheels antlr4-python3-runtime==4.9.3
SP=.venv/lib/python3.11/site-packages; mkdir -p .gpu/slim; cp -r $SP/dm_control $SP/metaworld .gpu/slim/
(cd .gpu/slim && rm -rf dm_control/locomotion dm_control/suite/dog_assets dm_control/mujoco/testing dm_control/blender metaworld/assets)
.venv/bin/python results/mini/probe_gpu_s32.py pack data/mini .gpu/walker_half.pt.xz
.venv/bin/python results/mini/probe_gpu_s32.py unpack .gpu/walker_half.pt.xz /work/s32/data/walker_half

# 2. on the GPU machine (device tool, carry .gpu; results/mini/world_models and teachers moved aside so the tree fits 64 MiB):
#    pretraining of both seeds side by side: 27.9 it/s each -> 7,500 iterations in 258 s
bash results/mini/probe_gpu_s32.sh
#    its policy phase failed at the first update on a CUDA-only bug (fixed in 7df4a81); the policy phase again, same machine:
bash results/mini/probe_gpu_s32_policy.sh

# 3. here, CPU references on the same data (worktree at ca48939, whose library differs from 7df4a81 only in that CUDA fix):
#    (a) the benchmark's size and recipe: pwm_mini, latent 128, batch 64, 60,000 iterations, cosine lr (~37 min/core)
#    (b) the same small model at the GPU run's budget: batch 256, 7,500 iterations
git worktree add --detach /work/wt32 ca48939
export MUJOCO_GL=egl OMP_NUM_THREADS=1 PYTHONPATH=/work/wt32; cd /work/wt32
C="alg=pwm_mini +variant=mlp device=cpu threads=1 alg.model.latent_dim=128 alg.model.task_dim=0 alg.wm_optim.lr_schedule=cosine offline.dataset=/work/s32/data/walker_half"
P="mode=offline task=walker-stand iterations=1000 eval_every=125 eval_episodes=10 checkpoint_every=250"
for S in 1 2; do
  ( pwm-flow-pretrain $C seed=$S alg.wm_batch_size=64 alg.wm_iterations=60000 checkpoint_every=2500 hydra.run.dir=/work/s32/runs/mini_pre$S
    pwm-flow-train $C seed=$S alg.wm_batch_size=64 $P offline.world_model=/work/s32/runs/mini_pre$S/world_model.pt hydra.run.dir=/work/s32/runs/mini_pol$S ) &
done; wait
for S in 1 2; do mkdir -p /work/s32/table/mini_b64_60k_s$S; ln -s /work/s32/runs/mini_pre$S /work/s32/table/mini_b64_60k_s$S/pre; ln -s /work/s32/runs/mini_pol$S /work/s32/table/mini_b64_60k_s$S/pol; done
for S in 1 2; do
  ( pwm-flow-pretrain $C seed=$S alg.wm_batch_size=256 alg.wm_iterations=7500 checkpoint_every=2500 hydra.run.dir=/work/s32/table/mini_b256_7500_s$S/pre
    pwm-flow-train $C seed=$S alg.wm_batch_size=256 $P offline.world_model=/work/s32/table/mini_b256_7500_s$S/pre/world_model.pt hydra.run.dir=/work/s32/table/mini_b256_7500_s$S/pol ) &
done; wait

# 4. the table (the GPU runs' files copied into /work/s32/table/pwm48M_h200_s<seed>/{pre,pol}/)
cd /work/main && .venv/bin/python results/mini/probe_gpu_s32.py table /work/s32/table results/mini/probe_s32_gpu.csv
