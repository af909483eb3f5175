package be.fwb.ead.moodle;

import org.jspecify.annotations.Nullable;

/**
 * A failed Moodle call. Either {@link Permanent} (retrying cannot help: a bad token, a missing permission, a bad
 * parameter) or {@link Transient} (an outage, a timeout, maintenance: retry later). Messages never contain the
 * token.
 */
public abstract sealed class MoodleException extends RuntimeException
		permits MoodleException.Permanent, MoodleException.Transient {

	private final String function;
	private final @Nullable String errorcode;
	private final String advice;

	MoodleException(String function, @Nullable String errorcode, String message, @Nullable Throwable cause, String advice) {
		super(message, cause);
		this.function = function;
		this.errorcode = errorcode;
		this.advice = advice;
	}

	/**
	 * A French sentence that names what a Moodle administrator must do (a box to tick, a token to recreate, a capability
	 * to give), starting with a space; empty when there is nothing to say.
	 */
	public String advice() {
		return advice;
	}

	/** The Moodle web service function that failed. */
	public String function() {
		return function;
	}

	/** Moodle's {@code errorcode}, or {@literal null} for an HTTP or network failure. */
	public @Nullable String errorcode() {
		return errorcode;
	}

	/** Retrying will not help until a person acts (token, role, service configuration, client bug). */
	public static final class Permanent extends MoodleException {
		public Permanent(String function, @Nullable String errorcode, String message) {
			this(function, errorcode, message, MoodleErrors.advice(function, errorcode, null));
		}

		Permanent(String function, @Nullable String errorcode, String message, String advice) {
			super(function, errorcode, message, null, advice);
		}
	}

	/** The site is down, slow, in maintenance or answered garbage: retry with backoff. */
	public static final class Transient extends MoodleException {
		public Transient(String function, @Nullable String errorcode, String message, @Nullable Throwable cause) {
			super(function, errorcode, message, cause, MoodleErrors.advice(function, errorcode, null));
		}
	}
}
