package be.fwb.ead.vacataires.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing the vacataires coordinators keep in Excel: a realistic file goes in whole, a broken one not at all. */
class VacataireImportIntegrationTest extends IntegrationTest {

	private static final String[] FIRST = { "Zoë", "Anaïs", "Hélène", "Jérôme", "François", "Noémie", "Chloé", "Sébastien",
			"Thérèse", "Maëlle" };
	private static final String[] LAST = { "Dubois", "Lambert", "Peeters", "Van den Bossche", "Maes", "Lefèvre", "Geerts",
			"Dupont-Müller", "Wouters", "Renard" };

	@Autowired VacataireImport imports;
	@Autowired Titles titles;
	@Autowired Accounts accounts;
	@Autowired be.fwb.ead.sync.SyncLauncher launcher;

	@BeforeEach
	void titlesExist() {
		await(titles.save("AESI-MATH", "AESI mathématiques", List.of(new Titles.Coverage("Secondaire inférieur", "Mathématiques",
				CoverageKind.REQUIS)), "coord"));
		await(titles.save("AESS-FR", "AESS français", List.of(new Titles.Coverage("Secondaire supérieur", "Français",
				CoverageKind.REQUIS)), "coord"));
	}

	/** 200 lines as a coordinator's sheet would have them: accents, a name with a semicolon, empty cells. */
	private static String realistic(int lines) {
		StringBuilder csv = new StringBuilder("\uFEFFNom;Prénom;Courriel;Matricule;Téléphone;Statut;Titres;Remarque\r\n");
		for (int i = 0; i < lines; i++) {
			String last = LAST[i % LAST.length] + (i >= LAST.length ? " " + (i / LAST.length) : "");
			String first = FIRST[(i * 7) % FIRST.length];
			csv.append(i == 3 ? "\"Lambert; dit « Lolo »\"" : last).append(';')
				.append(first).append(';')
				.append(i % 9 == 0 ? "" : "vac" + i + "@ead.test").append(';')
				.append("MAT-").append(1000 + i).append(';')
				.append(i % 4 == 0 ? "+32 2 555 " + (1000 + i) : "").append(';')
				.append(i % 10 == 0 ? "candidat" : i % 10 == 1 ? "Retenu" : "").append(';')
				.append(i % 3 == 0 ? "AESI-MATH, aess-fr" : i % 3 == 1 ? "AESI-MATH" : "").append(';')
				.append("ligne ").append(i).append("\r\n");
		}
		return csv.toString();
	}

	@Test
	void aRealistic200LineFileIsImportedWholeAndASecondImportUpdatesByMatricule() {
		VacataireImport.Report report = await(imports.run(realistic(200).getBytes(StandardCharsets.UTF_8), false, "coord"));
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.applied()).isTrue();
		assertThat(report.created()).isEqualTo(200);
		assertThat(report.ignoredColumns()).containsExactly("Remarque");
		assertThat(count("select count(*) from vacataire")).isEqualTo(200);
		assertThat(count("select count(*) from vacataire where lastname = 'Lambert; dit « Lolo »'")).isEqualTo(1);
		assertThat(count("select count(*) from vacataire where status = 'CANDIDAT'")).isEqualTo(20);
		assertThat(count("select count(*) from vacataire where search_key like '%maelle%'")).isEqualTo(20);
		assertThat(count("select count(*) from vacataire_title")).isEqualTo(67 * 2 + 67);
		assertThat(report.titlesGranted()).isEqualTo(201);

		String update = "Matricule;Nom;Prénom;Téléphone;Titres\nMAT-1001;Lambert;Anaïs;0470 12 34 56;AESS-FR\n";
		VacataireImport.Report second = await(imports.run(update.getBytes(StandardCharsets.UTF_8), false, "coord"));
		assertThat(second.lines()).singleElement().satisfies(l -> assertThat(l.action()).isEqualTo(VacataireImport.Action.UPDATE));
		assertThat(count("select count(*) from vacataire")).isEqualTo(200);
		assertThat(count("select count(*) from vacataire where idnumber = 'MAT-1001' and phone = '0470 12 34 56' "
				+ "and email = 'vac1@ead.test'")).isEqualTo(1);
		assertThat(count("select count(*) from vacataire_title vt join vacataire v on v.id = vt.vacataire_id "
				+ "where v.idnumber = 'MAT-1001'")).isEqualTo(2);

