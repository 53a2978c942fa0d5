package com.novabilling.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value that parsed but that the API refuses; {@link #reason()} is the answer's message for its field. */
public class RejectedJsonValue extends JsonMappingException {

    private final String reason;

    public RejectedJsonValue(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
