package be.fwb.ead.ui;

import java.time.LocalDate;

import be.fwb.ead.shared.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A form's date: as browsers send it or as people type it; refused beside its field when it is not a day. */
class FormInputUnitTest {

	@Test
	void aDateIsReadAsBrowsersSendItOrAsPeopleTypeIt() {
		assertThat(FormInput.date(form(" 2026-09-01 "), "d")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(FormInput.date(form("01/09/2026"), "d")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(FormInput.date(form("1/9/2026"), "d")).isEqualTo(LocalDate.of(2026, 9, 1));
		assertThat(FormInput.date(form("29/02/2028"), "d")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(FormInput.date(form(""), "d")).isNull();
		assertThat(FormInput.date(new LinkedMultiValueMap<>(), "d")).isNull();
	}

	@Test
	void aDateThatIsNotADayIsRefusedBesideItsField() {
		for (String wrong : new String[] { "31/02/2026", "2026-02-30", "0215-03-01", "01/09/26", "demain", "1".repeat(200) }) {
			assertThatThrownBy(() -> FormInput.date(form(wrong), "doc-date-1")).as(wrong)
				.isInstanceOfSatisfying(InvalidRequest.class, e -> {
					assertThat(e.field()).isEqualTo("doc-date-1");
					assertThat(e.getMessage()).startsWith("Valeur non reconnue : « ")
						.endsWith(" (attendu : une date existante, écrite comme 01/09/2026, entre 1900 et 2199).")
						.hasSizeLessThan(200);
				});
		}
	}

	@Test
	void aNumberThatIsNotOneIsRefusedBesideItsField() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("capacity", " 12 ");
		assertThat(FormInput.number(form, "capacity")).isEqualTo(12);
		form.set("capacity", "douze" + "x".repeat(500));
		assertThatThrownBy(() -> FormInput.number(form, "capacity"))
			.isInstanceOfSatisfying(InvalidRequest.class, e -> {
				assertThat(e.field()).isEqualTo("capacity");
				assertThat(e.getMessage()).startsWith("Valeur non reconnue : « douzex").endsWith("… » (attendu : un nombre entier).")
					.hasSizeLessThan(120);
			});
	}

	private static MultiValueMap<String, String> form(String date) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("d", date);
		form.add("doc-date-1", date);
		return form;
	}
}
