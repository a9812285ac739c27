package io.refrain.platform.config;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The keys a settings record binds: one per leaf component, nested records of Refrain followed,
 * each named as in {@code application.yml} ({@code maxInFlight} is {@code max-in-flight}, a
 * {@link Name @Name} wins). Used by the start-up check for unknown keys and by the test that keeps
 * {@code application.yml}, the records and the README's table in step.
 */
public final class SettingsKeys {

    private SettingsKeys() {}

    /** The keys of {@code type} bound under {@code prefix}, in declaration order. */
    public static List<String> of(String prefix, Class<?> type) {
        List<String> keys = new ArrayList<>();
        collect(prefix, type, keys);
        return keys;
    }

    private static void collect(String prefix, Class<?> type, List<String> keys) {
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonicalParameters(type, components);
        for (int i = 0; i < components.length; i++) {
            Name name = parameters[i].getAnnotation(Name.class);
            String key = prefix + "." + (name != null ? name.value() : dashed(components[i].getName()));
            Class<?> componentType = components[i].getType();
            if (componentType.isRecord() && componentType.getPackageName().startsWith("io.refrain")) {
                collect(key, componentType, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static Parameter[] canonicalParameters(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " is not a record", e);
        }
    }

    /** {@code maxInFlight} becomes {@code max-in-flight}, as Spring Boot's canonical form. */
    static String dashed(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
