"""Readers and writers: inputs (files, folders, globs, object storage) to shards of source
items (`readers`, `shards`; the formats `warc`, `parquet`, with `charset`), and each shard's
rows to the output folder, local or object storage (`output`, `storage`)."""
