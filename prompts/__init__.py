"""Installed as postgen.default_prompts: the packaged prompt templates.

A file of the same name in a workspace's prompts/ overrides one of these."""
