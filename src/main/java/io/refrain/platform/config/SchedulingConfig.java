package io.refrain.platform.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs run in the server only, never in a CLI command's short-lived context. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "refrain.cli", havingValue = "false", matchIfMissing = true)
class SchedulingConfig {
}
