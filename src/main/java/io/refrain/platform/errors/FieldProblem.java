package io.refrain.platform.errors;

/** One invalid field of a request: its JSON path and what is wrong with it. */
public record FieldProblem(String field, String message) {}
