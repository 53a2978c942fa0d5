package com.novabilling.api.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an enum's name is read from a query parameter or a setting: any letter case, surrounding spaces ignored. */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant named {@code value} ({@code active}, {@code ACTIVE}); empty for null or an unknown name. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(wanted)).findFirst();
    }

    /** The constants' names in declaration order, comma-separated, as a validation message lists them. */
    public static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
