package be.fwb.ead.grids;

import be.fwb.ead.shared.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteriaGridUnitTest {

	@Test
	void theEditorsFormKeepsTickedCriteriaAddsFilledNewRowsAndDropsTheRest() {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("id-0", "4");
		form.add("label-0", "Qualité pédagogique");
		form.add("weight-0", "3");
		form.add("keep-0", "true");
		form.add("id-1", "7");
		form.add("label-1", "Critère abandonné");
		form.add("weight-1", "1");
		form.add("id-2", "");
		form.add("label-2", "Respect des délais");
		form.add("weight-2", " 2 ");
		form.add("id-3", "");
		form.add("label-3", "");
		form.add("weight-3", "1");
		assertThat(CriteriaGrid.fromForm(form)).containsExactly(new CriteriaGrid.Definition(4L, "Qualité pédagogique", 3),
				new CriteriaGrid.Definition(null, "Respect des délais", 2));
		form.set("weight-2", "deux");
		assertThatThrownBy(() -> CriteriaGrid.fromForm(form)).isInstanceOf(InvalidRequest.class).hasMessageContaining("Respect des délais");
	}
}
