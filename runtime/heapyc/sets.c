/* sets.c: heapyc's link to heapy.setsc. Nodesets are made and changed
   only through the export table that setsc publishes as a capsule, so any
   setsc with that table (ours, or Guppy-PE's installed as heapy.setsc)
   serves. */
#include "heapyc.h"

NyNodeSet_Exports *sets_api;

/* Returns 0, or -1 with an exception set. The table lives as long as the
   setsc module, which the import keeps in sys.modules. */
int
sets_import(void)
{
    if (sets_api)
        return 0;
    sets_api = NyNodeSet_ImportExports();
    return sets_api ? 0 : -1;
}

