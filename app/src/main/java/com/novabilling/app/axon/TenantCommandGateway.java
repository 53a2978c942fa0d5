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
 * The command gateway controllers inject: it sends to the command bus of the tenant bound to the request and,
 * once the command is committed, waits for that tenant's projections to catch up (read-your-writes).
 */
@Component
@Primary
public class TenantCommandGateway implements CommandGateway {

    private final TenantRuntimeRegistry runtimes;
    private final AxonProperties properties;

    public TenantCommandGateway(TenantRuntimeRegistry runtimes, AxonProperties properties) {
        this.runtimes = runtimes;
        this.properties = properties;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        runtimes.current().commandGateway().send(command, callback);
    }

    @Override
    public <R> R sendAndWait(Object command) {
        TenantAxonRuntime runtime = runtimes.current();
        R result = runtime.commandGateway().sendAndWait(command);
        runtime.awaitProjections(properties.readYourWritesTimeout());
        return result;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        TenantAxonRuntime runtime = runtimes.current();
        R result = runtime.commandGateway().sendAndWait(command, timeout, unit);
        runtime.awaitProjections(properties.readYourWritesTimeout());
        return result;
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
