#ifndef CODESOCIAL_CLIBGIT2_SHIM_H
#define CODESOCIAL_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
