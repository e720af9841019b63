"""`make bench`: the API against a minimal baseline on the same stack, side by side in one run.

`python -m bench [--smoke]` starts its own durable PostgreSQL, loads a realistic volume, serves
the API and the baseline (bench/baseline/) with the same granian settings, checks that both answer
the same bytes, then drives each scenario with wrk, alternating API and baseline, and writes a
Markdown report to bench/results/."""
