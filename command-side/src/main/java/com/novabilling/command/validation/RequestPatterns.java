package com.novabilling.command.validation;

/** Regular expressions shared by request bodies' {@code @Pattern} constraints. */
public final class RequestPatterns {

    /** At least one non-whitespace character; for optional fields, where {@code @NotBlank} would reject null. */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    /** A resource code such as {@code pro}, {@code api_calls} or {@code WELCOME-10}: letters, digits, {@code _ - . :}. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.:\\-]*";
    public static final String CODE_MESSAGE = "must start with a letter or digit and contain only letters, digits, '_', '-', '.' or ':'";

    /** An e-mail address with a dotted domain, on top of {@code @Email} (which lets an empty string through). */
    public static final String EMAIL = ".+@[^@]+\\.[^@]+";

    public static final String COUNTRY_CODE = "[A-Z]{2}";
    public static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. US)";

    private RequestPatterns() {
    }
}
