package io.refrain.platform.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring cron expression (six fields: second minute hour day month weekday). On a settings
 * record's component, so a mistyped schedule stops the start with the key and the value instead of
 * failing later inside the scheduler.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CronValidator.class)
public @interface Cron {

    String message() default
            "must be a Spring cron expression of six fields (second minute hour day month weekday), e.g. 0 30 3 * * *";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
