package io.refrain.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @RequestBody} parameter: the endpoint refuses NUL characters in the body itself,
 * as part of a validation that reports every problem of the body at once (for example a batch
 * of listens, problems by path), so {@link NulRejectingBodyAdvice} leaves the body to it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChecksNulItself {}
