package io.refrain.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.refrain.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's {@code feature_vector} (a generated column of V017) and {@link Dimension} scale
 * alike: profiles, codes and targets are computed in Java, the neighbours are found in SQL, so a
 * difference would recommend the wrong sound. Checked on real catalog rows, on values beyond the
 * ranges (clamped) and on missing values (0.5).
 */
class DimensionScalingIT extends IntegrationTest {

    @Test
    void javaAndTheDatabaseScaleEveryDimensionAlike() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select f.*, cube_dim(f.feature_vector) as dims, f.feature_vector::text as vector
                        from audio_features f order by f.track_id limit 200""").query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            assertThat(((Number) row.get("dims")).intValue()).isEqualTo(Dimension.ALL.size());
            double[] vector = CandidateRepository.vector((String) row.get("vector"));
            for (Dimension d : Dimension.ALL) {
                Object value = row.get(d.column);
                Double raw = value == null ? null : ((Number) value).doubleValue();
                assertThat(vector[d.ordinal()])
                        .as("track %s, %s = %s", row.get("track_id"), d.column, raw)
                        .isCloseTo(d.scale(raw), offset(1e-6));
            }
        }
    }

    @Autowired
    TransactionTemplate transaction;

    @Test
    void outOfRangeAndMissingValuesScaleAlike() {
        double[] vector = transaction.execute(status -> {
            status.setRollbackOnly(); // the catalog row is changed only inside this transaction
            long track = jdbc.sql("select track_id from audio_features order by track_id limit 1")
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "update audio_features set tempo = 300, loudness = 3, energy = null, mellow = null where track_id = ?")
                    .param(track)
                    .update();
            return CandidateRepository.vector(
                    jdbc.sql("select feature_vector::text from audio_features where track_id = ?")
                            .param(track)
                            .query(String.class)
                            .single());
        });
        assertThat(vector[Dimension.TEMPO.ordinal()])
                .isEqualTo(Dimension.TEMPO.scale(300.0))
                .isEqualTo(1.0);
        assertThat(vector[Dimension.LOUDNESS.ordinal()])
                .isEqualTo(Dimension.LOUDNESS.scale(3.0))
                .isEqualTo(1.0);
        assertThat(vector[Dimension.ENERGY.ordinal()])
                .isEqualTo(Dimension.ENERGY.scale(null))
                .isEqualTo(0.5);
        assertThat(vector[Dimension.MELLOW.ordinal()])
                .isEqualTo(Dimension.MELLOW.scale(null))
                .isEqualTo(0.5);
    }

    @Test
    void javaAndTheDatabaseAgreeOnSoundCells() {
        List<Map<String, Object>> rows = jdbc.sql(
                        "select feature_vector::text as vector, sound_cell from audio_features order by track_id limit 500")
                .query()
                .listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            double[] vector = CandidateRepository.vector((String) row.get("vector"));
            assertThat(SoundCell.of(vector))
                    .as("%s", row.get("vector"))
                    .isEqualTo(((Number) row.get("sound_cell")).intValue());
        }
        double[] middle = new double[Dimension.ALL.size()];
        java.util.Arrays.fill(middle, 0.45);
        assertThat(SoundCell.around(middle))
                .hasSize(5)
                .doesNotHaveDuplicates()
                .first()
                .isEqualTo(SoundCell.of(middle));
        assertThat(SoundCell.wide(middle)).hasSize(81).doesNotHaveDuplicates().containsAll(SoundCell.around(middle));
        double[] corner = new double[Dimension.ALL.size()];
        assertThat(SoundCell.wide(corner)).hasSize(16).contains(SoundCell.of(corner));
    }
}
