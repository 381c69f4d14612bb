#include "CBuildCommit.h"
#include <stddef.h>

// C, because a Swift build setting cannot carry a string: `-D` on swiftc only sets a condition,
// while a C define given with `-Xcc` reaches this file as a string literal.
const char *codeboom_build_commit(void) {
#ifdef CODEBOOM_COMMIT
    return CODEBOOM_COMMIT;
#else
    return NULL;
#endif
}
