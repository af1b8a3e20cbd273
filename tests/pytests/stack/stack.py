"""A stack: what stacks.gsl specifies, for the mutation test."""


class Stack:
    def __init__(self, items=()):
        self._items = list(items)

    def push(self, x):
        self._items.append(x)

    def pop(self):
        return self._items.pop()

    def peek(self):
        return self._items[-1]

    def clear(self):
        del self._items[:]

    def copy(self):
        return Stack(self._items)

    def extend(self, *xs):
        for x in xs:
            self.push(x)

    def __len__(self):
        return len(self._items)

    def __contains__(self, x):
        return x in self._items
