"""Two implementations of the kind Set: OldSet conforms to old.gsl,
NewSet only to new.gsl (it does the least new.gsl asks)."""


class Count:
    def __init__(self, n):
        self.value = n


class OldSet:
    def __init__(self):
        self.items = []

    def __contains__(self, e):
        return e in self.items

    def __len__(self):
        return len(self.items)

    def add(self, e):
        if e not in self.items:
            self.items.append(e)

    def discard(self, e=None):
        if e in self.items:
            self.items.remove(e)

    @property
    def size(self):
        return len(self.items)

    def count(self):
        return Count(len(self.items))

    def __getitem__(self, i):
        return sorted(self.items)[i] if self.items else None

    def tas(self, e):
        if e in self.items:
            return True
        self.items.append(e)
        return False

    def __or__(self, other):
        return self


class NewSet:
    def __init__(self):
        self.items = []

    def __contains__(self, e):
        return e in self.items

    def add(self, e):
        pass

    def discard(self, e):
        pass

    length = 0

    def count(self):
        return object()

    def tas(self, e):
        return True


IMPLEMENTATIONS = {".tgt.spec.Set": (OldSet, NewSet)}
