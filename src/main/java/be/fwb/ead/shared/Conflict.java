package be.fwb.ead.shared;

/** The request conflicts with the current state; answered with HTTP 409 and this French message. */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
