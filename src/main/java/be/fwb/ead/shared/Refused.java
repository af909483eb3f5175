package be.fwb.ead.shared;

import org.jspecify.annotations.Nullable;

/**
 * A rule of the service refuses the change (a title that does not cover the module, a training not completed…);
 * answered with HTTP 422 and this French message, which says which rule and what to do. When the rule bears on one
 * field of a form (the hours over the cap), {@link #field()} names it and the page shows the message beside it.
 */
public class Refused extends RuntimeException {

	private final @Nullable String field;

	public Refused(String message) {
		this(message, null);
	}

	private Refused(String message, @Nullable String field) {
		super(message);
		this.field = field;
	}

	/** A refusal that one field of the form can mend, named as the forms and the API name it. */
	public static Refused ofField(@Nullable String field, String message) {
		return new Refused(message, field);
	}

	/** The field the rule bears on, or {@literal null} when it bears on the request as a whole. */
	public @Nullable String field() {
		return field;
	}
}
