package io.refrain.history.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens the bytes of an export: transparent gunzip, UTF-8 BOM removal, and a peek for sniffing. */
final class ExportInput {

    static final int SNIFF_BYTES = 64 * 1024;
    private static final int BUFFER = 64 * 1024;

    private ExportInput() {}

    /** Decompresses when the bytes (not the name) say gzip, and drops a UTF-8 byte order mark. */
    static BufferedInputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            in.reset();
        }
        return in;
    }

    /** The first bytes of the (decompressed) content, leaving the stream where it was. */
    static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }
}
