package com.novabilling.app.auth;

/** Credentials that do not authenticate: HTTP 401. */
public class AuthenticationFailedException extends RuntimeException {
    public AuthenticationFailedException(String message) {
        super(message);
    }
}
