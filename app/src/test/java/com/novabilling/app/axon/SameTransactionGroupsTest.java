package com.novabilling.app.axon;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uniqueness across aggregates holds only if the lookup tables are written in the command's transaction: a handler
 * that writes one must be {@link SameTransaction}, and a marked group must really run subscribing.
 */
class SameTransactionGroupsTest extends IntegrationTest {

    /** SQL naming a command-side lookup table, as it stands in a class's constant pool. */
    private static final Pattern LOOKUP_TABLE = Pattern.compile("\\b(\\w+_lookup|resource_codes)\\b");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private TenantRuntimeRegistry runtimes;

    @Test
    void everyEventHandlerThatWritesALookupTableIsSameTransaction() {
        MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);
        assertThat(catalog.sameTransactionGroups()).contains("lookup-customer", "lookup-plan",
                "lookup-billable-metric", "lookup-charge", "lookup-coupon", "lookup-add-on", "lookup-subscription",
                "lookup-credit-note", "lookup-billed-usage-window");
        for (Object handler : catalog.eventHandlers()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(handler));
            String group = groupOf(type);
            boolean writesTables = holdsA(type, JdbcTemplate.class) || holdsA(type, ResourceCodes.class)
                    || LOOKUP_TABLE.matcher(constantPool(type)).find();
            if (type.getPackageName().startsWith("com.novabilling.command.") && writesTables) {
                assertThat(type.isAnnotationPresent(SameTransaction.class))
                        .as("%s writes a lookup table, so it must be @SameTransaction", type.getName()).isTrue();
            }
            if (type.isAnnotationPresent(SameTransaction.class)) {
                assertThat(catalog.isSameTransaction(group)).as(group).isTrue();
                assertThat(catalog.projectionGroups()).as(group).doesNotContain(group);
            } else {
                assertThat(catalog.isSameTransaction(group)).as(group).isFalse();
            }
            if (type.getPackageName().startsWith("com.novabilling.command.") && !type.isAnnotationPresent(SameTransaction.class)) {
                // the command side's other handlers act after the commit and must never act twice
                assertThat(AnnotatedElementUtils.hasAnnotation(type, DisallowReplay.class))
                        .as("%s runs after the commit: @SameTransaction if it keeps a lookup, else @DisallowReplay", type)
                        .isTrue();
            }
        }
    }

    @Test
    void everySameTransactionGroupRunsSubscribingInATenantsRuntimeAndNoOtherDoes() {
        MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);
        TenantAxonRuntime runtime = runtimes.require(sharedTenant().id());
        Map<String, EventProcessor> processors = runtime.eventProcessors();

        assertThat(processors).containsKeys(catalog.sameTransactionGroups().toArray(String[]::new));
        processors.forEach((name, processor) -> {
            assertThat(processor instanceof SubscribingEventProcessor).as(name).isEqualTo(catalog.isSameTransaction(name));
            if (catalog.isSameTransaction(name)) {
                assertThat(runtime.deadLetters().hasQueue(name)).as(name).isFalse();
            }
        });
    }

    @Test
    void everySagaRunsInItsOwnPooledProcessorWokenOnlyByTheEventsItsSagaHandles() {
        MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);
        TenantAxonRuntime runtime = runtimes.require(sharedTenant().id());
        Map<String, EventProcessor> processors = runtime.eventProcessors();
        assertThat(catalog.sagas()).isNotEmpty();

        Set<String> expected = new HashSet<>(catalog.processingGroups());
        for (Class<?> saga : catalog.sagas()) {
            String name = MessageHandlerCatalog.sagaProcessor(saga);
            expected.add(name);
            assertThat(processors.get(name)).as(name).isInstanceOf(PooledStreamingEventProcessor.class);
            // what the processor's stream is woken by (TenantAxonRuntimeFactory: forProcessorHandling)
            List<Class<?>> handled = Arrays.stream(saga.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(SagaEventHandler.class))
                    .<Class<?>>map(m -> m.getParameterTypes()[0]).toList();
            assertThat(handled).as(name).isNotEmpty()
                    .allSatisfy(type -> assertThat(catalog.handles(name, type)).as(name + " " + type).isTrue());
            List<Class<?>> others = Stream.of(CustomerCreatedEvent.class, WalletCreatedEvent.class, InvoiceCreatedEvent.class)
                    .<Class<?>>map(type -> type)
                    .filter(type -> handled.stream().noneMatch(h -> h.isAssignableFrom(type))).toList();
            assertThat(others).as(name + ": an event it does not handle").isNotEmpty()
                    .allSatisfy(type -> assertThat(catalog.handles(name, type)).as(name + " " + type).isFalse());
        }
        assertThat(processors.keySet()).as("no processor besides the groups' and the sagas'")
                .containsExactlyInAnyOrderElementsOf(expected);

        // each streaming processor reads one stream; a commit wakes exactly those whose handlers take its events
        List<String> streaming = processors.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor).map(Map.Entry::getKey).toList();
        TenantEventSource source = runtime.eventSource();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> source.openStreams() == streaming.size());
        for (Class<?> type : List.of(CustomerCreatedEvent.class, WalletCreatedEvent.class, InvoiceCreatedEvent.class)) {
            assertThat(source.streamsWokenBy(type)).as(type.getSimpleName())
                    .isEqualTo(streaming.stream().filter(name -> catalog.handles(name, type)).count());
        }
    }

    @Test
    void theKindComesFromTheMarkNotTheName() {
        try (var context = new AnnotationConfigApplicationContext(MarkedWithAnyName.class, NamedLikeALookup.class)) {
            MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);
            assertThat(catalog.isSameTransaction("any-name")).isTrue();
            assertThat(catalog.isSameTransaction("lookup-but-streaming")).isFalse();
            assertThat(catalog.projectionGroups()).containsExactly("lookup-but-streaming");
        }
    }

    @Test
    void aGroupCannotBeHalfSameTransaction() {
        try (var context = new AnnotationConfigApplicationContext(MarkedWithAnyName.class, UnmarkedInTheSameGroup.class)) {
            assertThatThrownBy(() -> MessageHandlerCatalog.scan(context))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("any-name");
        }
    }

    private static String groupOf(Class<?> type) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        return group != null ? group.value() : type.getPackageName();
    }

    private static boolean holdsA(Class<?> type, Class<?> dependency) {
        return Arrays.stream(type.getDeclaredFields()).map(Field::getType).anyMatch(dependency::isAssignableFrom);
    }

    private static String constantPool(Class<?> type) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SameTransaction
    @ProcessingGroup("any-name")
    static class MarkedWithAnyName {
        @EventHandler
        void on(String event) {
        }
    }

    @ProcessingGroup("any-name")
    static class UnmarkedInTheSameGroup {
        @EventHandler
        void on(Integer event) {
        }
    }

    @ProcessingGroup("lookup-but-streaming")
    static class NamedLikeALookup {
        @EventHandler
        void on(Long event) {
        }
    }
}
