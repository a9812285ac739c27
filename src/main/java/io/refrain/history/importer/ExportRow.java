package io.refrain.history.importer;

/**
 * A row of an export: either a listen or a record left out with its reason. {@code position} is the
 * 1-based record number (JSON array element, JSONL line, or CSV data record not counting a header),
 * meant for messages such as "record 17: no artist".
 */
public sealed interface ExportRow permits ExportRow.Listen, ExportRow.Skipped {

    long position();

    record Listen(long position, ExportedListen listen) implements ExportRow {}

    record Skipped(long position, SkipReason reason, String detail) implements ExportRow {}
}
