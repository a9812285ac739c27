package io.refrain.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * The coarse cell of a sound (V018's {@code audio_features.sound_cell}): energy, valence,
 * danceability and acousticness, each cut into {@value #LEVELS} levels. Sound-alike candidates on
 * a big catalog are read from the target's cell and the cells next to it, which an index on the
 * cell finds at once, instead of walking the 14-dimensional GiST index.
 */
final class SoundCell {

    static final int LEVELS = 6;
    private static final Dimension[] AXES = {
        Dimension.ENERGY, Dimension.VALENCE, Dimension.DANCEABILITY, Dimension.ACOUSTICNESS
    };

    private SoundCell() {}

    static int level(double scaled) {
        return (int) Math.min(LEVELS - 1, Math.max(0, Math.floor(scaled * LEVELS)));
    }

    /** The cell of a scaled 14-dimension vector, as the migration computes it. */
    static int of(double[] vector) {
        int cell = 0;
        for (Dimension axis : AXES) {
            cell = cell * LEVELS + level(vector[axis.ordinal()]);
        }
        return cell;
    }

    /** The target's cell, then on each axis the neighbouring cell on the side the target is nearer to. */
    static List<Integer> around(double[] target) {
        List<Integer> cells = new ArrayList<>(AXES.length + 1);
        cells.add(of(target));
        for (int i = 0; i < AXES.length; i++) {
            double scaled = target[AXES[i].ordinal()] * LEVELS;
            int level = level(target[AXES[i].ordinal()]);
            int neighbour = scaled - level < 0.5 ? level - 1 : level + 1;
            if (neighbour >= 0 && neighbour < LEVELS) {
                double[] moved = target.clone();
                moved[AXES[i].ordinal()] = (neighbour + 0.5) / LEVELS;
                cells.add(of(moved));
            }
        }
        return cells;
    }

    /** The target's cell and every cell one level away on any of the axes (up to 81), for a sparse region. */
    static List<Integer> wide(double[] target) {
        List<Integer> cells = new ArrayList<>();
        int[] levels = new int[AXES.length];
        for (int i = 0; i < AXES.length; i++) {
            levels[i] = level(target[AXES[i].ordinal()]);
        }
        collect(levels, 0, 0, cells);
        return cells;
    }

    private static void collect(int[] levels, int axis, int cell, List<Integer> cells) {
        if (axis == levels.length) {
            cells.add(cell);
            return;
        }
        for (int level = levels[axis] - 1; level <= levels[axis] + 1; level++) {
            if (level >= 0 && level < LEVELS) {
                collect(levels, axis + 1, cell * LEVELS + level, cells);
            }
        }
    }
}
