package io.refrain.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.platform.errors.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CursorCodecTest {

    enum Sort {
        VOTES,
        POSITION
    }

    private record Everything(
            long id,
            int count,
            String name,
            UUID user,
            Instant at,
            @CursorCodec.EpochMicros Instant micros,
            BigDecimal score,
            Sort sort) {}

    private record Positive(long from) {
        Positive {
            if (from < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    private static final CursorCodec<Everything> EVERYTHING = CursorCodec.of(Everything.class);

    private final Everything key = new Everything(
            42L,
            7,
            "Ünïcode name",
            UUID.fromString("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"),
            Instant.parse("2026-11-23T08:15:00.123456Z"),
            Instant.parse("2026-11-23T08:15:00.123456Z"),
            new BigDecimal("0.1234500"),
            Sort.VOTES);

    @Test
    void aKeyComesBackAsItWent() {
        assertThat(EVERYTHING.decode(EVERYTHING.encode(key))).isEqualTo(key);
    }

    @Test
    void theWireFormatIsTheOneTheHandWrittenCursorsGaveOut() {
        String old = Cursor.encode(
                42L,
                7,
                "Ünïcode name",
                "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
                "2026-11-23T08:15:00.123456Z",
                ChronoUnit.MICROS.between(Instant.EPOCH, key.micros()),
                "0.1234500",
                "VOTES");
        assertThat(EVERYTHING.encode(key)).isEqualTo(old);
        assertThat(EVERYTHING.decode(old)).isEqualTo(key);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(EVERYTHING.decode(null)).isNull();
        assertThat(EVERYTHING.decode("")).isNull();
        assertThat(CursorCodec.of(Positive.class).decodeOr(null, new Positive(0)))
                .isEqualTo(new Positive(0));
    }

    @Test
    void garbageAndForeignCursorsAreTheSame400() {
        assertInvalid(EVERYTHING, "not base64 !!");
        assertInvalid(EVERYTHING, base64("{\"not\": \"an array\"}"));
        assertInvalid(EVERYTHING, base64("[1, 2]")); // another list's cursor: too few values
        assertInvalid(EVERYTHING, wrong(0, "\"42\"")); // a number as text
        assertInvalid(EVERYTHING, wrong(0, "4.2"));
        assertInvalid(EVERYTHING, wrong(1, "99999999999")); // not an int
        assertInvalid(EVERYTHING, wrong(2, "3"));
        assertInvalid(EVERYTHING, wrong(3, "\"not-a-uuid\""));
        assertInvalid(EVERYTHING, wrong(4, "\"yesterday\""));
        assertInvalid(EVERYTHING, wrong(5, "1.5")); // microseconds are whole
        assertInvalid(EVERYTHING, wrong(6, "\"a lot\""));
        assertInvalid(EVERYTHING, wrong(7, "\"NEWEST\""));
        assertInvalid(CursorCodec.of(Positive.class), Cursor.encode(-1)); // refused by the record itself
    }

    private static String wrong(int index, String json) {
        String[] values = {
            "42",
            "7",
            "\"name\"",
            "\"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\"",
            "\"2026-11-23T08:15:00Z\"",
            "1",
            "\"1.5\"",
            "\"VOTES\""
        };
        values[index] = json;
        return base64("[" + String.join(",", values) + "]");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(CursorCodec<?> codec, String cursor) {
        assertThatThrownBy(() -> codec.decode(cursor)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.type()).isEqualTo(Cursor.invalid().type());
            assertThat(e.properties()).isEqualTo(Cursor.invalid().properties());
        });
    }
}
