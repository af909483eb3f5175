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
				"titre inconnu « CAPAES-BIO » (créez-le d'abord dans Titres)");
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
