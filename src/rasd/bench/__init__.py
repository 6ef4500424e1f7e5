"""Benchmarks: throughput and memory (never timed unit tests)."""
