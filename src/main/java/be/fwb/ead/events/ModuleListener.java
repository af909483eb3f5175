package be.fwb.ead.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a bean that reacts to an event another module publishes: the reactive counterpart of Spring
 * Modulith's {@code @ApplicationModuleListener}. The method takes the event (a record) and returns a {@code Mono}; it
 * runs after the publisher's transaction committed, in a transaction of its own that also records its completion, so
 * that its failure never undoes the publisher's change and is tried again (see {@link Events}). It may run more than
 * once for one event (a delivery cut by a crash before its commit is made again): what it does must bear repeating.
 *
 * <p>A listener is known by its class, method and event type ({@code be.fwb.ead.x.Y.on(Event)}): renaming one leaves
 * its pending deliveries without a listener (they fail, visibly).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ModuleListener {
}
