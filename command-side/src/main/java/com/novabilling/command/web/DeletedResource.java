package com.novabilling.command.web;

/** Response body of a successful DELETE: {@code {"id": "...", "deleted": true}}. */
public record DeletedResource(String id, boolean deleted) {

    public static DeletedResource of(String id) {
        return new DeletedResource(id, true);
    }
}
