"""Imported by the local pool's forkserver before it forks workers (see `cleaner.batch.execute.pool`):
first makes the forkserver die with the process that started it, then warms the default
config's pipeline once, for every worker forked from it."""

from cleaner.batch.execute.pool import die_with_main_process

die_with_main_process()

from cleaner.batch.execute.cleaning import warm_up  # after: this import is the slow part

warm_up()
