"""Benchmarks of bcic (run by `make bench`; results are written to bench/results/)."""
