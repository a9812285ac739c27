package io.refrain.history.archive;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The name of a month's listens partition, {@code listens_YYYY_MM}. Partition names end up in
 * DDL and COPY statements, where they cannot be bind parameters: this is the one place they are
 * made, and they are checked against the pattern and still quoted with {@code format('%I')}.
 */
record PartitionName(YearMonth month, String value) {

    private static final Pattern NAME = Pattern.compile("listens_\\d{4}_\\d{2}");

    PartitionName {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not a listens partition name: " + value);
        }
    }

    static PartitionName of(YearMonth month) {
        return new PartitionName(month, "listens_%04d_%02d".formatted(month.getYear(), month.getMonthValue()));
    }

    String fileName() {
        return value + ".csv.gz";
    }
}
