/**
 * Events between modules: an owner publishes what changed ({@link be.fwb.ead.events.Events#publish}) in the
 * transaction of the change, and the modules that react listen ({@link be.fwb.ead.events.ModuleListener}); the event
 * publication registry (table {@code event_publication}) delivers each event to each listener after the commit, again
 * after a failure or a crash, until it completes.
 */
@NullMarked
package be.fwb.ead.events;

import org.jspecify.annotations.NullMarked;
