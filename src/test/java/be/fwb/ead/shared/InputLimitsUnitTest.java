package be.fwb.ead.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits of what people send, and an e-mail check linear in the address's length. */
class InputLimitsUnitTest {

	@Test
	void fieldsAreBoundedByTheirName() {
		assertThat(InputLimits.maxLength("email")).isEqualTo(254);
		assertThat(InputLimits.maxLength("lastname")).isEqualTo(200);
		assertThat(InputLimits.maxLength("idnumber")).isEqualTo(100);
		assertThat(InputLimits.maxLength("comment-12")).isEqualTo(4000);
		assertThat(InputLimits.maxLength("autre")).isEqualTo(10_000);
		assertThatThrownBy(() -> InputLimits.text("lastname", "x".repeat(201))).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> InputLimits.text("autre", "a\u0000b")).isInstanceOf(InvalidRequest.class);
		assertThat(InputLimits.text("lastname", "Müller")).isEqualTo("Müller");
	}

	@Test
	void datesLieBetween1900And2199() {
		assertThat(InputLimits.date("2026-09-01")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> InputLimits.date("+999999999-01-01")).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> InputLimits.date("1899-12-31")).isInstanceOf(InvalidRequest.class);
	}

	@Test
	void theEmailCheckIsRightAndLinear() {
		assertThat(InputLimits.isEmail("lea.martin@ens.cfwb.be")).isTrue();
		assertThat(InputLimits.isEmail("lea@localhost")).isFalse();
		assertThat(InputLimits.isEmail("lea@.be")).isFalse();
		assertThat(InputLimits.isEmail("lea@ens.")).isFalse();
		assertThat(InputLimits.isEmail("le a@ens.be")).isFalse();
		assertThat(InputLimits.isEmail("a@b@ens.be")).isFalse();
		long start = System.nanoTime();
		String hostile = "a@" + ".".repeat(200_000) + "@";
		for (int i = 0; i < 100; i++) {
			assertThat(InputLimits.isEmail(hostile)).isFalse();
		}
		assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 100 hostile addresses").isLessThan(500);
	}
}
