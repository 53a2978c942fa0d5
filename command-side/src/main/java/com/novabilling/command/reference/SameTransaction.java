package com.novabilling.command.reference;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler class whose processing group runs <em>subscribing</em>: its handlers run in the transaction
 * of the command that appends the events, so a failure there (a unique key of a lookup table) rolls the events back.
 * Such a group has no tracking token and no dead-letter queue and is never reset or rebuilt. Every handler of the
 * group must carry it. Unmarked groups run streaming, after the commit (docs/architecture.md §5).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SameTransaction {
}
