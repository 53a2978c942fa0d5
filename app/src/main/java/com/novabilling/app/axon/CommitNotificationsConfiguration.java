package com.novabilling.app.axon;

import com.novabilling.command.usage.UsageCatalog;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Cross-node wake-ups ({@code novabilling.cluster.commit-notifications}): {@code on}, {@code off}, or {@code auto}
 * — on when the databases are on a server of their own ({@code SPRING_DATASOURCE_URL}), where other nodes may
 * write too; off for the embedded server, which only this node uses.
 */
@Configuration(proxyBeanMethods = false)
public class CommitNotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CommitNotificationsConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(Enabled.class)
    CommitNotifications commitNotifications(@Qualifier("control") HikariDataSource control, TenantRuntimeRegistry runtimes,
                                            UsageCatalog usageCatalog) {
        CommitNotifications notifications = new CommitNotifications(control,
                tenantId -> {
                    usageCatalog.changedElsewhere(tenantId);
                    runtimes.eventsCommittedElsewhere(tenantId);
                },
                () -> {
                    usageCatalog.changedElsewhere();
                    runtimes.wakeAll();
                });
        runtimes.onEventsCommitted(notifications::committed);
        log.info("Commits are announced to other nodes on the control database (channel {})", CommitNotifications.CHANNEL);
        return notifications;
    }

    /** Whether other nodes may share the databases: then commits are announced, and nothing assumes a sole node. */
    static boolean announcesCommits(Environment environment) {
        String setting = environment.getProperty("novabilling.cluster.commit-notifications", "auto");
        return switch (setting.trim().toLowerCase()) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> environment.getProperty("spring.datasource.url") != null;
        };
    }

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return announcesCommits(context.getEnvironment());
        }
    }
}
