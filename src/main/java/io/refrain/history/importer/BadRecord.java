package io.refrain.history.importer;

/**
 * Thrown by field readers when one record holds a value of the wrong shape; the record source turns
 * it into a Skipped UNPARSEABLE row and carries on. No stack trace: it is control flow, and a broken
 * export can raise it thousands of times.
 */
final class BadRecord extends RuntimeException {

    BadRecord(String detail) {
        super(detail, null, false, false);
    }
}
