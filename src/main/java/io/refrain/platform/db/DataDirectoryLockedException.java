package io.refrain.platform.db;

import java.nio.file.Path;

/** Another Refrain process already runs on this data directory. */
public class DataDirectoryLockedException extends IllegalStateException {

    public DataDirectoryLockedException(Path root) {
        super("The data directory " + root + " is already in use by another Refrain process. "
                + "Stop that process, or start this one with a different --data-dir.");
    }
}
