package io.refrain.platform.backup;

import io.refrain.platform.cli.CliException;

/** A backup or restore that cannot be done as asked; the message says why and what to do instead. */
public class BackupException extends CliException {

    public BackupException(String message) {
        super(message);
    }
}
