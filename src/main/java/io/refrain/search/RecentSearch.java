package io.refrain.search;

import java.time.Instant;

record RecentSearch(String query, Instant searchedAt) {}
