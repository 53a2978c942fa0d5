package com.novabilling.app.support;

import com.fasterxml.jackson.databind.JsonNode;

/** A tenant registered through the API for a test: its id, API key and JWTs. */
public record TestTenant(String id, String email, String password, String apiKey, String accessToken, String refreshToken,
                         JsonNode registration) {
}
