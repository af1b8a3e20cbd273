"""heapy: the heap-analysis runtime (bitsets and nodesets from setsc)."""
from heapy import setsc
