package com.novabilling.api.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

public final class QueryResults {

    private QueryResults() {
    }

    /**
     * Waits for a query result. A handler's exception (such as NotFoundException) is rethrown as itself
     * rather than wrapped in the CompletionException that {@link CompletableFuture#join()} throws, so the
     * web layer can map it to its status code.
     */
    public static <T> T await(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
