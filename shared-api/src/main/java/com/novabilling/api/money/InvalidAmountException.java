package com.novabilling.api.money;

/** An amount that cannot be represented exactly in its currency (too many decimals, out of range). */
public class InvalidAmountException extends IllegalArgumentException {
    public InvalidAmountException(String message) {
        super(message);
    }
}
