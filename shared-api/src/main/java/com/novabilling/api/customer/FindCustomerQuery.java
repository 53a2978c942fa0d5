package com.novabilling.api.customer;

/** Answered with a {@link CustomerView}, or NotFoundException. */
public record FindCustomerQuery(String customerId) {
}
