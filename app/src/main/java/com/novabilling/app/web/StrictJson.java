package com.novabilling.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One strict reading of JSON for every route: a value has the type the field declares (no {@code "12"} for a
 * number, no {@code 1} for a boolean or a string, no {@code 1.9} for an integer), nothing follows the body, keys
 * appear once, date-times are ISO-8601 strings with an offset, text holds no control characters, and numbers stay
 * within what the ledger can hold. Bounds of particular fields (amounts, lengths) are the requests' own.
 */
@Configuration
public class StrictJson {

    /** Longest text any field accepts; fields set their own, smaller {@code @Size}. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Numbers in requests have at most this many digits before and after the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_DECIMAL_PLACES = 18;
    /** Dates outside these years are refused: PostgreSQL and the billing calendar need no more. */
    public static final int MIN_YEAR = 1970;
    public static final int MAX_YEAR = 9999;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonFeatures() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigDefaults()
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setAcceptBlankAsEmpty(false);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Float)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    /** Registered after Spring Boot's well-known modules, so its date-time readers replace JavaTimeModule's. */
    @Bean
    Module strictJsonValues() {
        SimpleModule module = new SimpleModule("novabilling-strict-json");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addKeyDeserializer(String.class, new KeyTextDeserializer());
        module.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        module.addDeserializer(Number.class, new BoundedNumberDeserializer());
        module.addDeserializer(Instant.class, new IsoDeserializer<>(Instant.class, "2026-03-01T00:00:00Z",
                StrictJson::parseInstant, instant -> instant.atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(OffsetDateTime.class, new IsoDeserializer<>(OffsetDateTime.class,
                "2026-03-01T00:00:00Z", OffsetDateTime::parse, OffsetDateTime::getYear));
        module.addDeserializer(LocalDate.class, new IsoDeserializer<>(LocalDate.class, "2026-03-01", LocalDate::parse,
                LocalDate::getYear));
        return module;
    }

    /**
     * An ISO-8601 date-time with offset as an instant. The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} is
     * read by hand (every usage event carries one, and the formatter is a measurable share of a request); anything
     * else, and any value the hand reading finds invalid, goes to {@link OffsetDateTime#parse}, which decides.
     */
    static Instant parseInstant(String text) {
        Instant fast = utcInstantOrNull(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant utcInstantOrNull(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (t.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(t, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Why {@code text} is refused, or null: control characters (NUL included), lone surrogates, excessive length. */
    public static String textProblem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "must not contain control characters (such as NUL)";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }

    /** Why {@code number} is refused, or null. */
    public static String numberProblem(BigDecimal number) {
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            return "must be less than 10^" + MAX_INTEGER_DIGITS;
        }
        if (number.scale() > MAX_DECIMAL_PLACES && number.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            return "must have at most " + MAX_DECIMAL_PLACES + " decimal places";
        }
        return null;
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = textProblem(text, MAX_TEXT_LENGTH);
            if (problem != null) {
                throw new RejectedJsonValue(p, problem);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    static final class KeyTextDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = textProblem(key, 255);
            if (problem != null) {
                throw new RejectedJsonValue(ctxt.getParser(), "keys " + problem);
            }
            return key;
        }
    }

    /** Amounts, prices, units: any JSON number within {@link #numberProblem} bounds, as BigDecimal. */
    static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            return boundedDecimal(p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }

    /** Numbers of free-form values (metadata, event properties): whole numbers as Integer/Long, others BigDecimal. */
    static final class BoundedNumberDeserializer extends StdScalarDeserializer<Number> {
        BoundedNumberDeserializer() {
            super(Number.class);
        }

        @Override
        public Number deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return p.getNumberValue();
            }
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Number) ctxt.handleUnexpectedToken(Number.class, p);
            }
            return boundedDecimal(p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }

    private static BigDecimal boundedDecimal(JsonParser p) throws IOException {
        BigDecimal number = p.getDecimalValue();
        String problem = numberProblem(number);
        if (problem != null) {
            throw new RejectedJsonValue(p, problem);
        }
        return number;
    }

    /** A date or date-time: an ISO-8601 string only (no epoch numbers, no empty string), years MIN_YEAR–MAX_YEAR. */
    static final class IsoDeserializer<T> extends StdScalarDeserializer<T> {
        private final String example;
        private final Function<String, T> parse;
        private final ToIntFunction<T> year;

        IsoDeserializer(Class<T> type, String example, Function<String, T> parse, ToIntFunction<T> year) {
            super(type);
            this.example = example;
            this.parse = parse;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedJsonValue(p, "must be an ISO-8601 string such as " + example);
            }
            T value;
            try {
                value = parse.apply(p.getText());
            } catch (DateTimeParseException e) {
                throw new RejectedJsonValue(p, "must be an ISO-8601 string such as " + example);
            }
            int valueYear = year.applyAsInt(value);
            if (valueYear < MIN_YEAR || valueYear > MAX_YEAR) {
                throw new RejectedJsonValue(p, "must be between the years " + MIN_YEAR + " and " + MAX_YEAR);
            }
            return value;
        }
    }
}
