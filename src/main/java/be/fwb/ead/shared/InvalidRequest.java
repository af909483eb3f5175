package be.fwb.ead.shared;

/** A request a person can correct; answered with HTTP 400 and this French message as the problem's detail. */
public class InvalidRequest extends RuntimeException {

	public InvalidRequest(String message) {
		super(message);
	}
}
