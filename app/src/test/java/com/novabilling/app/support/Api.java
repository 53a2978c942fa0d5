package com.novabilling.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against the running server: every test goes through the servlet filters, MVC and the advice. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 as the API serves it (no h2c upgrade attempt on the first request of a connection). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return raw.body();
        }

        /** The fields a 400 answer names in {@code errors[].field}; fails on any other status. */
        public java.util.List<String> badRequestFields() {
            org.assertj.core.api.Assertions.assertThat(status).as(text()).isEqualTo(400);
            return body.path("errors").findValuesAsText("field");
        }

        /** {@code meta.total} of a list answer; fails on anything but a 200 page, so an error never reads as 0. */
        public long total() {
            org.assertj.core.api.Assertions.assertThat(status).as(text()).isEqualTo(200);
            JsonNode total = body.at("/meta/total");
            org.assertj.core.api.Assertions.assertThat(total.isIntegralNumber()).as("meta.total in " + text()).isTrue();
            return total.asLong();
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, String token, Object body) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return raw(method, path, token, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response raw(String method, String path, String token, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String text = response.body();
            if (text != null && !text.isBlank() && text.trim().startsWith("{") || text != null && text.trim().startsWith("[")) {
                json = JSON.readTree(text);
            }
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
