package be.fwb.ead.ui;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser journeys: one headless Chromium per test JVM ({@link Browser#shared}), signed out before each
 * test and set back to its first state before each class; a failed test leaves a screenshot and the page's source
 * under {@code target/screenshots/failed-…}.
 */
@org.junit.jupiter.api.extension.ExtendWith(BrowserTest.KeepFailures.class)
abstract class BrowserTest extends IntegrationTest {

	static final class KeepFailures implements org.junit.jupiter.api.extension.TestWatcher {

		@Override
		public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
			if (browser != null) {
				String name = "failed-" + context.getRequiredTestMethod().getName();
				browser.screenshot(name);
				try {
					java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve(name + ".html"), browser.driver().getPageSource());
				}
				catch (java.io.IOException e) {
					cause.addSuppressed(e);
				}
			}
		}
	}

	/** The JVM's browser ({@link Browser#shared}), opened by the first browser test and kept for the next classes. */
	protected static Browser browser;

	/** The class whose tests the browser served last: a new class starts without what the last one left. */
	private static Class<?> lastClass;

	@LocalServerPort
	int port;

	@BeforeEach
	void openBrowser() {
		// Once per class: whether the browser still answers (a round trip) and its first state.
		if (getClass() != lastClass || browser == null) {
			browser = Browser.shared("http://localhost:" + port);
			browser.freshStart();
			lastClass = getClass();
		}
		browser.signOut();
	}

	/** The page the browser shows meets the checks of {@link Accessibility}. */
	protected static void assertAccessible(String page) {
		assertThat(Accessibility.problems(browser)).as("accessibilité : " + page).isEmpty();
	}
}
