package be.fwb.ead.ui;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsUnitTest {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private final Formats french = new Formats(Languages.FRENCH, java.time.Clock.system(BRUSSELS));
	private final Formats english = new Formats(Languages.ENGLISH, java.time.Clock.system(BRUSSELS));

	@Test
	void datesAreBelgianInFrenchAndInBrusselsTime() {
		Instant winter = Instant.parse("2026-11-23T13:05:00Z");
		assertThat(french.dateTime(winter)).isEqualTo("23/11/2026 14:05");
		assertThat(french.date(winter)).isEqualTo("23/11/2026");
		assertThat(english.dateTime(winter)).isEqualTo("23 Nov 2026, 14:05");
		assertThat(french.dateTime(null)).isEmpty();
	}

	@Test
	void numbersAreGroupedTheBelgianWay() {
		assertThat(french.number(9947).replace('\u202F', ' ').replace('\u00A0', ' ')).isEqualTo("9 947");
		assertThat(english.number(9947)).isEqualTo("9,947");
		// A score keeps its decimal, with a comma in French: « 4,0 / 5 », not « 4.0 / 5 ».
		assertThat(french.decimal(4.0, 1)).isEqualTo("4,0");
		assertThat(french.decimal(2.727, 2)).isEqualTo("2,73");
		assertThat(english.decimal(4.0, 1)).isEqualTo("4.0");
		assertThat(french.decimal(null, 1)).isEmpty();
	}

	@Test
	void durationsReadNaturally() {
		Instant start = Instant.parse("2026-11-23T13:05:00Z");
		assertThat(french.duration(start, start.plusMillis(643))).isEqualTo("643 ms");
		assertThat(french.duration(start, start.plusMillis(12_500))).isEqualTo("12,5 s");
		assertThat(english.duration(start, start.plusMillis(12_500))).isEqualTo("12.5 s");
		assertThat(french.duration(start, start.plusSeconds(185))).isEqualTo("3 min 05 s");
	}

	@Test
	void theLanguageSwitchOnlyGoesBackToPagesOfThisSite() {
		assertThat(LanguageSwitch.isLocal("/modules?q=a")).isTrue();
		assertThat(LanguageSwitch.isLocal("//evil.example/")).isFalse();
		assertThat(LanguageSwitch.isLocal("/\\evil.example/")).isFalse();
		assertThat(LanguageSwitch.isLocal("https://evil.example/")).isFalse();
		assertThat(LanguageSwitch.isLocal(null)).isFalse();
		assertThat(Languages.of("en")).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.of("de")).isEqualTo(Languages.FRENCH);
	}
}
