package io.refrain.history.importer;

import tools.jackson.databind.JsonNode;

/** Turns one JSON element of an export into a row; may throw {@link BadRecord}. */
@FunctionalInterface
interface JsonRecordMapper {

    ExportRow map(long position, JsonNode record);

    /** Applies the mapper, turning a wrong-typed element or a {@link BadRecord} into a Skipped row. */
    static ExportRow mapSafely(JsonRecordMapper mapper, long position, JsonNode record) {
        if (!record.isObject()) {
            return new ExportRow.Skipped(
                    position, SkipReason.UNPARSEABLE, "record is " + JsonFields.kind(record) + ", expected an object");
        }
        try {
            return mapper.map(position, record);
        } catch (BadRecord e) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, e.getMessage());
        }
    }
}
