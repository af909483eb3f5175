package be.fwb.ead.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.recruitment.Recruitment;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of the web UI submitted in Chromium as the role that owns it, once refused and once valid, uploads
 * included (real files through the file input): the cases are {@link FormCases}, and {@link EveryFormHasACaseUnitTest}
 * makes sure there is one per form of the templates. A valid submission must land on a page of the product with no
 * error; a refused one on a page of the product, in French, with the menu and the refusal shown.
 */
class EveryFormInTheBrowserIntegrationTest extends BrowserTest {

	private static final Path FILES = Path.of("target", "form-files");

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired VacataireFile files;
	@Autowired Recruitment recruitment;
	@Autowired Training training;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;
	@Autowired Referentials referentials;
	@Autowired Exams exams;
	@Autowired Assignments assignments;
	@Autowired Titles titles;

	private FormCases.Owner signedIn;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("relect2", "mot-de-passe-relect2", Role.REVIEWER, "Rose Relecture", null));
		signedIn = null;
	}

	@TestFactory
	Stream<DynamicTest> everyFormIsSubmittedOnceRefusedAndOnceValidAsItsOwner() {
		TestData data = new TestData();
		// -Dead.forms=text: only the cases whose form names it (« evaluations/due », « /planification »), to try a few.
		String only = System.getProperty("ead.forms", "");
		return FormCases.all().stream().filter(c -> c.form().contains(only)).flatMap(c -> Stream.of(
				DynamicTest.dynamicTest(c + " — refusé", () -> submit(c, c.refused(), false, data)),
				DynamicTest.dynamicTest(c + " — valide", () -> submit(c, c.valid(), true, data))));
	}

	private void submit(FormCases.Case c, FormCases.Submission submission, boolean valid, TestData data) {
		try {
			signInAs(c.owner());
			// The exact form first: making its data after the page is shown would leave it off the page.
			String exact = c.at() == null ? null : c.at().apply(data);
			browser.go(c.page().apply(data));
			WebElement form = form(c, exact);
			BrowserForm filler = new BrowserForm(form, data);
			submission.fill().accept(filler);
			// A live search may already have sent what was typed and pushed its address (its input delay elapsed while the
			// form was filled): the submission then swaps the same results in at the same address, which the swap marks.
			// In one call (each is a round trip): the marks, the address before, and the button to press brought into view.
			@SuppressWarnings("unchecked")
			Map<String, Object> prepared = (Map<String, Object>) browser.script("""
					const [form, noValidate, buttonId] = arguments;
					form.noValidate = noValidate;
					document.documentElement.dataset.before = 'oui';
					document.documentElement.dataset.swapped = '';
					document.body.addEventListener('htmx:afterSettle', () => document.documentElement.dataset.swapped = 'oui');
					const button = buttonId ? form.querySelector('#' + CSS.escape(buttonId))
					  : form.querySelector('button[type=submit], input[type=submit], button:not([type])');
					if (button) button.scrollIntoView({block: 'center'});
					return {url: location.href, button: button, confirm: form.getAttribute('data-confirm')};""", form, !valid, filler.button);
			String before = String.valueOf(prepared.get("url"));
			WebElement button = (WebElement) prepared.get("button");
			assertThat(button != null || filler.button == null).as(c + " : le bouton « " + filler.button + " »").isTrue();
			// A form that asks for a second click (ending or cancelling at once): its button then says so.
			String confirm = (String) prepared.get("confirm");
			if (button != null) {
				button.click();
				if (confirm != null) {
					assertThat(button.getText()).as(c + " : le bouton demande confirmation").isEqualTo(confirm);
					// A second click at once is a double click, which the question is there to stop: a moment later.
					java.util.concurrent.locks.LockSupport.parkNanos(600_000_000L);
					button.click();
				}
			}
			else {
				browser.script("arguments[0].requestSubmit();", form);
			}
			// A new page, or for a live search (htmx) the results swapped in and the address pushed.
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Browser.POLL)
				.withMessage(() -> c + " : pas de réponse après l'envoi ("
					+ (valid ? "valide" : "refusé") + ") — " + afterSubmit(form, before)).until(d -> {
				// A whole page: its body and its footer there (a page being replaced has neither for a moment), and what it
				// loads by htmx in (no request in flight, nothing being swapped or settled: a section's load is sent while
				// the page is read, and what it brings may send its own at once, so there is no gap in between).
				Object ready = ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete' "
						+ "&& !!document.body && !!document.querySelector('footer') "
						+ "&& (document.documentElement.dataset.before !== 'oui' || location.href !== arguments[0] "
						+ "|| document.documentElement.dataset.swapped === 'oui') "
						+ "&& !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling');", before);
				return Boolean.TRUE.equals(ready);
			});
			if (c.action().equals("/deconnexion") && valid || c.owner() == FormCases.Owner.ANONYMOUS) {
				signedIn = null;
			}
			// What the answer shows, read in one call (each WebDriver call is a round trip; its getText of a whole page
			// alone took 100 to 300 ms).
			@SuppressWarnings("unchecked")
			Map<String, Object> page = (Map<String, Object>) browser.script("""
					const h1 = document.querySelector('main h1');
					return {
					  text: document.body.innerText,
					  errorPage: !!h1 && h1.innerText.trim().startsWith('Erreur'),
					  refusal: !!document.querySelector('.notice.error[role=alert], .error-summary'),
					  json: document.body.innerText.trimStart().startsWith('{'),
					  footer: !!document.querySelector('footer'),
					  menu: !!document.querySelector('nav.main-nav')
					};""");
			String text = String.valueOf(page.get("text"));
			if (submission.shows() != null) {
				assertThat(text).as(c + " : ce que la réponse montre").contains(submission.shows());
			}
			boolean errorPage = Boolean.TRUE.equals(page.get("errorPage"));
			boolean refusal = Boolean.TRUE.equals(page.get("refusal"));
			assertThat(Boolean.TRUE.equals(page.get("json")) || !Boolean.TRUE.equals(page.get("footer")))
				.as(c + " : une page HTML du produit, pas du JSON — " + firstLine(text)).isFalse();
			if (valid) {
				assertThat(errorPage || refusal).as(c + " : accepté, sans erreur — " + firstLine(text)).isFalse();
			}
			else {
				assertThat(errorPage || refusal).as(c + " : refusé, et la page le dit — " + firstLine(text)).isTrue();
				assertThat(text).as(c + " : refusé en français").doesNotContain("Access Denied").doesNotContain("Forbidden");
				if (c.owner() != FormCases.Owner.ANONYMOUS) {
					assertThat(Boolean.TRUE.equals(page.get("menu"))).as(c + " : la page du refus garde le menu").isTrue();
				}
				assertKeptAndExplained(c, filler, exact);
			}
		}
		catch (AssertionError e) {
			screenshot(c, valid);
			throw e;
		}
		catch (RuntimeException e) {
			// A browser's error names no case: say which one, and where the browser was.
			screenshot(c, valid);
			throw new AssertionError(c + " (" + (valid ? "valide" : "refusé") + ") : " + e.getClass().getSimpleName() + " — "
					+ firstLine(String.valueOf(e.getMessage())) + " — adresse " + currentUrl(), e);
		}
	}

	/**
	 * When the refused form is on the page that answers, it holds what was typed, and the field at fault points to its
	 * message ({@code aria-describedby}).
	 */
	private void assertKeptAndExplained(FormCases.Case c, BrowserForm filler, String exact) {
		// The page is whole and its sections in (waited for above): a form not there now is not coming (29 cases waited
		// 300 ms for it each, when the wait above looked at the requests in flight alone).
		WebElement again = formOnPage(c, exact);
		if (again == null) {
			assertThat(c.errorBeside()).as(c + " : le formulaire refusé est de nouveau sur la page").isNull();
			return;
		}
		// The page's script puts the values back once it has run.
		browser.waitFor(d -> browser.script("return document.readyState === 'complete';"));
		filler.typed.forEach((name, value) -> {
			WebElement field = again.findElement(By.name(name));
			assertThat(field.getDomProperty("value")).as(c + " : la valeur saisie de « " + name + " » est gardée").isEqualTo(value);
		});
		for (WebElement password : again.findElements(By.cssSelector("input[type=password]"))) {
			assertThat(password.getDomProperty("value")).as(c + " : un mot de passe n'est jamais rendu").isEmpty();
		}
		if (c.errorBeside() != null) {
			WebElement field = again.findElement(By.name(c.errorBeside()));
			// A group of boxes sharing the name is one answer: its fieldset, under its legend, holds the message.
			String type = String.valueOf(field.getDomAttribute("type"));
			List<WebElement> group = type.equals("checkbox") || type.equals("radio")
					? field.findElements(By.xpath("ancestor::fieldset[legend][1]")) : List.of();
			WebElement described = group.isEmpty() ? field : group.get(0);
			if (!group.isEmpty()) {
				assertThat(browser.driver().findElement(By.cssSelector("#flash .error-summary-link")).getText())
					.as(c + " : le résumé nomme le groupe par sa légende")
					.isEqualTo("Corriger « " + described.findElement(By.tagName("legend")).getText() + " »");
				assertThat(described.findElements(By.name(c.errorBeside())))
					.as(c + " : every box of the group is marked, not the first alone")
					.allSatisfy(box -> assertThat(box.getDomAttribute("aria-invalid")).isEqualTo("true"));
			}
			String describedBy = described.getDomAttribute("aria-describedby");
			assertThat(describedBy).as(c + " : « " + c.errorBeside() + " » désigne son message (aria-describedby)").isNotBlank();
			String message = browser.driver().findElement(By.id(describedBy.split(" ")[0])).getText();
			assertThat(message).as(c + " : le message à côté du champ").isNotBlank()
				.isEqualTo(browser.driver().findElement(By.cssSelector("#flash .error-summary-text")).getText());
			assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
		}
	}

	private static void screenshot(FormCases.Case c, boolean valid) {
		try {
			browser.screenshot("form-" + (valid ? "valide-" : "refuse-") + c.form().replaceAll("[^A-Za-z0-9]+", "-"));
		}
		catch (RuntimeException e) {
			// The failure itself says more than a missing screenshot.
		}
	}

	private static String currentUrl() {
		try {
			return browser.driver().getCurrentUrl();
		}
		catch (RuntimeException e) {
			return "inconnue (" + e.getClass().getSimpleName() + ")";
		}
	}

	/** What the browser shows when a submission got no answer: where it is, and whether the form held it back. */
	private static String afterSubmit(WebElement form, String before) {
		try {
			Object state = browser.script("""
					const f = arguments[0];
					const bad = f.isConnected ? [...f.elements].filter(e => e.willValidate && !e.checkValidity())
						.map(e => e.name + ' (' + e.validationMessage + ')') : [];
					return 'adresse ' + location.href + (location.href === arguments[1] ? ' (inchangée)' : '')
						+ ', document ' + document.readyState
						+ (document.documentElement.dataset.before === 'oui' ? ' (même page)' : ' (nouvelle page)')
						+ ', requêtes htmx en cours ' + document.querySelectorAll('.htmx-request').length
						+ ', formulaire ' + (f.isConnected ? 'toujours là' : 'remplacé')
						+ (bad.length ? ', champs refusés par le navigateur : ' + bad.join(', ') : '');""", form, before);
			return String.valueOf(state);
		}
		catch (RuntimeException e) {
			return "état illisible : " + e.getMessage();
		}
	}

	private static String firstLine(String text) {
		String main = text.length() > 400 ? text.substring(0, 400) : text;
		return main.replace('\n', ' ');
	}

	private void signInAs(FormCases.Owner owner) {
		if (owner == signedIn) {
			return;
		}
		browser.signOut();
		switch (owner) {
			case COORDINATOR -> browser.signIn("coord", "mot-de-passe-coord");
			case REVIEWER -> browser.signIn("relect", "mot-de-passe-relect");
			case ANONYMOUS -> {
			}
		}
		signedIn = owner;
	}

	/** The form of the case on the page (forms loaded by htmx included), waited for. */
	private WebElement form(FormCases.Case c, String exact) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Browser.POLL)
			.withMessage(() -> c + " : formulaire absent de "
				+ browser.driver().getCurrentUrl()).until(d -> formOnPage(c, exact));
	}

	private WebElement formOnPage(FormCases.Case c, String exact) {
		String pattern = "^" + Pattern.quote(c.action()).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q") + "$";
		return (WebElement) browser.script("""
						const [method, pattern, exact] = arguments;
						return [...document.forms].find(f => {
						  const path = new URL(f.getAttribute('action') || location.href, location.href).pathname;
						  return (f.getAttribute('method') || 'get').toUpperCase() === method
						    && (exact ? path === exact : new RegExp(pattern).test(path));
						}) || null;""", c.method(), javaToJs(pattern), exact);
	}

	/** Java's {@code \Q…\E} quoting, as a JavaScript pattern. */
	private static String javaToJs(String pattern) {
		StringBuilder out = new StringBuilder();
		java.util.regex.Matcher quoted = Pattern.compile("\\\\Q(.*?)\\\\E").matcher(pattern);
		int last = 0;
		while (quoted.find()) {
			out.append(pattern, last, quoted.start());
			out.append(quoted.group(1).replaceAll("[.*+?^${}()|\\[\\]\\\\/-]", "\\\\$0"));
			last = quoted.end();
		}
		return out.append(pattern.substring(last)).toString();
	}

	/** Fills a form in the browser, as {@link FormCases.Form} says. */
	private final class BrowserForm implements FormCases.Form {

		private final WebElement form;
		private final TestData data;
		/** What was typed into text fields, text areas and lists, by name: a refused form must give it back. */
		final Map<String, String> typed = new java.util.LinkedHashMap<>();
		String button;

		BrowserForm(WebElement form, TestData data) {
			this.form = form;
			this.data = data;
		}

		@Override
		public FormCases.Data data() {
			return data;
		}

		@Override
		public FormCases.Form set(String name, String value) {
			// The field, its kind and, for a list or a group of boxes, the choice: one call instead of one per attribute and
			// per option (a list of 500 modules cost 500 round trips), then the user's own gesture on it.
			@SuppressWarnings("unchecked")
			Map<String, Object> found = (Map<String, Object>) browser.script("""
					const [form, name, value] = arguments;
					const fields = [...form.querySelectorAll('[name="' + CSS.escape(name) + '"]')];
					if (!fields.length) return null;
					const field = fields[0];
					let d = field.closest('details');
					while (d) { d.open = true; d = d.parentElement.closest('details'); }
					field.scrollIntoView({block: 'center'});
					const words = t => t.replace(/\\s+/g, ' ').trim();
					const choice = field.tagName === 'SELECT'
					  ? ([...field.options].find(o => o.value === value) || [...field.options].find(o => words(o.text) === words(value)))
					  : fields.find(f => f.value === value);
					return {field: field, count: fields.length, tag: field.tagName.toLowerCase(), type: String(field.type),
					        checked: !!field.checked, choice: choice || null, selected: !!(choice && choice.selected),
					        empty: !field.value};""",
					form, name, value);
			assertThat(found).as("champ « " + name + " »").isNotNull();
			WebElement field = (WebElement) found.get("field");
			String tag = (String) found.get("tag");
			String type = (String) found.get("type");
			if (tag.equals("select")) {
				assertThat(found.get("choice")).as("aucun choix « " + value + " » pour « " + name + " »").isNotNull();
				if (!Boolean.TRUE.equals(found.get("selected"))) {
					((WebElement) found.get("choice")).click();
				}
			}
			else if (type.equals("radio") || type.equals("checkbox") && !List.of("true", "false").contains(value)) {
				assertThat(found.get("choice")).as("aucun choix « " + value + " » pour « " + name + " »").isNotNull();
				((WebElement) found.get("choice")).click();
			}
			else if (type.equals("checkbox")) {
				if (Boolean.TRUE.equals(found.get("checked")) != Boolean.parseBoolean(value)) {
					field.click();
				}
			}
			else if (List.of("date", "datetime-local", "time", "hidden").contains(type)) {
				browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
						field, value);
			}
			else {
				// An empty field is typed into at once, as a person would (a clear costs a round trip of about 50 ms).
				if (!Boolean.TRUE.equals(found.get("empty"))) {
					field.clear();
				}
				if (!value.isEmpty()) {
					field.sendKeys(value);
				}
				if (!type.equals("password") && ((Number) found.get("count")).intValue() == 1) {
					typed.put(name, value);
				}
			}
			return this;
		}

		@Override
		public FormCases.Form force(String name, String value) {
			browser.script("""
					const [form, name, value] = arguments;
					let field = form.querySelector('[name="' + name + '"]');
					if (!field) {
					  field = document.createElement('input');
					  field.type = 'hidden';
					  field.name = name;
					  form.appendChild(field);
					}
					if (field.tagName === 'SELECT') {
					  const option = document.createElement('option');
					  option.value = value;
					  option.textContent = value;
					  field.appendChild(option);
					  field.value = value;
					} else {
					  if (field.tagName === 'INPUT' && field.type !== 'hidden') field.type = 'text';
					  field.removeAttribute('maxlength');
					  field.value = value;
					}""", form, name, value);
			return this;
		}

		@Override
		public FormCases.Form file(String name, String filename, String content) {
			try {
				Path dir = Files.createDirectories(FILES.resolve(String.valueOf(FILE_COUNTER.incrementAndGet())));
				Path file = Files.writeString(dir.resolve(filename), content, StandardCharsets.UTF_8);
				form.findElement(By.name(name)).sendKeys(file.toAbsolutePath().toString());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return this;
		}

		@Override
		public FormCases.Form press(String buttonId) {
			this.button = buttonId;
			return this;
		}

		@Override
		public FormCases.Form click(String buttonId) {
			WebElement b = form.findElement(By.id(buttonId));
			reveal(b);
			b.click();
			return this;
		}

		@Override
		public FormCases.Form staleToken() {
			browser.script("arguments[0].querySelector('input[name=_csrf]').value = 'jeton-perime';", form);
			return this;
		}

		@Override
		public FormCases.Form everyRadio(String value) {
			for (WebElement radio : form.findElements(By.cssSelector("input[type=radio][value='" + value + "']"))) {
				reveal(radio);
				radio.click();
			}
			return this;
		}

		@Override
		public FormCases.Form everyText(String namePrefix, String value) {
			for (WebElement field : form.findElements(By.cssSelector("input[name^='" + namePrefix + "']"))) {
				reveal(field);
				field.clear();
				field.sendKeys(value);
			}
			return this;
		}

		@Override
		public FormCases.Form everyChoice(String namePrefix, String value) {
			for (WebElement field : form.findElements(By.cssSelector("select[name^='" + namePrefix + "']"))) {
				reveal(field);
				new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
			}
			return this;
		}

		/** Opens the closed {@code <details>} holding the field and brings it into view. */
		private void reveal(WebElement field) {
			browser.script("let d = arguments[0].closest('details'); while (d) { d.open = true; d = d.parentElement.closest('details'); }"
					+ " arguments[0].scrollIntoView({block: 'center'});", field);
		}
	}

	private static final AtomicInteger FILE_COUNTER = new AtomicInteger();

	/** The data the cases need, made through the services as a coordinator would have, on first use. */
	private final class TestData implements FormCases.Data {

		private final Map<String, Object> made = new HashMap<>();
		private final AtomicInteger next = new AtomicInteger();

		@SuppressWarnings("unchecked")
		private <T> T once(String key, java.util.function.Supplier<T> make) {
			if (!made.containsKey(key)) {
				made.put(key, make.get());
			}
			return (T) made.get(key);
		}

		@Override
		public long vacataire() {
			return once("vacataire", () -> {
				long id = count("select min(vacataire_id) from module_role where role = 'TUTOR'");
				long held = await(titles.save("AESI-HELD", "AESI détenu", List.of(new Titles.Coverage("Secondaire inférieur",
						"Français", CoverageKind.REQUIS)), "coord"));
				await(titles.grant(id, held, clock.today().minusYears(2), "Diplôme", "coord"));
				title();
				trainingSessionFor(id);
				return id;
			});
		}

		@Override
		public long freshVacataire() {
			int n = next.incrementAndGet();
			return await(files.create(new VacataireFile.Identity("Nora", "Formulaire " + n, "nora" + n + "@ead.test", "FORM-" + n,
					null, null), VacataireStatus.ACTIF, "coord"));
		}

		@Override
		public long dueVacataire() {
			long id = freshVacataire();
			await(db.sql("""
					insert into assignment (vacataire_id, module_id, role, starts_on, ends_on, hours, coverage, created_by, created_at)
					values (:v, :m, 'TUTOR', :from, :to, 10, 'REQUIS', 'test', :now)""")
				.bind("v", id).bind("m", module()).bind("from", LocalDate.now(clock).minusMonths(13))
				.bind("to", LocalDate.now(clock).plusMonths(1)).bind("now", clock.instant()).then());
			return id;
		}

		@Override
		public long module() {
			return once("module", () -> count("select min(id) from module"));
		}

		@Override
		public long category() {
			return once("category", () -> count("select min(id) from moodle_category where parent_id is not null"));
		}

		@Override
		public long campaign() {
			return once("campaign", () -> await(recruitment.open("Tuteurs de français", clock.today().minusDays(1),
					clock.today().plusDays(30), List.of(new Recruitment.Need("Secondaire inférieur – CE1D", "Français", "TUTOR", 60)), "coord")));
		}

		@Override
		public long freshCandidacy() {
			int n = next.incrementAndGet();
			return await(recruitment.apply(campaign(), new VacataireFile.Identity("Camille", "Candidate " + n, "camille" + n + "@ead.test",
					null, null, null), List.of(), "coord"));
		}

		@Override
		public long freshScoredCandidacy() {
			long id = freshCandidacy();
			List<Long> criteria = await(db.sql("select id from recruitment_criterion order by position").map(r -> r.get("id", Long.class))
				.all().collectList());
			await(recruitment.score(id, criteria.stream().map(c -> new Recruitment.Score(c, 3, "Dossier solide")).toList(), "coord"));
			return id;
		}

		@Override
		public long trainingSession() {
			vacataire();
			return (Long) made.get("session");
		}

		private void trainingSessionFor(long vacataireId) {
			// Over: the vacataire's attendance recorded afterwards (the history), as on the first day.
			long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
					clock.instant().minus(Duration.ofDays(2)), 180, "VIRTUAL", null, 20), "coord"));
			await(training.recordCompleted(session, List.of(vacataireId), "coord"));
			// Conception requires online pedagogy as well (the assignment forms create conception assignments).
			long pedagogy = await(training.plan(new Training.NewSession("INITIAL", "PEDAGOGY", "Pédagogie en ligne",
					Instant.now().minus(Duration.ofDays(3)), 180, "VIRTUAL", null, 20), "coord"));
			await(training.recordCompleted(pedagogy, List.of(vacataireId), "coord"));
			made.put("session", session);
			// Over, and nobody recorded: the vacataire's page records that they followed it.
			made.put("pastUnrecorded", await(training.plan(new Training.NewSession("CONTINUING", "MOODLE", "Moodle avancé (l'an dernier)",
					clock.instant().minus(Duration.ofDays(300)), 120, "VIRTUAL", null, 20), "coord")));
			made.put("upcoming", await(training.plan(new Training.NewSession("INITIAL", "TUTORING", "Tutorat à distance",
					clock.instant().plus(Duration.ofDays(5)), 180, "VIRTUAL", null, 500), "coord")));
			// A continuing training to come, which the vacataire's page offers whatever initial ones they completed.
			await(training.plan(new Training.NewSession("CONTINUING", "PEDAGOGY", "Évaluer à distance",
					clock.instant().plus(Duration.ofDays(6)), 120, "VIRTUAL", null, 30), "coord"));
		}

		@Override
		public long freshUpcomingRegistration() {
			long id = freshVacataire();
			await(training.register(upcomingTrainingSession(), id, "coord"));
			return id;
		}

		@Override
		public long pastTrainingSessionWithoutTheVacataire() {
			vacataire();
			return (Long) made.get("pastUnrecorded");
		}

		@Override
		public long sessionUnderWay() {
			long vacataire = vacataire();
			return once("underWay", () -> {
				// Continuing: completing it leaves the initial trainings the other cases register the vacataire to.
				long session = await(training.plan(new Training.NewSession("CONTINUING", "TUTORING", "Tutorer à distance : approfondir",
						clock.instant().minus(Duration.ofMinutes(30)), 180, "VIRTUAL", null, 20), "coord"));
				await(training.register(session, vacataire, "coord"));
				return session;
			});
		}

		@Override
		public long upcomingTrainingSession() {
			vacataire();
			return (Long) made.get("upcoming");
		}

		@Override
		public long freshReview(String state) {
			long module = freshUnreviewedModule();
			long id = await(reviews.plan(module, "relect", null, null, "coord"));
			Reviews.Actor reviewer = new Reviews.Actor("relect", false);
			if (state.equals("PLANNED")) {
				return id;
			}
			await(reviews.start(id, reviewer));
			if (!state.equals("IN_REVIEW")) {
				Rubrics.Rubric rubric = await(rubrics.latest(Rubrics.DEFAULT));
				long below = state.equals("IN_REVIEW_PASSING") ? -1
						: rubric.criteria().stream().filter(c -> c.kind() == Rubrics.Kind.SCALE).findFirst().orElseThrow().id();
				await(reviews.record(id, rubric.criteria().stream().map(c -> c.id() == below
						? new Reviews.FindingInput(c.id(), 2, null, "Les objectifs manquent à la séquence 2.")
						: c.kind() == Rubrics.Kind.SCALE ? new Reviews.FindingInput(c.id(), c.scaleMax(), null, null)
						: new Reviews.FindingInput(c.id(), null, true, null)).toList(), reviewer));
			}
			if (state.equals("CHANGES_REQUESTED")) {
				await(reviews.requestChanges(id, clock.today().plusDays(20), reviewer));
			}
			return id;
		}

		@Override
		public long freshUnreviewedModule() {
			int n = next.incrementAndGet();
			return count("select id from module where id not in (select module_id from review) order by id offset " + n + " limit 1");
		}

		@Override
		public long referential() {
			return once("referential", () -> await(referentials.importFile(FormCases.REFERENTIAL_CSV.replace("FORMS", "REF")
				.getBytes(StandardCharsets.UTF_8), "coord")).id());
		}

		@Override
		public long competency() {
			return once("competency", () -> count("select min(id) from competency where referential_id = " + referential()
					+ " and idnumber = 'REF-C1'"));
		}

		@Override
		public String branch() {
			return once("branch", () -> String.valueOf(count("select min(id) from competency where referential_id = " + referential()
					+ " and idnumber = 'REF-D1'")));
		}

		@Override
		public String freshExam() {
			String code = "EX-" + next.incrementAndGet();
			await(exams.define(code, "Examen " + code, null, List.of(new Exams.PartDefinition("Partie 1", 100, List.of())), "coord"));
			return code;
		}

		@Override
		public long freshAssignment() {
			long module = freshUnreviewedModule();
			return await(assignments.create(new NewAssignment(vacataire(), module, "AUTHOR", clock.today().minusDays(10),
					clock.today().plusMonths(3), 5, "Remplacement"), "coord")).id();
		}

		@Override
		public long freshPlannedAssignment() {
			long module = freshUnreviewedModule();
			return await(assignments.create(new NewAssignment(vacataire(), module, "AUTHOR", clock.today().plusMonths(1),
					clock.today().plusMonths(4), 5, "Remplacement"), "coord")).id();
		}

		@Override
		public long freshHeldTitle() {
			int n = next.incrementAndGet();
			long title = await(titles.save("T-" + n, "Titre " + n, List.of(new Titles.Coverage("Primaire", "Éveil", CoverageKind.REQUIS)),
					"coord"));
			await(titles.grant(vacataire(), title, null, null, "coord"));
			return title;
		}

		@Override
		public long title() {
			return once("title", () -> await(titles.save("AESI-FORMS", "AESI des formulaires", List.of(new Titles.Coverage(
					"Secondaire inférieur", "Mathématiques", CoverageKind.REQUIS)), "coord")));
		}

		@Override
		public long[] roleWithoutAssignment() {
			return new long[] { module(), vacataire() };
		}

		@Override
		public String otherReviewer() {
			return "relect2";
		}
	}
}
