#!/bin/bash
# Session 32: the policy phase of probe_gpu_s32.sh again, on the same machine, from the world models it pretrained
# (its first policy phase stopped at the first update on a CUDA-only bug, fixed in nbs/12_pwm: the return scale's
# running moments stayed on the CPU).
T0=$(date +%s); el() { echo $(( $(date +%s) - T0 )); }
ls -la /tmp/runs/pre1/world_model.pt /tmp/runs/pre2/world_model.pt || exit 1
export PYTHONPATH=/tmp/site:$PWD MUJOCO_GL=disable PYTHONUNBUFFERED=1 OMP_NUM_THREADS=4
POL='from pwm_flow.train import main; main()'
C="alg=pwm_48M +variant=mlp device=cuda threads=4 alg.model.task_dim=0 alg.wm_batch_size=256 alg.wm_optim.lr_schedule=cosine offline.dataset=/tmp/walker"
rm -rf /tmp/runs/pol1 /tmp/runs/pol2
for S in 1 2; do
  ( timeout $(( ${STOP:-300} - $(el) )) python3 -c "$POL" $C seed=$S mode=offline task=walker-stand offline.world_model=/tmp/runs/pre$S/world_model.pt \
      iterations=1000 eval_every=125 eval_episodes=10 checkpoint_every=125 hydra.run.dir=/tmp/runs/pol$S > /tmp/pol$S.log 2>&1
    echo "[$(el)s] seed $S policy: rc $?" ) &
done; wait
for S in 1 2; do
  cp /tmp/runs/pol$S/metrics.csv $OUT/pol${S}_metrics.csv; cp /tmp/runs/pol$S/run.json $OUT/pol${S}_run.json
  tail -c 3000 /tmp/pol$S.log | tr '\r' '\n' | grep -v "kept 64" | tail -n 6
done
