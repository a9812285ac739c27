package io.refrain.platform.db;

import io.refrain.platform.config.StartupException;
import java.nio.file.Path;

/** Another Refrain process already runs on this data directory. */
public class DataDirectoryLockedException extends StartupException {

    public DataDirectoryLockedException(Path root) {
        super(
                "The data directory " + root + " is already in use by another Refrain process.",
                "Stop that process, or start this one with a different --data-dir.");
    }
}
