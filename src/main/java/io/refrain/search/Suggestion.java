package io.refrain.search;

/** One autocomplete entry: what it is, its id, the text to show and, for tracks, the artist. */
record Suggestion(String type, long id, String text, String detail) {}
