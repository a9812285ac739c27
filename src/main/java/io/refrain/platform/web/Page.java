package io.refrain.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a list: its items and the cursor of the next page (null on the last page). */
public record Page<T>(
        List<T> items,

        @Schema(description = "pass as `cursor` to get the next page; null when this is the last")
        String next) {}
