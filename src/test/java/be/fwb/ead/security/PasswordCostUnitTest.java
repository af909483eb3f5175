package be.fwb.ead.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hashing cost is a setting: production's is BCrypt's 10, and changing it locks nobody out. */
class PasswordCostUnitTest {

	@Test
	void productionHashesAtCostTen() throws Exception {
		Object cost = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).get(0)
			.getProperty("ead.security.password-cost");
		assertThat(cost).isEqualTo(10);
		assertThat(new SecurityConfiguration().passwordEncoder(10).encode("mot-de-passe")).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void aHashKeepsItsCostWhenTheSettingChanges() {
		String madeAtTen = new SecurityConfiguration().passwordEncoder(10).encode("mot-de-passe");
		PasswordEncoder atFour = new SecurityConfiguration().passwordEncoder(4);
		assertThat(atFour.matches("mot-de-passe", madeAtTen)).isTrue();
		assertThat(atFour.matches("autre", madeAtTen)).isFalse();
		assertThat(atFour.encode("mot-de-passe")).startsWith("{bcrypt}$2a$04$");
		// Spring Security's other formats are still recognised.
		assertThat(atFour.matches("mot-de-passe", "{noop}mot-de-passe")).isTrue();
	}

	@Test
	void aCostOutOfBcryptsRangeStopsTheStart() {
		assertThatThrownBy(() -> new SecurityConfiguration().passwordEncoder(3)).hasMessageContaining("entre 4 et 31");
		assertThatThrownBy(() -> new SecurityConfiguration().passwordEncoder(32)).hasMessageContaining("entre 4 et 31");
	}
}
