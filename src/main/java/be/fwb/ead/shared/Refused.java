package be.fwb.ead.shared;

/**
 * A rule of the service refuses the change (a title that does not cover the module, a training not completed…);
 * answered with HTTP 422 and this French message, which says which rule and what to do.
 */
public class Refused extends RuntimeException {

	public Refused(String message) {
		super(message);
	}
}
