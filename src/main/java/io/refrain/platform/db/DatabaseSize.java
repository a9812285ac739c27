package io.refrain.platform.db;

import org.springframework.stereotype.Component;

/** How much disk the database takes, for reports such as {@code bench generate}'s summary. */
@Component
public class DatabaseSize {

    private final DatabaseSizeRepository repository;

    DatabaseSize(DatabaseSizeRepository repository) {
        this.repository = repository;
    }

    public long bytes() {
        return repository.bytes();
    }
}
