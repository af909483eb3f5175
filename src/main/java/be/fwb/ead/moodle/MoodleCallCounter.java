package be.fwb.ead.moodle;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Counts the HTTP calls made to Moodle (retries included) by whoever puts it in the Reactor context.
 * Use {@code .contextWrite(counter.asContext())} at the outer end of a chain.
 */
public final class MoodleCallCounter {

	private final AtomicInteger calls = new AtomicInteger();

	public int calls() {
		return calls.get();
	}

	public Context asContext() {
		return Context.of(MoodleCallCounter.class, this);
	}

	static void countIn(ContextView context) {
		context.<MoodleCallCounter>getOrEmpty(MoodleCallCounter.class).ifPresent(c -> c.calls.incrementAndGet());
	}
}
