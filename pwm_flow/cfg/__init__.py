# Hydra configs of pwm_flow (a package so that installed console commands find them as pkg://pwm_flow.cfg).
