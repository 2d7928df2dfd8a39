"""Benchmark scripts for cleaner (quality on the Zyte article-extraction dataset, speed)."""
