package be.fwb.ead.moodle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoodleTextUnitTest {

	@Test
	void decodesTheEntitiesMoodleWrites() {
		assertThat(MoodleText.decode("Histoire &amp; G&eacute;o &#233;t&#xE9; &lt;b&gt; &quot;x&quot; &#039;"))
			.isEqualTo("Histoire & G&eacute;o été <b> \"x\" '");
		assertThat(MoodleText.decode("sans entité")).isEqualTo("sans entité");
		assertThat(MoodleText.decode(null)).isNull();
	}

	@Test
	void encodesArraysAndStructuresWithPhpBrackets() {
		MoodleForm form = MoodleForm.call("f", "t")
			.list("values", java.util.List.of("a", "b"))
			.options("options", java.util.List.<String[]>of(new String[] { "userfields", "id" }));
		assertThat(form.fields().toSingleValueMap()).containsEntry("values[0]", "a")
			.containsEntry("values[1]", "b")
			.containsEntry("options[0][name]", "userfields")
			.containsEntry("options[0][value]", "id")
			.containsEntry("moodlewsrestformat", "json");
	}
}
