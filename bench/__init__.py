"""Benchmark and load-test harness for Rectify (see bench/README.md)."""
