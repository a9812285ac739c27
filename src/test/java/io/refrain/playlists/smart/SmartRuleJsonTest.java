package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict reading of rule JSON: every mistake is a 422 naming its JSON path; canonical writing round-trips. */
class SmartRuleJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SmartRules parse(String json) {
        return RuleJson.parse(JSON.readTree(json), "", Set.of());
    }

    private static List<FieldProblem> problems(String json) {
        try {
            parse(json);
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(422);
            assertThat(e.type()).isEqualTo("invalid-rules");
            @SuppressWarnings("unchecked")
            List<FieldProblem> errors = (List<FieldProblem>) e.properties().get("errors");
            return errors;
        }
        throw new AssertionError("expected invalid rules: " + json);
    }

    @Test
    void unknownFieldIsNamedByPath() {
        var errors = problems(
                "{\"all\": [{\"is\": {\"loved\": true}}, {\"gt\": {\"rating\": 3}}, {\"is\": {\"yeer\": 1999}}]}");
        assertThat(errors).extracting(FieldProblem::field).containsExactly("all[2].is.yeer");
        assertThat(errors.getFirst().message()).contains("not a known field");
    }

    @Test
    void unknownOperatorIsNamedByPath() {
        var errors = problems("{\"any\": [{\"all\": [{\"isLike\": {\"title\": \"x\"}}]}]}");
        assertThat(errors).extracting(FieldProblem::field).containsExactly("any[0].all[0].isLike");
    }

    @Test
    void wrongValueTypesAreNamedByPath() {
        var errors = problems("""
                {"all": [{"gt": {"rating": "high"}}, {"is": {"loved": "yes"}}, {"before": {"lastplayed": "yesterday"}},
                         {"inTheRange": {"year": [1990]}}, {"inTheLast": {"lastplayed": -3}}, {"contains": {"title": 5}},
                         {"inTheRange": {"energy": [0.1, "x"]}}, {"inPlaylist": {"id": "not-a-uuid"}}]}""");
        assertThat(errors)
                .extracting(FieldProblem::field)
                .containsExactly(
                        "all[0].gt.rating",
                        "all[1].is.loved",
                        "all[2].before.lastplayed",
                        "all[3].inTheRange.year",
                        "all[4].inTheLast.lastplayed",
                        "all[5].contains.title",
                        "all[6].inTheRange.energy[1]",
                        "all[7].inPlaylist.id");
    }

    @Test
    void operatorMustFitTheField() {
        assertThat(problems("{\"all\": [{\"contains\": {\"year\": \"19\"}}]}"))
                .extracting(FieldProblem::field)
                .containsExactly("all[0].contains.year");
        assertThat(problems("{\"all\": [{\"inTheLast\": {\"title\": 3}}]}"))
                .extracting(FieldProblem::field)
                .containsExactly("all[0].inTheLast.title");
    }

    @Test
    void allAndAnyTogetherOrNeither() {
        assertThat(problems("{\"all\": [], \"any\": []}"))
                .extracting(FieldProblem::field)
                .containsExactly("any");
        assertThat(problems("{\"sort\": \"title\"}"))
                .extracting(FieldProblem::field)
                .containsExactly("all");
    }

    @Test
    void boundsAndTopLevelKeys() {
        assertThat(
                        problems(
                                "{\"all\": [], \"limit\": 0, \"limitPercent\": 101, \"sort\": \"-genre\", \"order\": \"up\", \"x\": 1}"))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("x", "limit", "limitPercent", "sort", "order");
        assertThat(problems("{\"all\": [{\"is\": {\"loved\": true}, \"gt\": {\"rating\": 1}}]}"))
                .extracting(FieldProblem::field)
                .containsExactly("all[0]");
    }

    @Test
    void navidromeFilesParseWithAnyCaseFieldNames() {
        SmartRules rules = parse("""
                {"name": "ignored here", "all": [{"is": {"loved": true}}, {"inTheLast": {"lastPlayed": 30}},
                 {"inTheRange": {"year": [1981, 1990]}}, {"any": [{"contains": {"genre": "rock"}}, {"startsWith": {"albumArtist": "The"}}]},
                 {"notInPlaylist": {"id": "3f1c2d9e-8f1b-4c47-9a57-2b0f0b4c1d11"}}],
                 "sort": "-lastPlayed,title", "order": "desc", "limit": 100}""".replace("\"name\": \"ignored here\", ", ""));
        assertThat(rules.conditions()).hasSize(6);
        assertThat(rules.sort())
                .containsExactly(
                        new SmartRules.SortKey(SmartField.LASTPLAYED, false),
                        new SmartRules.SortKey(SmartField.TITLE, true)); // order desc flips every key
        assertThat(rules.limit()).isEqualTo(100);
    }

    @Test
    void canonicalFormRoundTrips() {
        SmartRules rules = parse("""
                {"any": [{"is": {"artist": "Queen"}}, {"all": [{"gt": {"energy": 0.5}}, {"isMissing": {"lastplayed": true}}]},
                 {"inTheRange": {"releasedate": ["1990-01-01", "1999-12-31"]}}],
                 "sort": "-year,random", "limit": 50, "limitPercent": 20, "maxPerArtist": 2, "spreadArtists": true}""");
        JsonNode written = RuleJson.write(rules);
        assertThat(RuleJson.parse(written, "", Set.of())).isEqualTo(rules);
        assertThat(RuleJson.write(RuleJson.parse(written, "", Set.of()))).isEqualTo(written);
    }
}
