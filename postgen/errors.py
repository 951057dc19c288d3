"""Errors a user can act on: each says what was wrong and where."""


class PostgenError(Exception):
    """An expected failure; the CLI prints its message and exits non-zero."""

    exit_code = 1


class InputError(PostgenError):
    exit_code = 2


class FetchError(PostgenError):
    pass


class LLMError(PostgenError):
    exit_code = 3


class ModelFileError(PostgenError):
    exit_code = 4


class BusyError(PostgenError):
    exit_code = 5
