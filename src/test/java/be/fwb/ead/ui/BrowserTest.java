package be.fwb.ead.ui;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser journeys: one headless Chromium per test class, signed out before each test; a failed test
 * leaves a screenshot and the page's source under {@code target/screenshots/failed-…}.
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

	protected static Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void openBrowser() {
		if (browser == null) {
			browser = Browser.open("http://localhost:" + port);
		}
		browser.signOut();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	/** The page the browser shows meets the checks of {@link Accessibility}. */
	protected static void assertAccessible(String page) {
		assertThat(Accessibility.problems(browser)).as("accessibilité : " + page).isEmpty();
	}
}
