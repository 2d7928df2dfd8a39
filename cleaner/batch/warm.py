"""Imported by the local pool's forkserver before it forks workers (see `cleaner.batch.pool`):
warms the default config's pipeline once, for every worker forked from it."""

from cleaner.batch.cleaning import warm_up

warm_up()
