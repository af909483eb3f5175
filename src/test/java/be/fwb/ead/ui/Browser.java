package be.fwb.ead.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, or {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}), driven by Selenium. Without Chromium the browser tests are skipped on a developer's machine
 * and fail under {@code CI=true}: CI must never pass without having run them.
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** How often a wait looks again: Selenium's default, half a second, cost up to that much on every wait. */
	static final Duration POLL = Duration.ofMillis(40);

	/** The window every test class starts with. */
	private static final org.openqa.selenium.Dimension WINDOW = new org.openqa.selenium.Dimension(1366, 1000);

	/** The JVM's browser ({@link #shared}). */
	private static Browser shared;

	private final ChromeDriver driver;
	private final String baseUrl;
	private boolean closed;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/**
	 * The JVM's browser, for every browser test class it runs: started once (Chromium and its driver cost about 1.3 s of
	 * processor time to start, and their first pages more), quit when the JVM ends. Started again if the last one no
	 * longer answers or served another address.
	 */
	static synchronized Browser shared(String baseUrl) {
		if (shared != null && (!shared.baseUrl.equals(baseUrl) || !shared.answers())) {
			shared.close();
			shared = null;
		}
		if (shared == null) {
			Browser opened = open(baseUrl);
			Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "browser-close"));
			shared = opened;
		}
		return shared;
	}

	/** Whether the browser still takes orders. */
	private boolean answers() {
		try {
			driver.getWindowHandle();
			return true;
		}
		catch (org.openqa.selenium.WebDriverException e) {
			return false;
		}
	}

	/**
	 * Back to the state a new browser starts in, as far as a test class can tell: no dialog open, the usual window, and
	 * nothing a page kept in its storage. The cookies go before each test ({@link #signOut}).
	 */
	void freshStart() {
		try {
			driver.switchTo().alert().dismiss();
		}
		catch (org.openqa.selenium.NoAlertPresentException e) {
			// The usual case.
		}
		if (!driver.manage().window().getSize().equals(WINDOW)) {
			driver.manage().window().setSize(WINDOW);
		}
		if (driver.getCurrentUrl().startsWith(baseUrl)) {
			script("localStorage.clear(); sessionStorage.clear();");
		}
	}

	static Browser open(String baseUrl) {
		// Chromium's headless shell first: the same engine (Blink, V8) without the windowed browser around it, it renders
		// the same pages for about two thirds of the processor time (Debian's package chromium-headless-shell).
		Path chromium = firstExisting(System.getenv("CHROME_BIN"), "/usr/bin/chromium-headless-shell", "/usr/bin/chromium",
				"/usr/bin/chromium-browser", "/usr/bin/google-chrome");
		Path chromedriver = firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver",
				"/usr/lib/chromium/chromedriver");
		if (chromium == null || chromedriver == null) {
			String why = "Chromium ou chromedriver introuvable (installez les paquets Debian chromium-headless-shell "
					+ "ou chromium, et chromium-driver, "
					+ "ou définissez CHROME_BIN et CHROMEDRIVER)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(why + " : en CI, les tests dans le navigateur doivent s'exécuter.");
			}
			Assumptions.abort(why + " : tests dans le navigateur ignorés sur ce poste.");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		if (!chromium.getFileName().toString().contains("headless-shell")) {
			options.addArguments("--headless=new");
		}
		options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
				"--disable-background-networking", "--no-first-run", "--window-size=" + WINDOW.width + "," + WINDOW.height,
				"--lang=fr-BE");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-BE,fr"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, baseUrl);
	}

	private static Path firstExisting(String... candidates) {
		for (String c : candidates) {
			if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
				return Path.of(c);
			}
		}
		return null;
	}

	WebDriver driver() {
		return driver;
	}

	/**
	 * Opens a page and waits until the parts it loads by htmx are in (no request in flight, nothing being swapped): a
	 * click before that could land where a section arriving above has just pushed another element (a link near the
	 * bottom of a vacataire's page was missed that way).
	 */
	Browser go(String path) {
		driver.get(baseUrl + path);
		waitFor(d -> Boolean.TRUE.equals(script(
				"return document.querySelectorAll('.htmx-request, .htmx-swapping, .htmx-settling').length === 0;")));
		return this;
	}

	Browser signIn(String username, String password) {
		go("/connexion");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit].primary")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(baseUrl + "/connexion")));
		return this;
	}

	Browser signOut() {
		driver.manage().deleteAllCookies();
		return this;
	}

	WebElement find(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	List<WebElement> all(By by) {
		return driver.findElements(by);
	}

	/** The text of a visible element; read again if a page load replaced the element meanwhile. */
	String text(By by) {
		return waitFor(d -> {
			try {
				WebElement element = d.findElement(by);
				return element.isDisplayed() ? element.getText() : null;
			}
			catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
				return null;
			}
		});
	}

	<T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		// An element read while a page load replaces it: stale for Selenium, or for Chromium a node that « does not belong
		// to the document »; read again on the next try.
		return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(POLL)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> {
				try {
					return condition.apply(d);
				}
				catch (org.openqa.selenium.WebDriverException e) {
					if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
						return null;
					}
					throw e;
				}
			});
	}

	Object script(String js, Object... args) {
		return driver.executeScript(js, args);
	}

	/**
	 * Waits until the element shows the text. After a click that loads a page, the element may still be the old page's:
	 * reading it at once would race the navigation.
	 */
	Browser waitForText(By by, String text) {
		waitFor(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return this;
	}

	/** Types into a field, replacing what it held. */
	Browser type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Sets a date or time field's value as the browser would submit it (ISO), whatever the display format. */
	Browser setValue(By by, String value) {
		driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				find(by), value);
		return this;
	}

	/** Runs a script that calls its last argument with its result. */
	Object asyncScript(String js, Object... args) {
		return driver.executeAsyncScript(js, args);
	}

	/** Saves what the browser shows under {@code target/screenshots/name.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Quits the browser, and ends what it left running: the headless shell outlives chromedriver's quit (its browser
	 * process was found orphaned after every class, its pages still working, taking the processor from the tests that
	 * followed), so every Chromium process this JVM started is ended once the driver has quit.
	 */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		List<ProcessHandle> started = ProcessHandle.current()
			.descendants()
			.filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
			.toList();
		try {
			driver.quit();
		}
		finally {
			started.forEach(ProcessHandle::destroy);
			for (ProcessHandle p : started) {
				try {
					p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
					p.destroyForcibly();
				}
				catch (InterruptedException e) {
					p.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			}
		}
	}
}
