package be.fwb.ead;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** One package per capability, no cycles between them, no reaching into another's internals. */
class ModularityTests {

	/**
	 * The modules as Spring Modulith reads them: seconds of class analysis, so read once per JVM, here and for the
	 * architecture's picture ({@link ArchitectureDocumentationTests}).
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(EadApplication.class);

	/**
	 * What the read side ({@code analysis}) may call beside the views it reads: the owners' query APIs, the pieces every
	 * module uses, and the web shell its screens use.
	 */
	private static final Set<String> READ_SIDE_READS = Set.of("shared", "ui", "sync", "catalogue", "vacataires", "titles", "training",
			"assignments", "evaluations", "referentials", "reviews");

	@Test
	void capabilitiesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theReadSideReadsTheOwnersAndNoOwnersRuleDependsOnIt() {
		ApplicationModule analysis = MODULES.getModuleByName("analysis").orElseThrow();
		assertThat(analysis.getDirectDependencies(MODULES).uniqueModules().map(m -> m.getIdentifier().toString()))
			.as("modules the read side depends on").isSubsetOf(READ_SIDE_READS);
		assertThat(MODULES.stream()
			.filter(m -> m.getDirectDependencies(MODULES).contains(analysis))
			.map(m -> m.getIdentifier().toString()))
			.as("modules depending on the read side: its screens are its own (analysis.web); an owner that needs its answers "
					+ "declares an interface the read side implements (reviews.CandidateModules, vacataires.TitleGaps)")
			.isEmpty();
	}

	/** The demo, the simulated Moodle and the development database are built with the tests (src/dev), not modules. */
	@Test
	void theDevelopmentToolingIsNoModuleOfTheProduct() {
		assertThat(DevelopmentToolingTests.TOOLING).allSatisfy(name -> assertThat(MODULES.getModuleByName(name)).isEmpty());
	}
}
