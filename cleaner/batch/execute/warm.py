"""The workers' warm-up, imported by the local pool's forkserver before it forks workers (see
`cleaner.batch.execute.pool`): first makes the forkserver die with the process that started
it, then builds and warms the default config's pipeline once, for every worker forked from it.

A run with another config still finds the language profiles and, unless its rule files
differ, the catalog loaded (`ready_config` builds its pipeline in each worker). A broken
catalog is not reported here but by the first shard, as a run without warm-up would.
"""

import contextlib

from cleaner.batch.execute.pool import die_with_main_process

die_with_main_process()

# after: these imports are the slow part
from cleaner.batch.execute.cleaning import ready_config
from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.pipeline import pipeline_for

with contextlib.suppress(CleanerError):
    ready_config(Config().cache_key())
    # every language's rule sets, built once here rather than in each worker that meets
    # the language (`clean()` builds a language's sets at its first document)
    pipeline_for(Config()).rules.compile()
