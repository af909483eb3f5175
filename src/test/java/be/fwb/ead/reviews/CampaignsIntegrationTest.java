package be.fwb.ead.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.demo.DemoReferentials;
import be.fwb.ead.reviews.Campaigns.Candidate;
import be.fwb.ead.reviews.Campaigns.Request;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaign selection on the realistic EAD catalogue (522 modules, the demo référentiels, exams and mappings), with a
 * review history written for seven chosen modules.
 */
class CampaignsIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired be.fwb.ead.referentials.Referentials referentials;
	@Autowired be.fwb.ead.referentials.Coverage coverage;
	@Autowired be.fwb.ead.referentials.Exams exams;
	@Autowired Accounts accounts;
	@Autowired Campaigns campaigns;
	@Autowired Reviews reviews;
	@Autowired be.fwb.ead.analysis.Priorities priorities;

	/** Never reviewed, concerned by the CE1D (session in 30 days), the most followed. */
	private long ce1d;
	/** Never reviewed, works no competency. */
	private long orphan;
	private long refused;
	private long changed;
	private long old;
	private long approved;
	private long open;
	private long author;

	@BeforeEach
	void catalogueHistoryAndReviewers() {
		syncedCatalogue();
		await(new DemoReferentials(referentials, coverage, exams, db).seedIfEmpty());
		LocalDate today = clock.today();
		await(db.sql("delete from exam_session").then());
		await(db.sql("insert into exam_session (exam_id, starts_on) select id, :d from exam where code = 'CE1D'")
			.bind("d", today.plusDays(30)).then());
		// Demand: one module followed by 1000 learners, the others by none (so their demand adds nothing).
		await(db.sql("update module set learner_count = 0").then());
		ce1d = count("""
				select min(k.module_id) from competency_mapping k join competency c on c.id = k.competency_id
				join referential r on r.id = c.referential_id where r.idnumber = 'REF-CE1D'
				and k.module_id in (select module_id from module_role where role = 'AUTHOR')""");
		await(db.sql("update module set learner_count = 1000 where id = " + ce1d).then());
		author = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + ce1d);
		orphan = count("select min(id) from module where archived_at is null and id not in (select module_id from competency_mapping)");
		List<Long> ceb = await(db.sql("""
				select distinct k.module_id from competency_mapping k join competency c on c.id = k.competency_id
				join referential r on r.id = c.referential_id where r.idnumber = 'REF-CEB' order by k.module_id limit 5""")
			.map(r -> r.get("module_id", Long.class)).all().collectList());
		refused = ceb.get(0);
		changed = ceb.get(1);
		old = ceb.get(2);
		approved = ceb.get(3);
		open = ceb.get(4);
		Instant now = clock.instant();
		decided(refused, "REJECTED", now.minus(30, ChronoUnit.DAYS));
		decided(changed, "APPROVED", now.minus(365, ChronoUnit.DAYS));
		await(db.sql("update module set content_changed_at = :t where id = :id").bind("t", now.minus(10, ChronoUnit.DAYS))
			.bind("id", changed).then());
		decided(old, "APPROVED", now.minus(4 * 365, ChronoUnit.DAYS));
		decided(approved, "APPROVED", now.minus(30, ChronoUnit.DAYS));
		await(db.sql("update module set content_changed_at = :t where id in (:a, :b)").bind("t", now.minus(5 * 365, ChronoUnit.DAYS))
			.bind("a", old).bind("b", approved).then());

		await(accounts.create("relect1", "mot-de-passe-r1", Role.REVIEWER, "Rémi Un", null));
		await(accounts.create("relect2", "mot-de-passe-r2", Role.REVIEWER, "Rita Deux", null));
		await(accounts.create("relect-auteur", "mot-de-passe-ra", Role.REVIEWER, "Régine Autrice", author));
		await(reviews.plan(open, "relect1", null, null, "coord"));
	}

	@Test
	void theModulesToAdaptFirstAreNarrowedToOneExamOrOneLevel() {
		long lowerSecondary = count("select id from moodle_category where name = 'Secondaire inférieur – CE1D'");
		Set<Long> inLevel = new HashSet<>(await(db.sql("""
				select m.id from module m join moodle_category c on c.id = m.category_id
				where m.archived_at is null and c.parent_id = :level""").bind("level", lowerSecondary)
			.map(r -> r.get("id", Long.class)).all().collectList()));
		List<be.fwb.ead.analysis.Priorities.Priority> all = await(priorities.ranked());
		List<be.fwb.ead.analysis.Priorities.Priority> ce1d = await(priorities.ranked(
				new be.fwb.ead.analysis.Priorities.Filter("ce1d", null)));
		// The CE1D concerns the modules of its level only, and its gap is counted on its parts only.
		assertThat(ce1d).isNotEmpty().hasSizeLessThan(all.size());
		assertThat(ce1d).allSatisfy(p -> assertThat(inLevel).contains(p.moduleId()));
		assertThat(ce1d).filteredOn(p -> p.examPart() != null).allSatisfy(p -> assertThat(p.examPart()).startsWith("CE1D – "));
		List<be.fwb.ead.analysis.Priorities.Priority> level = await(priorities.ranked(
				new be.fwb.ead.analysis.Priorities.Filter(null, lowerSecondary)));
		assertThat(level).extracting(be.fwb.ead.analysis.Priorities.Priority::moduleId).containsExactlyInAnyOrderElementsOf(inLevel);
		assertThat(await(priorities.levels().collectList())).extracting(be.fwb.ead.analysis.Priorities.Level::name)
			.contains("Secondaire inférieur – CE1D");
		StepVerifier.create(priorities.ranked(new be.fwb.ead.analysis.Priorities.Filter("CE3D", null)))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(be.fwb.ead.shared.InvalidRequest.class)
				.hasMessageContaining("Épreuve inconnue : « CE3D »").hasMessageContaining("CE1D, CEB, CESS"))
			.verify();
	}

	@Test
	void theDemosModulesWereLastChangedOverTheLastTwoYearsNotAtItsFirstSync() {
		long days = count("select extract(day from max(content_changed_at) - min(content_changed_at))::bigint from current_module");
		assertThat(days).as("écart entre la plus ancienne et la plus récente modification").isGreaterThan(365);
		assertThat(count("select count(distinct content_changed_at::date) from current_module")).isGreaterThan(100);
	}

	private void decided(long module, String state, Instant at) {
		await(db.sql("""
				insert into review (module_id, rubric_id, reviewer, state, round, score, planned_by, planned_at, decided_at)
				values (:m, (select min(id) from rubric), 'ancien', :s, 1, 80, 'coord', :at, :at)""")
			.bind("m", module).bind("s", state).bind("at", at).then());
	}

	@Test
	void candidatesAreRankedByRiskWithTheirReasons() {
		List<Candidate> all = await(campaigns.candidates(120));
		long current = count("select count(*) from module where archived_at is null");
		// Every current module but the one approved recently and unchanged, and the one under review.
		assertThat(all).hasSize((int) current - 2);
		assertThat(all).extracting(Candidate::moduleId).doesNotContain(approved, open).contains(refused, changed, old, orphan);

		// 40 never reviewed + 30 × (1 − 30/120) = 22.5 → 23 for the CE1D session + 10 for the most followed.
		assertThat(all.get(0)).satisfies(c -> {
			assertThat(c.moduleId()).isEqualTo(ce1d);
			assertThat(c.risk()).isEqualTo(73);
			assertThat(c.exam()).isEqualTo("CE1D");
			assertThat(c.reasons()).containsExactly("jamais relu (+40)",
					"session CE1D le " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu").format(c.examSession()) + ", dans 30 j (+23)",
					"1000 apprenants (+10)");
		});
		Map<Long, Candidate> byModule = new HashMap<>();
		all.forEach(c -> byModule.put(c.moduleId(), c));
		assertThat(byModule.get(orphan).risk()).isEqualTo(60);
		assertThat(byModule.get(orphan).reasons()).containsExactly("jamais relu (+40)", "aligné sur aucune compétence (+20)");
		assertThat(byModule.get(refused).risk()).isEqualTo(35);
		assertThat(byModule.get(refused).reasons().get(0)).startsWith("refusé à sa dernière revue");
		assertThat(byModule.get(changed).risk()).isEqualTo(30);
		assertThat(byModule.get(changed).reasons().get(0)).startsWith("modifié dans Moodle le");
		assertThat(byModule.get(old).risk()).isEqualTo(20);
		assertThat(all).isSortedAccordingTo((a, b) -> Integer.compare(b.risk(), a.risk()));
		// The CE1D modules come before the CEB ones, which have no session within the horizon.
		int lastCe1d = all.stream().filter(c -> "CE1D".equals(c.exam())).mapToInt(all::indexOf).max().orElseThrow();
		assertThat(all.subList(0, lastCe1d + 1)).allSatisfy(c -> assertThat(c.risk()).isGreaterThanOrEqualTo(60));

		// A horizon that ends before the session leaves the exam out.
		assertThat(await(campaigns.candidates(14)).get(0).risk()).isEqualTo(60);
	}

	@Test
	void aCampaignSharesTheRiskiestModulesByLoadWithoutConflictAndIsFollowedToItsEnd() {
		List<String> names = List.of("relect1", "relect2", "relect-auteur");
		Campaigns.Proposal proposal = await(campaigns.propose(new Request(null, null, 11, names, null)));
		assertThat(proposal.picks()).hasSize(11);
		assertThat(proposal.picks().get(0).candidate().moduleId()).isEqualTo(ce1d);
		assertThat(proposal.picks().get(0).reviewer()).isNotEqualTo("relect-auteur");
		assertThat(proposal.loadBefore()).containsExactlyInAnyOrderEntriesOf(Map.of("relect1", 1, "relect2", 0, "relect-auteur", 0));
		// 1 open review and 11 new: 4 each (the author skips their own modules, which others take).
		assertThat(proposal.loadAfter()).containsExactlyInAnyOrderEntriesOf(Map.of("relect1", 4, "relect2", 4, "relect-auteur", 4));
		Set<Long> authored = new HashSet<>(await(db.sql("select module_id from module_role where vacataire_id = " + author)
			.map(r -> r.get("module_id", Long.class)).all().collectList()));
		assertThat(proposal.picks()).filteredOn(p -> p.reviewer().equals("relect-auteur"))
			.allSatisfy(p -> assertThat(authored).doesNotContain(p.candidate().moduleId()));
		assertThat(count("select count(*) from review_campaign")).isZero();

		// Alone, the author cannot take their own module: it is left unassigned, the next ones are taken.
		Campaigns.Proposal alone = await(campaigns.propose(new Request(null, null, 3, List.of("relect-auteur"), null)));
		assertThat(alone.unassigned()).extracting(Candidate::moduleId).contains(ce1d);
		assertThat(alone.picks()).hasSize(3).noneMatch(p -> authored.contains(p.candidate().moduleId()));

		// Refusals write nothing.
		refusedWith(campaigns.create(new Request("Automne", null, 0, names, null), "coord"), "de 1 à 200 modules");
		refusedWith(campaigns.create(new Request("Automne", null, 5, List.of(), null), "coord"), "de 1 à 50 relecteurs");
		refusedWith(campaigns.create(new Request("Automne", null, 5, List.of("relect1", "inconnu"), null), "coord"), "inconnu");
		refusedWith(campaigns.create(new Request("Automne", clock.today().minusDays(1), 5, names, null), "coord"), "postérieure");
		refusedWith(campaigns.create(new Request(" ", null, 5, names, null), "coord"), "un nom");
		assertThat(count("select count(*) from review_campaign")).isZero();
		assertThat(count("select count(*) from review")).isEqualTo(5);

		long id = await(campaigns.create(new Request("Campagne d'automne", clock.today().plusDays(60), 11, names, null), "coord"));
		assertThat(count("select count(*) from review where campaign_id = " + id)).isEqualTo(11);
		assertThat(count("select count(*) from change_log where entity = 'review_campaign'")).isOne();
		assertThat(await(campaigns.candidates(120))).extracting(Candidate::moduleId).doesNotContain(ce1d);

		long first = count("select min(id) from review where campaign_id = " + id);
		String reviewer = await(reviews.review(first)).reviewer();
		await(reviews.start(first, new Reviews.Actor(reviewer, false)));
		await(reviews.reject(first, "Objectifs absents.", new Reviews.Actor(reviewer, false)));
		Campaigns.Progress progress = await(campaigns.progress(id));
		assertThat(progress.total()).isEqualTo(11);
		assertThat(progress.planned()).isEqualTo(10);
		assertThat(progress.rejected()).isOne();
		assertThat(progress.percentDone()).isEqualTo(9);
		assertThat(progress.late()).isFalse();
		assertThat(progress.byReviewer()).extracting(Campaigns.ReviewerProgress::reviewer).containsExactly("relect-auteur", "relect1", "relect2");
		assertThat(progress.byReviewer()).extracting(p -> p.open() + p.decided()).containsExactly(4, 3, 4);
		assertThat(progress.byReviewer()).filteredOn(p -> p.reviewer().equals(reviewer)).singleElement()
			.satisfies(p -> assertThat(p.decided()).isOne());
		assertThat(await(campaigns.load().collectList())).filteredOn(l -> l.reviewer().startsWith("relect"))
			.extracting(l -> l.open() + (l.reviewer().equals(reviewer) ? 1 : 0)).containsOnly(4);
	}

	@Test
	void aCampaignIsPlannedWholeOrNotAtAll() {
		List<String> names = List.of("relect1", "relect2");
		Campaigns.Proposal proposal = await(campaigns.propose(new Request(null, null, 3, names, null)));
		long last = proposal.picks().get(2).candidate().moduleId();
		long reviews = count("select count(*) from review");
		long lines = count("select count(*) from change_log");
		// The database refuses the campaign's third review (as it would a module planned meanwhile by someone else).
		await(db.sql("""
				create function refuse_review() returns trigger language plpgsql as $$
				begin raise exception 'revue refusée par le test'; end $$;
				create trigger refuse_review before insert on review for each row when (new.module_id = %d)
				execute function refuse_review()""".formatted(last)).then());
		try {
			StepVerifier.create(campaigns.create(new Request("Tout ou rien", null, 3, names, null), "coord"))
				.expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("revue refusée par le test"))
				.verify();
		}
		finally {
			await(db.sql("drop trigger refuse_review on review; drop function refuse_review()").then());
		}
		// Rolled back: the campaign, the two reviews planned before the third, their events and journal lines.
		assertThat(count("select count(*) from review_campaign")).isZero();
		assertThat(count("select count(*) from review")).isEqualTo(reviews);
		assertThat(count("select count(*) from change_log")).isEqualTo(lines);
	}

	private static void refusedWith(reactor.core.publisher.Mono<?> mono, String message) {
		StepVerifier.create(mono).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class).hasMessageContaining(message))
			.verify();
	}
}
