package com.novabilling.app.axon;

import com.novabilling.command.reference.SameTransaction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The message handlers of the application, found once in the Spring context: aggregate and saga types (by
 * Axon's {@code @Aggregate} / {@code @Saga} stereotypes) and the singleton beans with event, query or command
 * handler methods. Each tenant's configuration registers all of them.
 */
record MessageHandlerCatalog(List<Class<?>> aggregates,
                             List<Class<?>> sagas,
                             List<Object> eventHandlers,
                             List<Object> queryHandlers,
                             List<Object> commandHandlers,
                             Set<String> processingGroups,
                             Map<String, List<Object>> eventHandlersByGroup,
                             Map<Class<?>, Set<String>> readModelsByQuery,
                             Map<String, Set<Class<?>>> eventTypesByGroup,
                             Set<String> sameTransactionGroups) {

    /** Groups that project into read models (streaming; sagas and same-transaction lookups excluded). */
    Set<String> projectionGroups() {
        return processingGroups.stream().filter(g -> !isSameTransaction(g)).collect(Collectors.toSet());
    }

    /** Whether the group's handlers are {@link SameTransaction}: it runs subscribing, in the command's transaction. */
    boolean isSameTransaction(String group) {
        return sameTransactionGroups.contains(group);
    }

    /** The event handler beans of a processing group, in the order they were found. */
    List<Object> eventHandlersOf(String group) {
        return eventHandlersByGroup.getOrDefault(group, List.of());
    }

    /**
     * The event handler beans of every read-model projection (streaming groups some query reads; lookups, sagas and
     * side effects excluded), by group: what replaying the event store rebuilds.
     */
    Map<String, List<Object>> readModelProjections() {
        Map<String, List<Object>> projections = new java.util.TreeMap<>();
        projectionGroups().stream().filter(this::isReadModel)
                .forEach(group -> projections.put(group, eventHandlersOf(group)));
        return projections;
    }

    /** Whether some query reads the group's tables: a projection, whose state can be rebuilt from the events. */
    boolean isReadModel(String group) {
        return readModelsByQuery.values().stream().anyMatch(groups -> groups.contains(group));
    }

    /**
     * Whether the group handles events of this payload type (a group whose handlers are unknown handles all), so a
     * commit wakes only the processors it concerns and a read waits only for writes its read models reflect.
     */
    boolean handles(String group, Class<?> payloadType) {
        Set<Class<?>> handled = eventTypesByGroup.get(group);
        return handled == null || handled.stream().anyMatch(type -> type.isAssignableFrom(payloadType));
    }

    /**
     * The processing groups whose read models a query of this type reads, to wait for before answering it right
     * after a write; empty when it reads none (lookups, the event store itself).
     */
    Set<String> readModelsOf(Class<?> queryType) {
        return readModelsByQuery.getOrDefault(queryType, Set.of());
    }

    private static final String OWN_PACKAGE = "com.novabilling.";

    /** The name Axon gives the processor (and processing group) of a saga type. */
    static String sagaProcessor(Class<?> saga) {
        return saga.getSimpleName() + "Processor";
    }

    static MessageHandlerCatalog scan(ApplicationContext context) {
        List<Class<?>> aggregates = new ArrayList<>();
        List<Class<?>> sagas = new ArrayList<>();
        List<Object> eventHandlers = new ArrayList<>();
        List<Object> queryHandlers = new ArrayList<>();
        List<Object> commandHandlers = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        Map<String, String> groupOfBean = new HashMap<>();
        Map<String, List<Object>> handlersByGroup = new LinkedHashMap<>();
        Map<String, Object> queryBeans = new LinkedHashMap<>();
        Map<String, Set<Class<?>>> eventTypes = new HashMap<>();
        Map<String, Boolean> sameTransactionByGroup = new HashMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !type.getName().startsWith(OWN_PACKAGE)) {
                continue;
            }
            if (AnnotatedElementUtils.hasAnnotation(type, Aggregate.class)) {
                aggregates.add(type);
                continue;
            }
            if (AnnotatedElementUtils.hasAnnotation(type, Saga.class)) {
                sagas.add(type);
                groups.add(sagaProcessor(type));
                eventTypes.computeIfAbsent(sagaProcessor(type), g -> new HashSet<>())
                        .addAll(handledEventTypes(type, SagaEventHandler.class));
                continue;
            }
            if (!context.isSingleton(name)) {
                continue;
            }
            boolean events = hasHandler(type, EventHandler.class);
            boolean queries = hasHandler(type, QueryHandler.class);
            boolean commands = hasHandler(type, CommandHandler.class);
            if (!events && !queries && !commands) {
                continue;
            }
            Object bean = context.getBean(name);
            Class<?> target = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (events) {
                eventHandlers.add(bean);
                ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(target, ProcessingGroup.class);
                String groupName = group != null ? group.value() : target.getPackageName();
                boolean sameTransaction = AnnotatedElementUtils.hasAnnotation(target, SameTransaction.class);
                if (sameTransactionByGroup.getOrDefault(groupName, sameTransaction) != sameTransaction) {
                    // one processor per group: half of it cannot run in the command's transaction and half after it
                    throw new IllegalStateException("Processing group '" + groupName + "' mixes @SameTransaction "
                            + "handlers with others; mark all of them or none (" + target.getName() + ")");
                }
                sameTransactionByGroup.put(groupName, sameTransaction);
                groups.add(groupName);
                groupOfBean.put(name, groupName);
                handlersByGroup.computeIfAbsent(groupName, g -> new ArrayList<>()).add(bean);
                eventTypes.computeIfAbsent(groupName, g -> new HashSet<>()).addAll(handledEventTypes(target, EventHandler.class));
            }
            if (queries) {
                queryHandlers.add(bean);
                queryBeans.put(name, bean);
            }
            if (commands) {
                commandHandlers.add(bean);
            }
        }
        groups.removeIf(g -> sagas.stream().anyMatch(s -> g.equals(sagaProcessor(s))));
        Set<String> sameTransaction = sameTransactionByGroup.entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        Set<String> projections = groups.stream().filter(g -> !sameTransaction.contains(g)).collect(Collectors.toSet());
        Map<Class<?>, Set<String>> readModels = new HashMap<>();
        queryBeans.forEach((name, bean) -> {
            Set<String> read = readModelGroups(context, name, groupOfBean, projections, sameTransaction);
            for (Class<?> queryType : queryTypes(AopUtils.getTargetClass(bean))) {
                readModels.merge(queryType, read, (a, b) -> {
                    Set<String> union = new HashSet<>(a);
                    union.addAll(b);
                    return Set.copyOf(union);
                });
            }
        });
        return new MessageHandlerCatalog(List.copyOf(aggregates), List.copyOf(sagas), List.copyOf(eventHandlers),
                List.copyOf(queryHandlers), List.copyOf(commandHandlers), Set.copyOf(groups),
                handlersByGroup.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))),
                Map.copyOf(readModels),
                eventTypes.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))),
                sameTransaction);
    }

    /** Payload types of a handler class's event handlers: the annotation's payloadType, else the first parameter. */
    private static Set<Class<?>> handledEventTypes(Class<?> handlerType, Class<? extends Annotation> handlerAnnotation) {
        Set<Class<?>> types = new HashSet<>();
        for (Method method : ReflectionUtils.getAllDeclaredMethods(handlerType)) {
            var attributes = AnnotatedElementUtils.findMergedAnnotationAttributes(method, handlerAnnotation, false, false);
            if (attributes == null) {
                continue;
            }
            Object declared = attributes.get("payloadType");
            if (declared instanceof Class<?> payloadType && payloadType != Object.class) {
                types.add(payloadType);
            } else if (method.getParameterCount() > 0) {
                types.add(method.getParameterTypes()[0]);
            } else {
                types.add(Object.class);
            }
        }
        return types;
    }

    /**
     * Which projections a query handler reads: its own group if it is a projection itself (a projection holds the
     * query handlers of its read model), and the groups of the projections whose repositories it reads — directly or
     * through a helper bean it depends on, as the subscriptions' query reads the customers' and plans' read models to
     * embed them (the read model's tables are reached only through the repositories, so such a handler waits for those
     * projections too); else — unable to tell — every projection. A projection counts by the repositories it depends on
     * directly, the ones it writes. Same-transaction groups never count: they commit with the write.
     */
    private static Set<String> readModelGroups(ApplicationContext context, String queryBean,
                                               Map<String, String> groupOfBean, Set<String> projections,
                                               Set<String> sameTransaction) {
        String own = groupOfBean.get(queryBean);
        if (own != null && sameTransaction.contains(own)) {
            return Set.of();
        }
        if (!(context instanceof ConfigurableApplicationContext configurable)) {
            return own != null ? Set.of(own) : projections;
        }
        ConfigurableListableBeanFactory beans = configurable.getBeanFactory();
        Set<String> repositories = repositoriesReadBy(beans, queryBean);
        Set<String> read = new HashSet<>();
        if (own != null) {
            read.add(own);
        }
        groupOfBean.forEach((projection, group) -> {
            if (projections.contains(group) && !Collections.disjoint(repositories, repositoriesOf(beans, projection))) {
                read.add(group);
            }
        });
        if (read.isEmpty()) {
            return repositories.isEmpty() ? Set.of() : projections; // none: reads no read model (the event store)
        }
        return Set.copyOf(read);
    }

    /** The repositories a bean depends on, directly or through the beans it depends on (two levels). */
    private static Set<String> repositoriesReadBy(ConfigurableListableBeanFactory beans, String bean) {
        Set<String> repositories = new HashSet<>(repositoriesOf(beans, bean));
        for (String dependency : beans.getDependenciesForBean(bean)) {
            if (beans.containsBeanDefinition(dependency) && !beans.getBeanDefinition(dependency).isAbstract()) {
                repositories.addAll(repositoriesOf(beans, dependency));
            }
        }
        return repositories;
    }

    private static Set<String> repositoriesOf(ConfigurableListableBeanFactory beans, String bean) {
        Set<String> repositories = new HashSet<>();
        for (String dependency : beans.getDependenciesForBean(bean)) {
            Class<?> type = beans.getType(dependency);
            if (type != null && Repository.class.isAssignableFrom(type)) {
                repositories.add(dependency);
            }
        }
        return repositories;
    }

    private static Set<Class<?>> queryTypes(Class<?> handlerType) {
        Set<Class<?>> types = new HashSet<>();
        for (Method method : ReflectionUtils.getAllDeclaredMethods(handlerType)) {
            if (AnnotatedElementUtils.hasAnnotation(method, QueryHandler.class) && method.getParameterCount() > 0) {
                types.add(method.getParameterTypes()[0]);
            }
        }
        return types;
    }

    private static boolean hasHandler(Class<?> type, Class<? extends Annotation> annotation) {
        return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(type))
                .anyMatch((Method m) -> AnnotatedElementUtils.hasAnnotation(m, annotation));
    }
}
