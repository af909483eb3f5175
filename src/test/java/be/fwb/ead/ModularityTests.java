package be.fwb.ead;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One package per capability, no cycles between them, no reaching into another's internals. */
class ModularityTests {

	@Test
	void capabilitiesRespectTheirBoundaries() {
		ApplicationModules.of(EadApplication.class).verify();
	}
}
