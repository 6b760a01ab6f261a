"""Benchmarks (`make bench`): bench/settings.py and bench/bareapp serve the bare page that
bench/serve.py compares the project's pages with."""
