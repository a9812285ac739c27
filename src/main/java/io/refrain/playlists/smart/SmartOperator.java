package io.refrain.playlists.smart;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operators of conditions, by their {@code .nsp} names, and the kinds of field each applies to. */
public enum SmartOperator {
    IS("is"),
    IS_NOT("isNot"),
    GT("gt"),
    LT("lt"),
    CONTAINS("contains"),
    NOT_CONTAINS("notContains"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith"),
    IN_THE_RANGE("inTheRange"),
    BEFORE("before"),
    AFTER("after"),
    IN_THE_LAST("inTheLast"),
    NOT_IN_THE_LAST("notInTheLast"),
    IN_PLAYLIST("inPlaylist"),
    NOT_IN_PLAYLIST("notInPlaylist"),
    IS_MISSING("isMissing"),
    IS_PRESENT("isPresent");

    private static final Map<String, SmartOperator> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(SmartOperator::jsonName, Function.identity()));

    private final String jsonName;

    SmartOperator(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The operator of a name (exact case, as in .nsp files), or null. */
    public static SmartOperator of(String name) {
        return BY_NAME.get(name);
    }

    /** Negations hold when the positive form does not (also for a missing value). */
    public boolean negated() {
        return this == IS_NOT || this == NOT_CONTAINS || this == NOT_IN_THE_LAST || this == NOT_IN_PLAYLIST;
    }

    public boolean appliesTo(SmartField.Kind kind) {
        return kinds().contains(kind);
    }

    private Set<SmartField.Kind> kinds() {
        return switch (this) {
            case IS, IS_NOT ->
                EnumSet.of(
                        SmartField.Kind.TEXT,
                        SmartField.Kind.TEXTS,
                        SmartField.Kind.NUMBER,
                        SmartField.Kind.DATE,
                        SmartField.Kind.BOOLEAN);
            case GT, LT, IN_THE_RANGE -> EnumSet.of(SmartField.Kind.NUMBER, SmartField.Kind.DATE);
            case CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH ->
                EnumSet.of(SmartField.Kind.TEXT, SmartField.Kind.TEXTS);
            case BEFORE, AFTER, IN_THE_LAST, NOT_IN_THE_LAST -> EnumSet.of(SmartField.Kind.DATE);
            case IN_PLAYLIST, NOT_IN_PLAYLIST -> EnumSet.of(SmartField.Kind.PLAYLIST);
            case IS_MISSING, IS_PRESENT ->
                EnumSet.of(SmartField.Kind.TEXT, SmartField.Kind.TEXTS, SmartField.Kind.NUMBER, SmartField.Kind.DATE);
        };
    }
}
