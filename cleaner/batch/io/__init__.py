"""Readers and writers. Inputs (files, folders, globs, object storage) to the files to read
(`inputs`), and those to shards of source items (`shards`, `readers`; the formats `warc`,
with `charset`, and `parquet`); each shard's rows to the output folder (`output`), written
to a local folder or an object store (`stores`; `storage` opens URLs)."""
