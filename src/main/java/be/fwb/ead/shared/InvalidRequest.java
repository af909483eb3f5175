package be.fwb.ead.shared;

import org.jspecify.annotations.Nullable;

/**
 * A request a person can correct; answered with HTTP 400 and this French message as the problem's detail. When one
 * field of a form is at fault, {@link #field()} names it as the form does ({@code email}), and the page shows the
 * message beside that field.
 */
public class InvalidRequest extends RuntimeException {

	private final @Nullable String field;

	public InvalidRequest(String message) {
		this(message, null);
	}

	private InvalidRequest(String message, @Nullable String field) {
		super(message);
		this.field = field;
	}

	/** A refusal of one field, named as the forms and the API name it. */
	public static InvalidRequest ofField(String field, String message) {
		return new InvalidRequest(message, field);
	}

	/** The field at fault, or {@literal null} when the request as a whole is. */
	public @Nullable String field() {
		return field;
	}
}
