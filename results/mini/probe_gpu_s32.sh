#!/bin/bash
# Session 32 (issue 13): PWM's own size on walker-stand, on the GPU machine lent for 15 minutes (one H200).
# Run from the repository root there, with .gpu/ carried (made by probe_commands_s32.sh): the wheels the machine
# lacks, dm_control and metaworld without their unused assets, and walker-stand's data halved in float16.
# Two seeds side by side: the MLP world model at PWM's 48M configuration (latent 768, [1792]x3 encoder, [1792]x2
# heads; single task, so task_dim 0), the benchmark's loss and cosine lr, TD-MPC2's batch of 256, pretrained for as
# many iterations as fit (measured first), then 1000 policy iterations with PWM's actor and critic, 10-episode evals.
set -o pipefail
T0=$(date +%s); el() { echo $(( $(date +%s) - T0 )); }
[ -n "$LOCAL_TEST" ] || python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .gpu/wheels/*.whl || exit 1
mkdir -p /tmp/site; cp -r .gpu/slim/* /tmp/site/
export PYTHONPATH=/tmp/site:$PWD MUJOCO_GL=disable PYTHONUNBUFFERED=1 OMP_NUM_THREADS=4
python3 results/mini/probe_gpu_s32.py unpack .gpu/walker_half.pt.xz /tmp/walker || exit 1
python3 -c 'import pwm_flow.train' || exit 1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader; python3 -c "import torch; print(torch.__version__)"
PRE='from pwm_flow.train import pretrain_main; pretrain_main()'; POL='from pwm_flow.train import main; main()'
C="alg=pwm_48M +variant=mlp device=${DEV:-cuda} threads=4 alg.model.task_dim=0 alg.wm_batch_size=256 alg.wm_optim.lr_schedule=cosine offline.dataset=/tmp/walker $EXTRA"
rate() { python3 -c "import pandas as pd; m=pd.read_csv('$1/metrics.csv'); m=m[m.iteration>=20]; print((m.iteration.iloc[-1]-m.iteration.iloc[0])/(m.wall_clock.iloc[-1]-m.wall_clock.iloc[0]))"; }
echo "[$(el)s] calibrating"
for S in 1 2; do python3 -c "$PRE" $C seed=$S alg.wm_iterations=120 checkpoint_every=1000000 hydra.run.dir=/tmp/runs/calib$S > /tmp/calib$S.log 2>&1 & done; wait
R=$(python3 -c "print(min($(rate /tmp/runs/calib1), $(rate /tmp/runs/calib2)))") || { tail -c 2000 /tmp/calib1.log; exit 1; }
N=$(python3 -c "print(int($R * (${PRE_END:-370} - $(el) - 25) * 0.93) // 100 * 100)")
echo "[$(el)s] two processes side by side: $R it/s each -> wm_iterations=$N"
for S in 1 2; do
  ( timeout $(( 560 - $(el) )) python3 -c "$PRE" $C seed=$S alg.wm_iterations=$N checkpoint_every=2500 hydra.run.dir=/tmp/runs/pre$S > /tmp/pre$S.log 2>&1
    echo "[$(el)s] seed $S pretrained: rc $?"
    timeout $(( 575 - $(el) )) python3 -c "$POL" $C seed=$S mode=offline task=walker-stand offline.world_model=/tmp/runs/pre$S/world_model.pt \
      iterations=${POL_IT:-1000} eval_every=${EVAL_EVERY:-125} eval_episodes=10 checkpoint_every=250 hydra.run.dir=/tmp/runs/pol$S > /tmp/pol$S.log 2>&1
    echo "[$(el)s] seed $S policy: rc $?" ) &
done; wait
for S in 1 2; do
  cp /tmp/runs/pre$S/metrics.csv $OUT/pre${S}_metrics.csv; cp /tmp/runs/pol$S/metrics.csv $OUT/pol${S}_metrics.csv
  python3 -c "import json; print(json.dumps({k: json.load(open(f'/tmp/runs/{k}$S/run.json')) for k in ['pre', 'pol']}))" > $OUT/run$S.json
  tail -c 1500 /tmp/pol$S.log | tr '\r' '\n' | tail -n 4
done
tar czf $OUT/logs.tgz /tmp/*.log 2>/dev/null; echo "[$(el)s] done"
