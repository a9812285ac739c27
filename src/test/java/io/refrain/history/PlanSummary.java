package io.refrain.history;

import io.refrain.support.Json;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What an {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} of a listens query did: which month
 * partitions it actually scanned (Actual Loops > 0), which it pruned (at start-up: "Subplans
 * Removed" on the Append; during execution: children with Actual Loops = 0, "never executed"),
 * and the shared buffers the execution touched (planning excluded).
 */
record PlanSummary(
        Set<String> executed,
        int planned,
        int removedAtStartup,
        long sharedBuffers,
        double executionMs,
        double planningMs,
        String json) {

    static PlanSummary of(String explainJson) {
        JsonNode root = Json.MAPPER.readTree(explainJson).get(0);
        JsonNode plan = root.get("Plan");
        Set<String> executed = new TreeSet<>();
        Set<String> planned = new TreeSet<>();
        int[] removed = {0};
        walk(plan, executed, planned, removed);
        long buffers = plan.path("Shared Hit Blocks").asLong()
                + plan.path("Shared Read Blocks").asLong();
        return new PlanSummary(
                executed,
                planned.size(),
                removed[0],
                buffers,
                root.path("Execution Time").asDouble(),
                root.path("Planning Time").asDouble(),
                explainJson);
    }

    private static void walk(JsonNode node, Set<String> executed, Set<String> planned, int[] removed) {
        removed[0] += node.path("Subplans Removed").asInt(0);
        String relation = node.path("Relation Name").asString("");
        if (relation.matches("listens_\\d{4}_\\d{2}")) {
            planned.add(relation);
            if (node.path("Actual Loops").asLong() > 0) {
                executed.add(relation);
            }
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, executed, planned, removed);
        }
    }

    String describe() {
        return "partitions in plan %d (+%d removed at start-up), executed %d %s, shared buffers %d, execution %.3f ms, planning %.3f ms"
                .formatted(
                        planned, removedAtStartup, executed.size(), executed, sharedBuffers, executionMs, planningMs);
    }
}
