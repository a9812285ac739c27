package io.refrain.platform.db;

import java.io.IOException;

/** Where the database is: an external server, or the embedded one this process owns. */
public record DatabaseServer(String url, String user, String password, EmbeddedDatabase embedded)
        implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
