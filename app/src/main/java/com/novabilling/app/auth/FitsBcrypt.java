package com.novabilling.app.auth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password bcrypt can hash whole: at most {@value #MAX_BYTES} bytes in UTF-8, which is 72 plain ASCII characters
 * but only 36 accented letters such as {@code é}. Its companion {@code @Size} bounds the characters and reports a
 * password of more than 72 characters, so this one stays silent then rather than naming the field twice.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FitsBcrypt.Validator.class)
public @interface FitsBcrypt {

    int MAX_BYTES = 72;

    String message() default "must be at most 72 bytes in UTF-8 (fewer than 72 characters when it has accented letters or other scripts)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FitsBcrypt, String> {

        public static boolean fits(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || password.length() > MAX_BYTES || fits(password);
        }
    }
}
