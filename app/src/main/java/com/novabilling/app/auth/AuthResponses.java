package com.novabilling.app.auth;

import com.novabilling.app.tenant.TenantView;

public final class AuthResponses {

    private AuthResponses() {
    }

    public record Registered(TenantView tenant, String apiKey, String accessToken, String refreshToken, String tokenType,
                             long expiresIn) {
    }

    public record LoggedIn(TenantView tenant, String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    public record Message(String message) {
    }
}
