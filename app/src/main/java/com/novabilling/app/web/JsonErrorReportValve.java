package com.novabilling.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors Tomcat answers itself, before any Spring filter sees the request (an encoded slash or NUL in the path,
 * malformed UTF-8, a request line or headers too large), in the API's one error body instead of Tomcat's HTML
 * page. Installed as the host's error report valve by {@link TomcatErrorsConfiguration}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean errorReported = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, errorReported);
        if (!errorReported.get() || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell it
        }
    }

    /** Tomcat creates this valve by class name, outside the application context: it reads the wall clock. */
    static String body(int status) {
        return "{\"statusCode\":" + status
                + ",\"error\":\"" + reason(status) + "\""
                + ",\"message\":\"" + message(status) + "\""
                + ",\"errors\":[],\"path\":null"
                + ",\"requestId\":\"" + UUID.randomUUID() + "\""
                + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Bad Request" : "Internal Server Error";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: its path, encoding or headers are malformed or too large";
            case 404 -> "No such route";
            case 413 -> "Request body too large";
            case 414, 431 -> "The request line or its headers are too large";
            default -> status < 500 ? "The request could not be handled" : "Internal server error";
        };
    }
}
