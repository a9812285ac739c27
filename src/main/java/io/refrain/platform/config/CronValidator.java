package io.refrain.platform.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.springframework.scheduling.support.CronExpression;

/** Checks {@link Cron}: the expression must parse as {@code @Scheduled(cron = …)} will parse it. */
public class CronValidator implements ConstraintValidator<Cron, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value != null && CronExpression.isValidExpression(value);
    }
}
