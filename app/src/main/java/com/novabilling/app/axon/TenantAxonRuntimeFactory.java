package com.novabilling.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.novabilling.app.database.DatabaseConfiguration.EmbeddedPostgresHolder;
import com.novabilling.app.tenancy.RequestOrigin;
import com.novabilling.app.tenancy.TenantDataSources;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationParameterResolverFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
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
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import com.novabilling.command.schedule.DueWorkCalendar;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.spring.saga.SpringResourceInjector;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a tenant's Axon configuration at runtime (registration or start-up, no restart). Every aggregate, saga,
 * projection and handler found in the Spring context is registered in each tenant's configuration; the storage
 * of that configuration lives only in the tenant's own database.
 */
@Component
public class TenantAxonRuntimeFactory {

    /** Shared by every tenant's store; with event consumption unoptimised the stores start no thread. */
    private static final ThreadFactory EVENT_STORE_THREADS = ProcessorExecutors.threadFactory("event-store");

    /** Most dead-lettered aggregates per projection, and most letters per aggregate. */
    private static final int MAX_DEAD_LETTERS = 100_000;

    private final ApplicationContext applicationContext;
    private final PlatformTransactionManager transactionManager;
    private final DataSource routingDataSource;
    private final TenantDataSources tenantDataSources;
    private final AxonProperties properties;
    private final ProcessorExecutors executors;
    private final EntityManagerFactory entityManagerFactory;
    private final Serializer serializer;
    private final DueWorkCalendar dueWork;
    private final Optional<String> claimOwner;
    private volatile MessageHandlerCatalog catalog;

