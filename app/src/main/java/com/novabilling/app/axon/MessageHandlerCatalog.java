package com.novabilling.app.axon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
                             Set<String> processingGroups) {

    private static final String OWN_PACKAGE = "com.novabilling.";

    static MessageHandlerCatalog scan(ApplicationContext context) {
        List<Class<?>> aggregates = new ArrayList<>();
        List<Class<?>> sagas = new ArrayList<>();
        List<Object> eventHandlers = new ArrayList<>();
        List<Object> queryHandlers = new ArrayList<>();
        List<Object> commandHandlers = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
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
                groups.add(type.getSimpleName() + "Processor");
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
            Class<?> target = AopUtils.getTargetClass(bean);
            if (events) {
                eventHandlers.add(bean);
                ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(target, ProcessingGroup.class);
                groups.add(group != null ? group.value() : target.getPackageName());
            }
            if (queries) {
                queryHandlers.add(bean);
            }
            if (commands) {
                commandHandlers.add(bean);
            }
        }
        groups.removeIf(g -> sagas.stream().anyMatch(s -> g.equals(s.getSimpleName() + "Processor")));
        return new MessageHandlerCatalog(List.copyOf(aggregates), List.copyOf(sagas), List.copyOf(eventHandlers),
                List.copyOf(queryHandlers), List.copyOf(commandHandlers), Set.copyOf(groups));
    }

    private static boolean hasHandler(Class<?> type, Class<? extends Annotation> annotation) {
        return Arrays.stream(ReflectionUtils.getAllDeclaredMethods(type))
                .anyMatch((Method m) -> AnnotatedElementUtils.hasAnnotation(m, annotation));
    }
}
