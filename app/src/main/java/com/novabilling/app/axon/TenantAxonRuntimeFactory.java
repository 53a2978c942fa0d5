package com.novabilling.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.novabilling.app.tenancy.RequestOrigin;
import com.novabilling.app.tenancy.TenantDataSources;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationParameterResolverFactory;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.spring.saga.SpringResourceInjector;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds a tenant's Axon configuration at runtime (registration or start-up, no restart). Every aggregate, saga,
 * projection and handler found in the Spring context is registered in each tenant's configuration; the storage
 * of that configuration lives only in the tenant's own database.
 */
@Component
public class TenantAxonRuntimeFactory {

    static final String LOOKUP_GROUP_PREFIX = "lookup-";

    private final ApplicationContext applicationContext;
    private final PlatformTransactionManager transactionManager;
    private final DataSource routingDataSource;
    private final TenantDataSources tenantDataSources;
    private final AxonProperties properties;
    private final Serializer serializer;
    private volatile MessageHandlerCatalog catalog;

    public TenantAxonRuntimeFactory(ApplicationContext applicationContext,
                                    PlatformTransactionManager transactionManager,
                                    @Qualifier("routing") DataSource routingDataSource,
                                    TenantDataSources tenantDataSources,
                                    AxonProperties properties) {
        this.applicationContext = applicationContext;
        this.transactionManager = transactionManager;
        this.routingDataSource = routingDataSource;
        this.tenantDataSources = tenantDataSources;
        this.properties = properties;
        this.serializer = JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Serializer serializer() {
        return serializer;
    }

    public TenantAxonRuntime create(String tenantId) {
        MessageHandlerCatalog handlers = catalog();
        DataSource tenantDataSource = tenantDataSources.require(tenantId);
        TransactionManager tx = new TenantTransactionManager(tenantId, new SpringTransactionManager(transactionManager));
        ConnectionProvider connections = new TenantConnectionProvider(tenantId, routingDataSource, tenantDataSource);
        PersistenceExceptionResolver duplicateKeys = new JdbcSQLErrorCodesResolver();
        List<ExecutorService> executors = new ArrayList<>();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                .configureResourceInjector(c -> springResourceInjector())
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(RequestOrigin.TENANT_ID, RequestOrigin.ACTOR_TYPE,
                                RequestOrigin.ACTOR, RequestOrigin.REQUEST_ID)))
                .registerComponent(ParameterResolverFactory.class, c -> MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(TenantAxonRuntimeFactory.class),
                        new ConfigurationParameterResolverFactory(c),
                        new SpringBeanParameterResolverFactory(applicationContext)))
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(JdbcEventStorageEngine.builder()
                                .connectionProvider(connections)
                                .transactionManager(tx)
                                .schema(AxonSchemas.EVENTS)
                                .dataType(byte[].class)
                                .snapshotSerializer(serializer)
                                .eventSerializer(serializer)
                                .upcasterChain(c.upcasterChain())
                                .persistenceExceptionResolver(duplicateKeys)
                                .build())
                        .threadFactory(new AxonThreadFactory("events@" + tenantId))
                        .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                        .build())
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus())
                        .dispatchInterceptors(stampOrigin(tenantId))
                        .build())
                .registerComponent(QueryGateway.class, c -> DefaultQueryGateway.builder()
                        .queryBus(c.queryBus())
                        .dispatchInterceptors(stampQueryOrigin(tenantId))
                        .build());

        handlers.aggregates().forEach(configurer::configureAggregate);
        handlers.commandHandlers().forEach(h -> configurer.registerCommandHandler(c -> h));
        handlers.queryHandlers().forEach(h -> configurer.registerQueryHandler(c -> h));

        configurer.eventProcessing(ep -> {
            ep.registerTokenStore(c -> JdbcTokenStore.builder()
                    .connectionProvider(connections)
                    .serializer(serializer)
                    .schema(AxonSchemas.TOKENS)
                    .contentType(byte[].class)
                    .build());
            ep.registerSagaStore(c -> JdbcSagaStore.builder()
                    .connectionProvider(connections)
                    .sqlSchema(new PostgresSagaSqlSchema(AxonSchemas.SAGAS))
                    .serializer(serializer)
                    .build());
            ep.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            ep.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
            ep.usingPooledStreamingEventProcessors((c, builder) -> builder
                    .batchSize(properties.processorBatchSize())
                    .initialSegmentCount(1));
            handlers.eventHandlers().forEach(h -> ep.registerEventHandler(c -> h));
            handlers.sagas().forEach(ep::registerSaga);
            for (String group : handlers.processingGroups()) {
                if (group.startsWith(LOOKUP_GROUP_PREFIX)) {
                    ep.registerSubscribingEventProcessor(group);
                } else {
                    String name = group + "@" + tenantId;
                    ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1, new AxonThreadFactory("coordinator-" + name));
                    ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, new AxonThreadFactory("worker-" + name));
                    executors.add(coordinator);
                    executors.add(workers);
                    ep.registerPooledStreamingEventProcessor(group, Configuration::eventStore, (c, builder) -> builder
                            .batchSize(properties.processorBatchSize())
                            .initialSegmentCount(1)
                            .coordinatorExecutor(coordinator)
                            .workerExecutor(workers));
                }
            }
        });
        return new TenantAxonRuntime(tenantId, configurer.buildConfiguration(), executors,
                new CommittedEventIndexes(tenantDataSource));
    }

    private SpringResourceInjector springResourceInjector() {
        SpringResourceInjector injector = new SpringResourceInjector();
        injector.setApplicationContext(applicationContext);
        return injector;
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> stampOrigin(String tenantId) {
        return messages -> (index, message) -> message.andMetaData(metaData(tenantId));
    }

    private static MessageDispatchInterceptor<QueryMessage<?, ?>> stampQueryOrigin(String tenantId) {
        return messages -> (index, message) -> message.andMetaData(metaData(tenantId));
    }

    private static Map<String, String> metaData(String tenantId) {
        return RequestOrigin.current()
                .map(origin -> origin.asMetaData(tenantId))
                .orElseGet(() -> Map.of(RequestOrigin.TENANT_ID, tenantId, RequestOrigin.ACTOR_TYPE, "system"));
    }

    private MessageHandlerCatalog catalog() {
        if (catalog == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = MessageHandlerCatalog.scan(applicationContext);
                }
            }
        }
        return catalog;
    }
}
