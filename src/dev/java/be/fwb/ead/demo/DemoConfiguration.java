package be.fwb.ead.demo;

import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Demo mode: starts the simulated Moodle (port {@code ead.demo.moodle-port}), creates a reviewer account, and brings
 * the service one year in ({@link DemoYearOne}); with the profile {@code first-day} too, it stays on the first day
 * (nothing granted or assigned: the first deployment to try).
 */
@Configuration
@Profile("demo")
class DemoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

	@Bean(destroyMethod = "close")
	SimulatedMoodle simulatedMoodle(@Value("${ead.demo.moodle-port:8089}") int port,
			@Value("${ead.demo.scale:1}") int scale, @Value("${ead.demo.latency-ms:0}") long latencyMs) {
		SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(scale), port);
		moodle.latency(java.time.Duration.ofMillis(latencyMs));
		// The demo site has the plugin local_eadtutors, its change feed in the token's service.
		moodle.enableChangeFeed();
		moodle.start();
		log.info("Moodle simulé démarré sur {} ({} modules, {} inscriptions d'apprenants)", moodle.baseUrl(),
				moodle.dataset().coursesUnder(EadDataset.EAD_ROOT).size(), moodle.dataset().enrolmentCount());
		return moodle;
	}

	@EventListener(ApplicationReadyEvent.class)
	void demoLifecycle(ApplicationReadyEvent event) {
		var context = event.getApplicationContext();
		DemoData.firstDay(context)
			.subscribe(null, e -> log.error("Données de démonstration du cycle de vie non créées", e),
					() -> log.info("Données de démonstration du cycle de vie prêtes (titres, formations, campagne)"));
	}

	/** After the start-up sync (which brings the modules), the référentiels, exams and mappings of the demo. */
	@EventListener(ApplicationReadyEvent.class)
	void demoReferentials(ApplicationReadyEvent event) {
		var context = event.getApplicationContext();
		DemoReferentials seed = new DemoReferentials(context.getBean(be.fwb.ead.referentials.Referentials.class),
				context.getBean(be.fwb.ead.referentials.Coverage.class), context.getBean(be.fwb.ead.referentials.Exams.class),
				context.getBean(org.springframework.r2dbc.core.DatabaseClient.class));
		context.getBean(be.fwb.ead.sync.SyncRuns.class)
			.latest(1)
			.next()
			.filter(run -> run.status() == be.fwb.ead.sync.SyncStatus.SUCCEEDED)
			.repeatWhenEmpty(60, attempts -> attempts.delayElements(java.time.Duration.ofSeconds(1)))
			.flatMap(run -> seed.seedIfEmpty())
			.then(new DemoReviews(context.getBean(be.fwb.ead.reviews.Campaigns.class), context.getBean(be.fwb.ead.reviews.Reviews.class),
					context.getBean(be.fwb.ead.reviews.Rubrics.class), context.getBean(Accounts.class),
					context.getEnvironment().getProperty("ead.security.admin-username", "coordination")).seedIfEmpty())
			// The profile first-day stops here: the service as switched on. Otherwise, one year in.
			.then(context.getEnvironment().acceptsProfiles(org.springframework.core.env.Profiles.of("first-day")) ? Mono.empty()
					: titlesAndSessionsReady(context).then(DemoData.yearOne(context)))
			.subscribe(null, e -> log.error("Référentiels, revues ou année de démonstration non créés", e),
					() -> log.info("Référentiels, examens, correspondances, revues et année de démonstration prêts"));
	}

	/** The first day's titles and sessions, created by another listener at start-up. */
	private static Mono<Void> titlesAndSessionsReady(org.springframework.context.ApplicationContext context) {
		return context.getBean(be.fwb.ead.training.Training.class).sessions().hasElements()
			.filter(ready -> ready)
			.repeatWhenEmpty(30, n -> n.delayElements(java.time.Duration.ofSeconds(1)))
			.then();
	}

	@EventListener(ApplicationReadyEvent.class)
	void demoAccounts(ApplicationReadyEvent event) {
		Accounts accounts = event.getApplicationContext().getBean(Accounts.class);
		accounts.byUsername("qualite")
			.hasElement()
			.flatMap(exists -> exists ? Mono.empty()
					: accounts.create("qualite", "demo-qualite", Role.REVIEWER, "Relecteur qualité (démo)", null))
			.subscribe(a -> log.info("Compte de démonstration créé : {} ({})", a.username(), a.role()),
					e -> log.error("Compte de démonstration non créé", e));
	}
}
