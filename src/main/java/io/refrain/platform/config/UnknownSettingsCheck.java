package io.refrain.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a {@code refrain.*} key is set that no settings record binds, so a typo
 * ({@code --refrain.accounts.jwt-secert=…}) stops the start instead of being ignored. Runs before
 * any bean is created. The known keys are those of every {@code @ConfigurationProperties} record
 * under {@code refrain}; environment variables are not checked (only {@code application.yml}
 * reads {@code REFRAIN_*}, and unknown variables of the process are none of Refrain's business).
 */
@Component
class UnknownSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Map<String, String> known = new TreeMap<>();
        for (String bean : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(bean, false); // false: initialises no factory bean this early
            ConfigurationProperties annotation = type == null
                    ? null
                    : AnnotatedElementUtils.findMergedAnnotation(type, ConfigurationProperties.class);
            if (annotation != null
                    && type.isRecord()
                    && (annotation.prefix().equals("refrain")
                            || annotation.prefix().startsWith("refrain."))) {
                SettingsKeys.of(annotation.prefix(), type).forEach(key -> known.put(uniform(key), key));
            }
        }
        List<String> unknown = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("refrain.") && !known.containsKey(uniform(name))) {
                        unknown.add(name + " (" + source.getName() + ")");
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new StartupException(
                    "Unknown setting" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + ": no part of Refrain reads " + (unknown.size() > 1 ? "them" : "it") + ".",
                    "Check the spelling. The keys nearest to it: " + nearest(unknown, known.values())
                            + ". All keys are listed in application.yml and in the README's configuration table.");
        }
    }

    /** Spring Boot's relaxed forms ({@code maxInFlight}, {@code max-in-flight}, {@code max_in_flight}) are one key. */
    private static String uniform(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The known keys that share the parent of the first unknown one (its siblings), else the top-level ones. */
    private static String nearest(List<String> unknown, Iterable<String> known) {
        String first = unknown.getFirst();
        String name = first.substring(0, first.indexOf(' '));
        String parent = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        TreeSet<String> siblings = new TreeSet<>();
        for (String key : known) {
            if (uniform(key).startsWith(uniform(parent) + ".")) {
                siblings.add(key);
            }
        }
        if (siblings.isEmpty()) {
            for (String key : known) {
                siblings.add(key.split("\\.")[0] + "." + key.split("\\.")[1]);
            }
        }
        return siblings.stream().collect(Collectors.joining(", "));
    }
}
