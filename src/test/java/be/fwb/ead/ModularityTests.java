package be.fwb.ead;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** One package per capability, no cycles between them, no reaching into another's internals. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(EadApplication.class);

	@Test
	void capabilitiesRespectTheirBoundaries() {
		modules.verify();
	}

	/** The demo, the simulated Moodle and the development database are built with the tests (src/dev), not modules. */
	@Test
	void theDevelopmentToolingIsNoModuleOfTheProduct() {
		assertThat(DevelopmentToolingTests.TOOLING).allSatisfy(name -> assertThat(modules.getModuleByName(name)).isEmpty());
	}
}
