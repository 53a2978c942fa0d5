package com.novabilling.api.error;

/** A resource that does not exist in the caller's tenant. Another tenant's resource is reported the same way. */
public class NotFoundException extends RuntimeException {
    private final String resource;
    private final String id;

    public NotFoundException(String resource, String id) {
        super(resource + " with id '" + id + "' not found");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
