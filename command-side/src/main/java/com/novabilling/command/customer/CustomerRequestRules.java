package com.novabilling.command.customer;

import com.novabilling.command.validation.RequestPatterns;

/** Regular expressions shared by the customer request bodies' constraints. */
final class CustomerRequestRules {

    static final String NOT_BLANK = RequestPatterns.NOT_BLANK;

    /** Hibernate's {@code @Email} accepts {@code a@b}; customers need a domain with a dot. */
    static final String EMAIL_WITH_DOTTED_DOMAIN = com.novabilling.command.validation.RequestPatterns.EMAIL;

    static final String COUNTRY_CODE = "[A-Z]{2}";
    static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. US)";

    private CustomerRequestRules() {
    }
}
