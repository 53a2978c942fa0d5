package com.novabilling.api.customer;

public record CustomerDeletedEvent(String customerId) {
}
