"""The executor: shards run on a local process pool whose workers fork warm from a
forkserver (`pool`, `warm`), on Ray, or in this process (`executor`); each runs the shard
function (`worker`), which cleans one document at a time under a time limit (`cleaning`)."""
