package com.novabilling.app.axon;

import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
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

/** The query gateway controllers inject: it asks the query bus of the tenant bound to the request. */
@Component
@Primary
public class TenantQueryGateway implements QueryGateway {

    private final TenantRuntimeRegistry runtimes;

    public TenantQueryGateway(TenantRuntimeRegistry runtimes) {
        this.runtimes = runtimes;
    }

    private QueryGateway delegate() {
        return runtimes.current().queryGateway();
    }

    @Override
    public <R, Q> CompletableFuture<R> query(String queryName, Q query, ResponseType<R> responseType) {
        return delegate().query(queryName, query, responseType);
    }

    @Override
    public <R, Q> Publisher<R> streamingQuery(String queryName, Q query, Class<R> responseType) {
        return delegate().streamingQuery(queryName, query, responseType);
    }

    @Override
    public <R, Q> Stream<R> scatterGather(String queryName, Q query, ResponseType<R> responseType, long timeout, TimeUnit unit) {
        return delegate().scatterGather(queryName, query, responseType, timeout, unit);
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
