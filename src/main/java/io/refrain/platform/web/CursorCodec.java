package io.refrain.platform.web;

import io.refrain.platform.errors.ApiException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The one way a list turns the key of its last item into a cursor and back: a record whose
 * components are, in order, the values of the cursor ({@link Cursor}'s base64url JSON array).
 * Decoding checks every value's type, so a call site gets a typed record or the 400 "not a cursor
 * this list gave out", never a half-read JSON node. A record's compact constructor may refuse
 * values (throw any exception) to declare a cursor out of range.
 *
 * <p>Component types and their wire form: {@code long}/{@code int} (and boxes) as JSON numbers;
 * {@code String} as text; {@link UUID} and {@link Instant} as their {@code toString()};
 * {@link BigDecimal} as its plain string; an enum as its name; an {@link Instant} marked
 * {@link EpochMicros} as a number of microseconds since the epoch.
 */
public final class CursorCodec<T extends Record> {

    /** An {@link Instant} component carried as microseconds since the epoch (PostgreSQL's precision). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    public @interface EpochMicros {}

    private final Class<T> type;
    private final Component[] components;
    private final Constructor<T> constructor;

    private CursorCodec(Class<T> type) {
        this.type = type;
        RecordComponent[] recordComponents = type.getRecordComponents();
        this.components = Arrays.stream(recordComponents).map(Component::new).toArray(Component[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(Arrays.stream(recordComponents)
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            this.constructor.setAccessible(true); // the records are usually private to their service
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    public static <T extends Record> CursorCodec<T> of(Class<T> type) {
        return new CursorCodec<>(type);
    }

    public String encode(T key) {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].wire(key);
        }
        return Cursor.encode(values);
    }

    /** The key a cursor carries; null for no cursor (the first page); a 400 for one this list did not give out. */
    public T decode(String cursor) {
        JsonNode[] values = Cursor.decode(cursor, components.length);
        if (values == null) {
            return null;
        }
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = components[i].read(values[i]);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) { // the record refused the values
            throw Cursor.invalid();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    /** The key a cursor carries, or {@code start} for no cursor. */
    public T decodeOr(String cursor, T start) {
        T key = decode(cursor);
        return key == null ? start : key;
    }

    /** The 400 for a cursor that decodes but does not belong here (another list's, another sort's). */
    public static ApiException invalid() {
        return Cursor.invalid();
    }

    private static final class Component {
        final Class<?> type;
        final Method accessor;
        final boolean micros;

        Component(RecordComponent component) {
            this.type = component.getType();
            this.accessor = component.getAccessor();
            this.accessor.setAccessible(true);
            this.micros = component.isAnnotationPresent(EpochMicros.class);
            if (micros && type != Instant.class) {
                throw new IllegalStateException("@EpochMicros is for Instant components, not " + type);
            }
            if (!supported(type)) {
                throw new IllegalStateException("a cursor cannot carry a " + type);
            }
        }

        private static boolean supported(Class<?> type) {
            return List.of(
                                    long.class,
                                    Long.class,
                                    int.class,
                                    Integer.class,
                                    String.class,
                                    UUID.class,
                                    Instant.class,
                                    BigDecimal.class)
                            .contains(type)
                    || type.isEnum();
        }

        Object wire(Object record) {
            Object value;
            try {
                value = accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                throw new IllegalArgumentException("a cursor value is null: " + accessor.getName());
            }
            return switch (value) {
                case Instant at when micros -> ChronoUnit.MICROS.between(Instant.EPOCH, at);
                case BigDecimal decimal -> decimal.toPlainString();
                case Enum<?> constant -> constant.name();
                case UUID id -> id.toString();
                case Instant at -> at.toString();
                default -> value; // numbers and strings as they are
            };
        }

        Object read(JsonNode node) {
            try {
                if (type == long.class || type == Long.class || micros) {
                    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                        throw Cursor.invalid();
                    }
                    return micros ? Instant.EPOCH.plus(node.asLong(), ChronoUnit.MICROS) : node.asLong();
                }
                if (type == int.class || type == Integer.class) {
                    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                        throw Cursor.invalid();
                    }
                    return node.asInt();
                }
                if (!node.isString()) {
                    throw Cursor.invalid();
                }
                String text = node.asString();
                if (type == String.class) {
                    return text;
                }
                if (type == UUID.class) {
                    return UUID.fromString(text);
                }
                if (type == Instant.class) {
                    return Instant.parse(text);
                }
                if (type == BigDecimal.class) {
                    return new BigDecimal(text);
                }
                return enumConstant(text);
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) { // a malformed UUID, time, number or name
                throw Cursor.invalid();
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object enumConstant(String name) {
            return Enum.valueOf((Class<? extends Enum>) type, name);
        }
    }
}
