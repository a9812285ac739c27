package io.refrain.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.platform.errors.ApiException;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ProfileCodeTest {

    @Property(tries = 500, seed = "20261203")
    void aCodeIs37UrlSafeCharactersAndDecodesToItsTargets(@ForAll("targets") ProfileTargets targets) {
        String code = ProfileCode.encode(targets);
        assertThat(code).hasSize(37).matches("1[A-Za-z0-9_-]{36}");
        ProfileTargets decoded = ProfileCode.decode(code, "profile");
        for (Dimension d : Dimension.ALL) {
            assertThat(decoded.mean(d))
                    .isCloseTo(targets.mean(d), org.assertj.core.data.Offset.offset(0.5 / 255 + 1e-9));
            assertThat(decoded.spread(d))
                    .isCloseTo(Math.min(targets.spread(d), 0.5), org.assertj.core.data.Offset.offset(0.5 / 30 + 1e-9));
        }
        assertThat(decoded.noveltyTolerance())
                .isCloseTo(targets.noveltyTolerance(), org.assertj.core.data.Offset.offset(0.5 / 15 + 1e-9));
        // decoding is exact on what a code carries: encode(decode(code)) is the same code
        assertThat(ProfileCode.encode(decoded)).isEqualTo(code);
    }

    @Property(tries = 300, seed = "20261204")
    void anyOneCharacterChangedIsRefusedOrIsAnotherValidCode(
            @ForAll("targets") ProfileTargets targets,
            @ForAll("positions") int position,
            @ForAll("replacements") char replacement) {
        String code = ProfileCode.encode(targets);
        if (code.charAt(position) == replacement) {
            return;
        }
        String mistyped = code.substring(0, position) + replacement + code.substring(position + 1);
        // CRC-8 catches every single-character change of the payload
        assertThatThrownBy(() -> ProfileCode.decode(mistyped, "profile")).isInstanceOf(ApiException.class);
    }

    @Test
    void badCodesAre400sThatSayWhy() {
        String good = ProfileCode.encode(flat(0.5));
        assertThat(message(null)).contains("exactly 37 characters");
        assertThat(message(good.substring(1))).contains("exactly 37 characters").contains("has 36");
        assertThat(message("2" + good.substring(1))).contains("version '2'");
        assertThat(message(good.substring(0, 36) + "=")).contains("character 37");
        assertThat(message(good.substring(0, 36) + (good.charAt(36) == 'A' ? 'B' : 'A')))
                .contains("checksum");
        assertThatThrownBy(() -> ProfileCode.decode("x", "profile"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    private static String message(String code) {
        try {
            ProfileCode.decode(code, "profile");
            throw new AssertionError("accepted " + code);
        } catch (ApiException e) {
            return e.properties().get("errors").toString();
        }
    }

    static ProfileTargets flat(double value) {
        Map<Dimension, ProfileTargets.Sound> sound = new EnumMap<>(Dimension.class);
        Dimension.ALL.forEach(d -> sound.put(d, new ProfileTargets.Sound(value, 0.1)));
        return new ProfileTargets(
                sound, new ProfileTargets.Range(0.3, 0.6), new ProfileTargets.Range(0.2, 0.9), 0.4, 0.7);
    }

    @Provide
    Arbitrary<ProfileTargets> targets() {
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
        Arbitrary<ProfileTargets.Sound> sound =
                Combinators.combine(unit, Arbitraries.doubles().between(0, 0.6)).as(ProfileTargets.Sound::new);
        Arbitrary<Map<Dimension, ProfileTargets.Sound>> sounds = sound.list()
                .ofSize(Dimension.ALL.size())
                .map(list -> {
                    Map<Dimension, ProfileTargets.Sound> map = new EnumMap<>(Dimension.class);
                    Dimension.ALL.forEach(d -> map.put(d, list.get(d.ordinal())));
                    return map;
                });
        Arbitrary<ProfileTargets.Range> range =
                Combinators.combine(unit, unit).as((a, b) -> new ProfileTargets.Range(Math.min(a, b), Math.max(a, b)));
        return Combinators.combine(sounds, range, range, unit, unit).as(ProfileTargets::new);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(1, 36);
    }

    @Provide
    Arbitrary<Character> replacements() {
        return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
    }
}