    public TenantAxonRuntimeFactory(ApplicationContext applicationContext,
                                    PlatformTransactionManager transactionManager,
                                    @Qualifier("routing") DataSource routingDataSource,
                                    TenantDataSources tenantDataSources,
                                    AxonProperties properties,
                                    ProcessorExecutors executors,
                                    EmbeddedPostgresHolder embeddedPostgres,
                                    EntityManagerFactory entityManagerFactory,
                                    DueWorkCalendar dueWork) {
        this.applicationContext = applicationContext;
        this.transactionManager = transactionManager;
        this.routingDataSource = routingDataSource;
        this.tenantDataSources = tenantDataSources;
        this.properties = properties;
        this.executors = executors;
        this.claimOwner = embeddedPostgres.processorClaimOwner();
        this.entityManagerFactory = entityManagerFactory;
        this.dueWork = dueWork;
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

    public TenantAxonRuntime create(String tenantId, Runnable eventsCommitted) {
        MessageHandlerCatalog handlers = catalog();
        DataSource tenantDataSource = tenantDataSources.require(tenantId);
        TransactionManager tx = new TenantTransactionManager(tenantId, new SpringTransactionManager(transactionManager));
        ConnectionProvider connections = new TenantConnectionProvider(tenantId, routingDataSource, tenantDataSource);
        // No transaction of its own: appends and aggregate reads join the command's; the processors' reads are one
        // SELECT each, on a connection in auto-commit.
        TenantEventStorage storage = new TenantEventStorage(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(AxonSchemas.EVENTS)
                .dataType(byte[].class)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver()));
        TenantAxonRuntime.WrittenPositions writes = new TenantAxonRuntime.WrittenPositions();
        TenantAxonRuntime.Progress progress = new TenantAxonRuntime.Progress();
        TenantEventSource[] source = new TenantEventSource[1];
        SignallingEventStore eventStore = new SignallingEventStore(
                EmbeddedEventStore.builder().storageEngine(storage).threadFactory(EVENT_STORE_THREADS),
                connections, writes::committed, payloadTypes -> {
                    source[0].signal(payloadTypes);
                    eventsCommitted.run();
                });
        source[0] = new TenantEventSource(eventStore, storage::readBatch, properties.processorBatchSize(),
                properties.safetyCheckInterval(), System::nanoTime);
        Configuration[] built = new Configuration[1];
        ProjectionFailures failures = new ProjectionFailures();
        FailedBatchRetry batchRetry = new FailedBatchRetry(executors.coordinators(),
                name -> built[0].eventProcessingConfiguration().eventProcessor(name));
        // every read-model projection has a dead-letter queue; lookups fail their command, sagas are left alone
        Set<String> deadLettered = handlers.processingGroups().stream()
                .filter(group -> !handlers.isSameTransaction(group))
                .filter(handlers::isReadModel)
                .collect(Collectors.toUnmodifiableSet());

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
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
                .configureEventStore(c -> eventStore)
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus())
                        .dispatchInterceptors(stampOrigin(tenantId))
                        .build())
                .registerComponent(QueryGateway.class, c -> DefaultQueryGateway.builder()
                        .queryBus(c.queryBus())
                        .dispatchInterceptors(stampQueryOrigin(tenantId))
                        .build())
                .registerComponent(DeadlineManager.class, c -> new TenantDeadlineManager(tenantId,
                        new JdbcTemplate(routingDataSource), tx, serializer, () -> new ConfigurationScopeAwareProvider(c),
                        dueWork));

        handlers.aggregates().forEach(configurer::configureAggregate);
        handlers.commandHandlers().forEach(h -> configurer.registerCommandHandler(c -> h));
        handlers.queryHandlers().forEach(h -> configurer.registerQueryHandler(c -> h));

        configurer.eventProcessing(ep -> {
            ep.registerTokenStore(c -> {
                JdbcTokenStore.Builder tokens = JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(AxonSchemas.TOKENS)
                        .contentType(byte[].class)
                        .claimTimeout(properties.claimTimeout());
                claimOwner.ifPresent(tokens::nodeId);
                return tokens.build();
            });
            ep.registerSagaStore(c -> JdbcSagaStore.builder()
                    .connectionProvider(connections)
                    .sqlSchema(new PostgresSagaSqlSchema(AxonSchemas.SAGAS))
                    .serializer(serializer)
                    .build());
            ep.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            ep.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
            // Every streaming processor, sagas' included: reads the signalled source, runs on the shared threads.
            ep.configureDefaultStreamableMessageSource(c -> source[0]);
            ep.usingPooledStreamingEventProcessors((c, builder) -> sharedProcessorSettings(builder));
            handlers.processingGroups().stream().filter(group -> !deadLettered.contains(group))
                    .flatMap(group -> handlers.eventHandlersOf(group).stream())
                    .forEach(h -> ep.registerEventHandler(c -> h));
            for (String group : deadLettered) {
                registerDeadLetteredProjection(ep, tenantId, group, handlers, connections, tx, failures, batchRetry);
            }
            for (Class<?> saga : handlers.sagas()) {
                ep.registerSaga(saga);
                // woken, like the projections below, only by commits of events it handles
                String processor = MessageHandlerCatalog.sagaProcessor(saga);
                ep.registerPooledStreamingEventProcessor(processor,
                        c -> source[0].forProcessorHandling(type -> handlers.handles(processor, type)),
                        (c, builder) -> sharedProcessorSettings(builder));
            }
            for (String group : handlers.processingGroups()) {
                if (handlers.isSameTransaction(group)) {
                    ep.registerSubscribingEventProcessor(group);
                } else {
                    if (handlers.isReadModel(group)) { // a projection queries read, not a handler with side effects
                        ep.registerTransactionManager(group, c -> new AsynchronousCommits(tx, routingDataSource));
                        ep.registerHandlerInterceptor(group, c -> (unitOfWork, chain) -> {
                            unitOfWork.onCleanup(u -> progress.batchDone());
                            return chain.proceed();
                        });
                    }
                    // woken only by commits of events it handles
                    ep.registerPooledStreamingEventProcessor(group,
                            c -> source[0].forProcessorHandling(type -> handlers.handles(group, type)),
                            (c, builder) -> sharedProcessorSettings(builder)
                                    .initialSegmentCount(properties.segments().getOrDefault(group, 1)));
                }
            }
        });
        built[0] = configurer.buildConfiguration();
        ProjectionDeadLetters deadLetters = new ProjectionDeadLetters(tenantId, deadLettered,
                built[0]::eventProcessingConfiguration, new JdbcTemplate(tenantDataSource), tx, failures, handlers::handles,
                !CommitNotificationsConfiguration.announcesCommits(applicationContext.getEnvironment()));
        return new TenantAxonRuntime(tenantId, built[0], source[0], handlers, writes, storedTokens(tenantDataSource),
                progress, deadLetters);
    }

    /**
     * A read-model group whose failing events go to its dead-letter queue (one per group, in the tenant's database)
     * while the rest flow on. Its handlers are applied as one {@link ProjectionGroupHandler}, event by event in a
     * savepoint; later events of a dead-lettered event's aggregate queue behind it (Axon's default sequencing policy,
     * per aggregate). A rebuild clears the queue, as it replays every event.
     */
    private void registerDeadLetteredProjection(EventProcessingConfigurer ep, String tenantId, String group,
                                                MessageHandlerCatalog handlers, ConnectionProvider connections,
                                                TransactionManager tx, ProjectionFailures failures,
                                                FailedBatchRetry batchRetry) {
        ep.registerEventHandler(c -> new ProjectionGroupHandler(tenantId, group,
                handlers.eventHandlersOf(group).stream()
                        .<EventMessageHandler>map(h -> new AnnotationEventHandlerAdapter(h, c.parameterResolverFactory(),
                                c.handlerDefinition(h.getClass())))
                        .toList(),
                routingDataSource, entityManagerFactory, failures));
        ep.assignHandlerInstancesMatching(group,
                h -> h instanceof ProjectionGroupHandler projection && projection.group().equals(group));
        ep.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                .transactionManager(tx)
                .schema(AxonSchemas.DEAD_LETTERS)
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                // a full queue fails the batch, which would jam the projection again: far above Axon's 1,024
                .maxSequences(MAX_DEAD_LETTERS)
                .maxSequenceSize(MAX_DEAD_LETTERS)
                .build());
        ep.registerDeadLetterPolicy(group, c -> new ProjectionDeadLetterPolicy(group, batchRetry));
        // the cache spares a query per event while the queue is empty; a reset clears the queue
        ep.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
    }

    private PooledStreamingEventProcessor.Builder sharedProcessorSettings(PooledStreamingEventProcessor.Builder builder) {
        return builder.batchSize(properties.processorBatchSize())
                .initialSegmentCount(1)
                .coordinatorExecutor(executors.coordinators())
                .workerExecutor(executors.workers())
                .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                .claimExtensionThreshold(properties.tokenClaimInterval().toMillis());
    }

    private TenantAxonRuntime.StoredTokens storedTokens(DataSource tenantDataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(tenantDataSource);
        return processorName -> jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    byte[] token = rs.getBytes(1);
                    return token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString(2), null));
                }, processorName);
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
