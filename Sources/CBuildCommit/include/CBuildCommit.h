#ifndef CBUILDCOMMIT_H
#define CBUILDCOMMIT_H

/// The commit this binary was built from, as `Scripts/install.sh` passes it
/// (`-Xcc -DCODEBOOM_COMMIT=\"abc123\"`), or NULL when the build was not told.
const char *codeboom_build_commit(void);

#endif
