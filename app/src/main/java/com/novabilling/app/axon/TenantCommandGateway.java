package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command gateway every bean injects: it sends to the command bus of the tenant bound to the thread (the
 * request's, or the handler's). It never waits for projections: a read waits for exactly the read models it reads
 * ({@link TenantQueryGateway}), so a saga or event handler sending a command is not held up by projections.
 */
@Component
@Primary
public class TenantCommandGateway implements CommandGateway {

    private final TenantRuntimeRegistry runtimes;

    public TenantCommandGateway(TenantRuntimeRegistry runtimes) {
        this.runtimes = runtimes;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        runtimes.current().commandGateway().send(command, callback);
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return runtimes.current().commandGateway().sendAndWait(command);
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return runtimes.current().commandGateway().sendAndWait(command, timeout, unit);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return runtimes.current().commandGateway().send(command);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        throw new UnsupportedOperationException("register dispatch interceptors in TenantAxonRuntimeFactory (tenant " +
                TenantContext.current().orElse("none") + ")");
    }
}
