"""A bare Wagtail page for bench/serve.py: installed only by bench/settings.py."""
