"""Objects for specs/either.gsl: a K whose e is an A, a B or neither, as
the environment variable EITHER says."""
import os


class A:
    x = 1


class B:
    y = 2

    def m(self):
        return 3


class K:
    def __init__(self, e):
        self.e = e


def make():
    return K({"A": A, "B": B}.get(os.environ.get("EITHER"), object)())
