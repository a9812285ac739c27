package io.refrain.recommend;

import io.refrain.platform.errors.ApiException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shareable profile code: exactly {@value #LENGTH} URL-safe characters, a version character
 * ({@value #VERSION}) and 27 bytes in base64url without padding:
 *
 * <pre>
 * bytes  0–13  mean of each {@link Dimension}, scaled 0–1, in 1/255 steps
 * bytes 14–20  spread (standard deviation of the scaled value, 0–0.5) of each, 4 bits each in 1/30 steps
 * bytes 21–22  tempo range, low and high (scaled as {@link Dimension#TEMPO})
 * bytes 23–24  energy range, low and high
 * byte  25     novelty tolerance (high 4 bits) and mainstreamness (low 4 bits), 0–1 in 1/15 steps
 * byte  26     CRC-8 (polynomial 0x07) of the version character and bytes 0–25
 * </pre>
 *
 * A code carries a sound, not a person: no user id, genres or artists (genre and artist ids are
 * this server's own). Decoding refuses, with a 400 naming the parameter, a code of the wrong
 * length, an unknown version, a character outside base64url, a failed checksum (a mistyped code)
 * or a range whose low end is above its high end.
 */
final class ProfileCode {

    static final int LENGTH = 37;
    static final char VERSION = '1';

    private static final int BYTES = 27;
    private static final int DIMENSIONS = Dimension.ALL.size();
    private static final double MAX_SPREAD = 0.5;

    private ProfileCode() {}

    static String encode(ProfileTargets targets) {
        byte[] bytes = new byte[BYTES];
        for (Dimension d : Dimension.ALL) {
            bytes[d.ordinal()] = (byte) quantize(targets.mean(d), 255);
        }
        for (Dimension d : Dimension.ALL) {
            int nibble = quantize(targets.spread(d) / MAX_SPREAD, 15);
            int index = DIMENSIONS + d.ordinal() / 2;
            bytes[index] = (byte) (bytes[index] | (d.ordinal() % 2 == 0 ? nibble << 4 : nibble));
        }
        bytes[21] = (byte) quantize(targets.tempo().low(), 255);
        bytes[22] = (byte) quantize(targets.tempo().high(), 255);
        bytes[23] = (byte) quantize(targets.energy().low(), 255);
        bytes[24] = (byte) quantize(targets.energy().high(), 255);
        bytes[25] = (byte) (quantize(targets.noveltyTolerance(), 15) << 4 | quantize(targets.mainstreamness(), 15));
        bytes[26] = (byte) crc8(bytes);
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The targets a code carries; a 400 on {@code parameter} for anything that is not such a code. */
    static ProfileTargets decode(String code, String parameter) {
        if (code == null || code.length() != LENGTH) {
            throw ApiException.invalidField(
                    parameter,
                    "a profile code is exactly " + LENGTH + " characters (this one has "
                            + (code == null ? 0 : code.length()) + ")");
        }
        if (code.charAt(0) != VERSION) {
            throw ApiException.invalidField(
                    parameter,
                    "profile code version '" + code.charAt(0) + "' is not one this server reads (it reads version "
                            + VERSION + ")");
        }
        for (int i = 1; i < LENGTH; i++) {
            char c = code.charAt(i);
            boolean base64url =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                throw ApiException.invalidField(
                        parameter, "not a profile code: character " + (i + 1) + " is not a letter, digit, '-' or '_'");
            }
        }
        byte[] bytes = Base64.getUrlDecoder().decode(code.substring(1));
        if ((bytes[26] & 0xff) != crc8(bytes)) {
            throw ApiException.invalidField(parameter, "not a profile code: its checksum does not match (mistyped?)");
        }
        Map<Dimension, ProfileTargets.Sound> sound = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.ALL) {
            int packed = bytes[DIMENSIONS + d.ordinal() / 2] & 0xff;
            int nibble = d.ordinal() % 2 == 0 ? packed >>> 4 : packed & 0x0f;
            sound.put(d, new ProfileTargets.Sound((bytes[d.ordinal()] & 0xff) / 255.0, nibble / 15.0 * MAX_SPREAD));
        }
        var tempo = range(bytes[21], bytes[22], parameter, "tempo");
        var energy = range(bytes[23], bytes[24], parameter, "energy");
        int packed = bytes[25] & 0xff;
        return new ProfileTargets(sound, tempo, energy, (packed >>> 4) / 15.0, (packed & 0x0f) / 15.0);
    }

    private static ProfileTargets.Range range(byte low, byte high, String parameter, String name) {
        int lo = low & 0xff;
        int hi = high & 0xff;
        if (lo > hi) {
            throw ApiException.invalidField(parameter, "not a profile code: its " + name + " range runs backwards");
        }
        return new ProfileTargets.Range(lo / 255.0, hi / 255.0);
    }

    private static int quantize(double unit, int steps) {
        return (int) Math.round(Math.clamp(unit, 0.0, 1.0) * steps);
    }

    /** CRC-8, polynomial x⁸+x²+x+1, over the version character and the first 26 bytes. */
    private static int crc8(byte[] bytes) {
        int crc = 0;
        crc = step(crc, VERSION);
        for (int i = 0; i < BYTES - 1; i++) {
            crc = step(crc, bytes[i] & 0xff);
        }
        return crc;
    }

    private static int step(int crc, int value) {
        crc ^= value;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
        }
        return crc;
    }
}
