package io.refrain.catalog;

/** A genre; sub-genres name their parent. */
public record GenreView(int id, String name, String parent, long tracks) {}
