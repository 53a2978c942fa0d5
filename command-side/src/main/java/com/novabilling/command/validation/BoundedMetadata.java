package com.novabilling.command.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A {@code metadata} object within Stripe's bounds: at most {@value BoundedMetadataValidator#MAX_KEYS} keys of at
 * most {@value BoundedMetadataValidator#MAX_KEY_LENGTH} characters, text values of at most
 * {@value BoundedMetadataValidator#MAX_VALUE_LENGTH} characters, nested at most
 * {@value BoundedMetadataValidator#MAX_DEPTH} levels, numbers below 10^18. Null is valid.
 */
@Documented
@Constraint(validatedBy = BoundedMetadataValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface BoundedMetadata {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
