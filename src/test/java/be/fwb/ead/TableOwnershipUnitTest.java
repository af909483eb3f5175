package be.fwb.ead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.TableOwnership.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ownership check can fail: fed a deliberate cross-module query, it names it. */
class TableOwnershipUnitTest {

	private final TableOwnership ownership = new TableOwnership(TableOwnershipTests.owners(), TableOwnershipTests.PUBLISHED);

	@Test
	void aModuleReadingAnotherModulesTableIsAViolation() {
		String source = """
				class Sneaky {
					Flux<Long> reviewed() {
						return db.sql(\"""
								select r.module_id from review r
								join module m on m.id = r.module_id where r.state = 'APPROVED'\""").map(x -> 1L).all();
					}
					Mono<Long> count() {
						return db.sql("select count(*) as n from training_session s").map(x -> 1L).one();
					}
				}
				""";
		assertThat(ownership.violations("catalogue", TableOwnership.sql(source))).containsExactly(new Violation("catalogue", "module"),
				new Violation("catalogue", "review"), new Violation("catalogue", "training_session"));
	}

	/** The test of the product's sources, run on sources where the catalogue sneaks a query on the reviews' table. */
	@Test
	void theOwnershipTestFailsOnADeliberateCrossModuleQuery(@TempDir Path sources) throws IOException {
		write(sources.resolve("reviews/Reviews.java"), "class Reviews { String q = \"select id, module_id from review\"; }");
		write(sources.resolve("catalogue/Catalogue.java"), "class Catalogue { String q = \"select m.id from current_module m\"; }");
		assertThatCode(() -> TableOwnershipTests.assertNoModuleNamesATableItDoesNotOwn(sources)).doesNotThrowAnyException();

		write(sources.resolve("catalogue/Sneaky.java"), """
				class Sneaky {
					String q = \"""
							select m.id from current_module m
							join review r on r.module_id = m.id where r.state = 'APPROVED'\""";
				}
				""");
		assertThatThrownBy(() -> TableOwnershipTests.assertNoModuleNamesATableItDoesNotOwn(sources)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("catalogue -> review");
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	@Test
	void theOwnerAndThePublishedViewsAreNoViolation() {
		String sql = TableOwnership.sql("""
				String q = "select r.id from review r join last_decided_review d on d.review_id = r.id";
				String p = \"""
						select m.id, v.name from current_module m join module_staff s on s.module_id = m.id
						join vacataire_name v on v.id = s.vacataire_id\""";
				""");
		assertThat(ownership.violations("reviews", sql)).isEmpty();
		assertThat(ownership.violations("catalogue", sql)).containsExactly(new Violation("catalogue", "review"));
	}

	@Test
	void everyWayOfNamingATableCountsAndWordsInSentencesOrCommentsDoNot() {
		assertThat(ownership.named("insert into evaluation (x) values (1)")).containsExactly("evaluation");
		assertThat(ownership.named("update vacataire set firstname = 'A'")).containsExactly("vacataire");
		assertThat(ownership.named("delete from candidacy where id = 1")).containsExactly("candidacy");
		assertThat(ownership.named("delete from module_role r using unnest(:m) as u(m) where r.module_id = u.m"))
			.containsExactly("module_role");
		assertThat(ownership.named("with up as (select 1) select * from up join competency c on true")).containsExactly("competency");
		assertThat(ownership.named("Le module vient de Moodle ; read from the review")).isEmpty();
		assertThat(ownership.named("Aucun module n’a l’identifiant 3.")).isEmpty();
		assertThat(TableOwnership.sql("""
				// select 1 from review
				String entity = "module"; /* from vacataire */
				""")).doesNotContain("review").doesNotContain("vacataire").contains("module");
		assertThat(ownership.violations(Map.of("titles", "select 1 from title", "attention", "select 1 from title t")))
			.isEqualTo(Set.of(new Violation("attention", "title")));
	}
}
