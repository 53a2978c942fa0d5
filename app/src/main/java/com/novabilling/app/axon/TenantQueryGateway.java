package com.novabilling.app.axon;

import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The query gateway every bean injects: it asks the query bus of the tenant bound to the thread. Outside a unit of
 * work (a request) a query first waits until the read models it reads have handled the writes this node committed
 * for the tenant, so a read right after a 2xx write sees it; handlers inside a unit of work never wait (a projection
 * waiting for itself would stall). When a projection the query reads dead-lettered an event the request wrote, the
 * query is not asked: {@link ProjectionFailedException} says so instead of an answer without the write.
 */
@Component
@Primary
public class TenantQueryGateway implements QueryGateway {

    private final TenantRuntimeRegistry runtimes;
    private final AxonProperties properties;

    public TenantQueryGateway(TenantRuntimeRegistry runtimes, AxonProperties properties) {
        this.runtimes = runtimes;
        this.properties = properties;
    }

    private QueryGateway delegate() {
        return runtimes.current().queryGateway();
    }

    private QueryGateway readingYourWrites(Object query) {
        TenantAxonRuntime runtime = runtimes.current();
        if (!CurrentUnitOfWork.isStarted()) {
            runtime.awaitReadModelsOf(query.getClass(), properties.readYourWritesTimeout());
        }
        return runtime.queryGateway();
    }

    @Override
    public <R, Q> CompletableFuture<R> query(String queryName, Q query, ResponseType<R> responseType) {
        return readingYourWrites(query).query(queryName, query, responseType);
    }

    @Override
    public <R, Q> Publisher<R> streamingQuery(String queryName, Q query, Class<R> responseType) {
        return readingYourWrites(query).streamingQuery(queryName, query, responseType);
    }

    @Override
    public <R, Q> Stream<R> scatterGather(String queryName, Q query, ResponseType<R> responseType, long timeout, TimeUnit unit) {
        return readingYourWrites(query).scatterGather(queryName, query, responseType, timeout, unit);
    }

    @Override
    @SuppressWarnings("deprecation")
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query, ResponseType<I> initialResponseType,
                                                                     ResponseType<U> updateResponseType,
                                                                     SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        return delegate().subscriptionQuery(queryName, query, initialResponseType, updateResponseType, backpressure, updateBufferSize);
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query, ResponseType<I> initialResponseType,
                                                                     ResponseType<U> updateResponseType, int updateBufferSize) {
        return delegate().subscriptionQuery(queryName, query, initialResponseType, updateResponseType, updateBufferSize);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        throw new UnsupportedOperationException("register dispatch interceptors in TenantAxonRuntimeFactory");
    }
}
