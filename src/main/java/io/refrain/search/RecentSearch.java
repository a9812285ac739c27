package io.refrain.search;

import java.time.Instant;

public record RecentSearch(String query, Instant searchedAt) {
}
