package be.fwb.ead.shared;

/** The requested item does not exist; answered with HTTP 404 and this French message as the problem's detail. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}
}
