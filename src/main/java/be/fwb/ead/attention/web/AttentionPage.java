package be.fwb.ead.attention.web;

import be.fwb.ead.attention.Attention;
import be.fwb.ead.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinators' attention list. */
@PageController
class AttentionPage {

	private final Attention attention;

	AttentionPage(Attention attention) {
		this.attention = attention;
	}

	@GetMapping("/attention")
	String attention(Model model) {
		model.addAttribute("groups", attention.all());
		return "attention/list";
	}
}
