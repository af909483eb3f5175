package be.fwb.ead;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the running service that failed on a wait running out (a request with no answer, a publisher that never
 * completed) fails with a {@link HangReport} of that moment: such failures come rarely and cannot be seen again later.
 */
final class HangReportExtension implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw reported(context, failure);
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw reported(context, failure);
	}

	@Override
	public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		throw reported(context, failure);
	}

	private static Throwable reported(ExtensionContext context, Throwable failure) {
		if (!ranOutOfTime(failure)) {
			return failure;
		}
		String report;
		try {
			report = HangReport.of(SpringExtension.getApplicationContext(context).getEnvironment());
		}
		catch (RuntimeException e) {
			report = "\n(rapport impossible : " + e + ")";
		}
		return new AssertionError(failure.getMessage() + report, failure);
	}

	private static boolean ranOutOfTime(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (t instanceof java.util.concurrent.TimeoutException || message.contains("timed out")
					|| message.contains("Timeout on blocking read") || message.contains("no answer within")) {
				return true;
			}
		}
		return false;
	}
}
