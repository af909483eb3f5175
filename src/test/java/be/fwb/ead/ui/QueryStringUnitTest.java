package be.fwb.ead.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringUnitTest {

	@Test
	void leavesOutWhatIsMissingOrAtItsDefaultAndEncodesTheRest() {
		String query = new QueryString().add("q", "écrire & lire")
			.add("level", null)
			.add("blank", " ")
			.add("visible", false)
			.add("state", "current", "current")
			.flag("withoutTutor", true)
			.flag("withoutAuthor", false)
			.paging(true, null, 3)
			.toString();
		assertThat(query).isEqualTo("q=%C3%A9crire%20%26%20lire&visible=false&withoutTutor=true&page=3");
	}

	@Test
	void thePageIsLeftOutOnPageOneAndWhenNotPaged() {
		assertThat(new QueryString().paging(true, 20, 1).toString()).isEqualTo("size=20");
		assertThat(new QueryString().paging(false, 20, 4).toString()).isEmpty();
	}
}
