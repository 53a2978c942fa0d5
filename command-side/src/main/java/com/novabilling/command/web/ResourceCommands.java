package com.novabilling.command.web;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.error.Causes;
import com.novabilling.api.error.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import static com.novabilling.api.query.QueryResults.await;

/**
 * The command controllers' one path: send a command and wait for its commit, then read the resource back — the read
 * waits for exactly the read models its query reads (read-your-writes, docs/architecture.md §6).
 */
@Component
public class ResourceCommands {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public ResourceCommands(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    /** Sends the command and waits until its events are committed. */
    public void send(Object command) {
        commandGateway.sendAndWait(command);
    }

    /** Sends a command to an existing aggregate: a missing one is a 404 "{resource} with id '{id}' not found". */
    public void sendTo(String resource, String id, Object command) {
        try {
            commandGateway.sendAndWait(command);
        } catch (RuntimeException e) {
            if (Causes.contain(e, AggregateNotFoundException.class)) {
                throw new NotFoundException(resource, id);
            }
            throw e;
        }
    }

    /** Sends a command to an existing resource of {@code kind}: a malformed id and a missing one are the same 404. */
    public void sendTo(IdPrefix kind, String id, Object command) {
        kind.require(id);
        sendTo(kind.resource(), id, command);
    }

    /** The resource's view, once the read models the query reads have applied this request's writes. */
    public <V> V read(Object query, Class<V> view) {
        return await(queryGateway.query(query, view));
    }
}
