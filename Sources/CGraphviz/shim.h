#ifndef FIREBREAK_CGRAPHVIZ_SHIM_H
#define FIREBREAK_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
