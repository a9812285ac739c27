package io.refrain.history.importer;

import java.io.Closeable;
import java.io.IOException;

/** One format's record reader: hands out rows one at a time so only one record is ever in memory. */
interface RowSource extends Closeable {

    /** The next row, or null at the end of the export. */
    ExportRow next() throws IOException;
}