		// The same line again brings nothing new: « inchangé », and nothing written nor journaled.
		long journal = count("select count(*) from change_log");
		String same = "Matricule;Nom;Prénom\nMAT-1001;Lambert;Anaïs\n";
		VacataireImport.Report third = await(imports.run(same.getBytes(StandardCharsets.UTF_8), false, "coord"));
		assertThat(third.lines()).singleElement().satisfies(l -> assertThat(l.action()).isEqualTo(VacataireImport.Action.UNCHANGED));
		assertThat(third.updated()).isZero();
		assertThat(third.unchanged()).isOne();
		assertThat(count("select count(*) from change_log")).isEqualTo(journal);
	}

	@Test
	void theVacatairesExportImportedBackUpdatesTheSamePeopleAndAHomonymWithoutIdentifierIsRefusedAsAmbiguous() {
		await(launcher.execute(be.fwb.ead.sync.SyncMode.FULL, "test"));
		long people = count("select count(*) from vacataire");
		assertThat(count("select count(*) from vacataire where moodle_email is null and coalesce(moodle_idnumber, '') = ''"))
			.as("des vacataires de Moodle sans courriel ni matricule").isPositive();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		WebSession coord = signIn("coord", "mot-de-passe-coord");
		String export = web.get().uri("/vacataires/export.csv").cookie("SESSION", coord.cookie()).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		// The export as a coordinator sends it back: a column Titres added to give everyone a title.
		String[] lines = export.split("\r?\n");
		assertThat(lines[0]).contains("Profil Moodle");
		StringBuilder back = new StringBuilder(lines[0]).append(";Titres\n");
		for (int i = 1; i < lines.length; i++) {
			back.append(lines[i]).append(";AESI-MATH\n");
		}
		long updates = count("select count(*) from change_log where entity = 'vacataire' and action = 'updated'");

		VacataireImport.Report dryRun = await(imports.run(back.toString().getBytes(StandardCharsets.UTF_8), true, "coord"));
		assertThat(dryRun.errors()).isEmpty();
		assertThat(dryRun.lines()).hasSize((int) people).allSatisfy(l -> assertThat(l.action()).isEqualTo(VacataireImport.Action.UPDATE));
		VacataireImport.Report report = await(imports.run(back.toString().getBytes(StandardCharsets.UTF_8), false, "coord"));
		assertThat(report.created()).isZero();
		assertThat(report.updated()).isEqualTo((int) people);
		assertThat(count("select count(*) from vacataire")).as("personne en double").isEqualTo(people);
		assertThat(count("select count(distinct vacataire_id) from vacataire_title")).isEqualTo(people);
		assertThat(count("select count(*) from change_log where entity = 'vacataire' and action = 'updated'"))
			.as("rien n'a changé sur les fiches").isEqualTo(updates);

		// A line naming only someone who exists (no Moodle profile, matricule nor e-mail) is refused, the person named.
		long bare = count("select id from vacataire where moodle_email is null and coalesce(moodle_idnumber, '') = '' order by id limit 1");
		String first = await(db.sql("select moodle_firstname from vacataire where id = " + bare).map(r -> r.get(0, String.class)).one());
		String last = await(db.sql("select moodle_lastname from vacataire where id = " + bare).map(r -> r.get(0, String.class)).one());
		String homonym = "Nom;Prénom;Titres\n" + last.toUpperCase(java.util.Locale.ROOT) + ";" + first + ";AESS-FR\n";
		for (boolean dry : new boolean[] { true, false }) {
			VacataireImport.Report refused = await(imports.run(homonym.getBytes(StandardCharsets.UTF_8), dry, "coord"));
			assertThat(refused.applied()).isFalse();
			assertThat(refused.errors()).singleElement().satisfies(l -> assertThat(l.errors()).singleElement().asString()
				.startsWith("ambigu : un vacataire porte déjà ce nom, « " + first + " " + last + " » (fiche n° " + bare + ", sans matricule ni courriel)")
				.contains("colonne Créer"));
		}
		assertThat(count("select count(*) from vacataire")).isEqualTo(people);
		// Said explicitly: another person of the same name.
		String create = "Nom;Prénom;Créer\n" + last + ";" + first + ";oui\n";
		assertThat(await(imports.run(create.getBytes(StandardCharsets.UTF_8), false, "coord")).created()).isEqualTo(1);
		assertThat(count("select count(*) from vacataire")).isEqualTo(people + 1);
		// Identifiers that name two different people refuse the line.
		String conflict = "Nom;Prénom;Identifiant Moodle;Matricule\nX;Y;" + count("select moodle_user_id from vacataire where id = " + bare)
				+ ";" + await(db.sql("select moodle_idnumber from vacataire where moodle_idnumber <> '' order by id limit 1")
					.map(r -> r.get(0, String.class)).one()) + "\n";
		assertThat(await(imports.run(conflict.getBytes(StandardCharsets.UTF_8), true, "coord")).errors()).singleElement()
			.satisfies(l -> assertThat(l.errors()).singleElement().asString().contains("corrigez l’un des deux"));
	}

	@Test
	void aBrokenFileImportsNothingAndSaysWhatToFixOnWhichLine() {
		String csv = realistic(200).replace("vac17@ead.test", "vac17-at-ead.test")
			.replace("MAT-1050", "MAT-1049")
			.replace("ligne 120\r\n", "ligne 120\r\n;;;;;;;\r\nDurand;;;;;;CAPAES-BIO;\r\n");
		long changes = count("select count(*) from change_log");
		VacataireImport.Report report = await(imports.run(csv.getBytes(StandardCharsets.UTF_8), false, "coord"));
		assertThat(report.applied()).isFalse();
		assertThat(report.errors()).extracting(VacataireImport.LineReport::line).containsExactly(19, 52, 124);
		assertThat(report.errors().get(0).errors()).containsExactly("courriel invalide « vac17-at-ead.test »");
		assertThat(report.errors().get(1).errors()).containsExactly("le matricule MAT-1049 figure déjà plus haut dans le fichier");
		assertThat(report.errors().get(2).errors()).containsExactly("le prénom est vide",
				"titre inconnu « CAPAES-BIO » (créez-le d’abord dans Titres)");
		assertThat(count("select count(*) from vacataire")).isZero();
		assertThat(count("select count(*) from change_log")).isEqualTo(changes);
	}

	@Test
	void anXlsxFileIsReadLikeACsvAndTheApiAnswersAProblemWithTheLinesToFix() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("Vacataires");
			String[][] rows = { { "NOM", "prénom", "E-mail", "Plafond" }, { "Wouters", "Maëlle", "maelle@ead.test", "120" },
					{ "Geerts", "Jérôme", "jerome@ead.test", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (r > 0 && c == 3 && !rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
					}
					else {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			book.write(out);
			xlsx = out.toByteArray();
		}
		VacataireImport.Report dryRun = await(imports.run(xlsx, true, "coord"));
		assertThat(dryRun.applied()).isFalse();
		assertThat(dryRun.hasErrors()).isFalse();
		assertThat(count("select count(*) from vacataire")).isZero();
		assertThat(await(imports.run(xlsx, false, "coord")).created()).isEqualTo(2);
		assertThat(count("select count(*) from vacataire where lastname = 'Wouters' and workload_cap_hours = 120")).isEqualTo(1);

		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		String token = (String) web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "coord", "password", "mot-de-passe-coord")).exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("token");
		web.post().uri("/api/vacataires/import").headers(h -> h.setBearerAuth(token)).contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("Nom;Prénom;Courriel\nDupont;;pas-un-courriel\n".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Import refusé")
			.jsonPath("$.lines[0].line").isEqualTo(2)
			.jsonPath("$.lines[0].errors[0]").isEqualTo("le prénom est vide");
		web.post().uri("/api/vacataires/import").headers(h -> h.setBearerAuth(token)).contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("Nom;Prénom\n\"Bär\";Zoë\n".getBytes(StandardCharsets.ISO_8859_1))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("UTF-8"));
	}

	@Test
	void theApisImportReadsAFileUpToItsOwnLimitNotTheDefaultBodyLimit() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		String token = (String) web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "coord", "password", "mot-de-passe-coord")).exchange()
			.expectBody(Map.class).returnResult().getResponseBody().get("token");
		// 1 MB (four times the 256 KiB a request body may hold in memory): read whole, and judged line by line.
		String line = "Dupont;;pas-un-courriel;" + "x".repeat(180) + "\n";
		byte[] large = ("Nom;Prénom;Courriel;Commentaire\n" + line.repeat(1_000_000 / line.length()))
			.getBytes(StandardCharsets.UTF_8);
		// The report names every line's errors: more than the test client's own 256 KiB.
		web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
			.post().uri("/api/vacataires/import?dryRun=true").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(large)
			.exchange()
			.expectStatus().value(status -> assertThat(status).isNotEqualTo(413))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").value(t -> assertThat((String) t).isNotEqualTo("Requête trop volumineuse"));
		// Beyond the import's own limit (5 Mo): refused in French, before the file is examined.
		byte[] tooLarge = new byte[6 * 1024 * 1024];
		java.util.Arrays.fill(tooLarge, (byte) 'a');
		web.post().uri("/api/vacataires/import").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(tooLarge)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Le fichier dépasse 5 Mo.");
	}
}
